using Konvooi.Domain.Access;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Konvooi.Features.Referrals;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using R4 = Hl7.Fhir.Model;

namespace Konvooi.Features.Tests.Referrals;

/// <summary>
/// FHIR R4 export and import of signals on both providers (docs/referral.md, "Interop (FHIR R4)"): a round trip from
/// one coalition into another, a second import that adds nothing, who may exchange, and a bad bundle that lists every
/// problem and imports nothing.
/// </summary>
public sealed class FhirReferralsTests
{
    private sealed record World(TwoOrganisations Orgs, Guid Physio, Guid Signaller, Guid OtherLead, Guid OtherCoordinator);

    private static async Task<World> ArrangeAsync(IServiceProvider services)
    {
        var orgs = await TwoOrganisations.CreateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var setup = scope.ServiceProvider.GetRequiredService<Setup.Handler>();
        var lead = scope.ServiceProvider.GetRequiredService<SetCoalitionLead.Handler>();
        var coalitionId = await db.Organisations.Where(o => o.Id == orgs.OrganisationA).Select(o => o.CoalitionId).SingleAsync();
        var physio = Id(await setup.CreateOrganisationAsync(coalitionId, "Fysio Test", OrganisationKind.Fysiotherapie, CancellationToken.None));
        var signaller = Id(await setup.CreateUserAsync(new Setup.NewUser("signaal@test.example", "Signaleerder Test", Role.Signaller, physio, "Test-wachtwoord-123"), CancellationToken.None));
        Assert.Null(await lead.HandleAsync(coalitionId, orgs.OrganisationA, CancellationToken.None));
        db.Wijken.AddRange(
            new Wijk { Id = Guid.NewGuid(), CoalitionId = coalitionId, Code = "WK999901", Name = "Noord" },
            new Wijk { Id = Guid.NewGuid(), CoalitionId = coalitionId, Code = "WK999902", Name = "Zuid" });
        db.RoutingRules.AddRange(
            new RoutingRuleRecord { Id = Guid.NewGuid(), CoalitionId = coalitionId, OrganisationId = orgs.OrganisationB, WijkCode = "WK999902" },
            new RoutingRuleRecord { Id = Guid.NewGuid(), CoalitionId = coalitionId, OrganisationId = orgs.OrganisationA, PostcodeFrom = 9990, PostcodeTo = 9999 });

        // A second coalition, as another system would be: its lead organisation receives what no rule routes.
        var other = Id(await setup.CreateCoalitionAsync("Andere coalitie", "GM0002", false, CancellationToken.None));
        var otherLead = Id(await setup.CreateOrganisationAsync(other, "Welzijn Anders", OrganisationKind.Welzijnsorganisatie, CancellationToken.None));
        var otherCoordinator = Id(await setup.CreateUserAsync(new Setup.NewUser("coordinator@anders.example", "Coördinator Anders", Role.Coordinator, otherLead, "Test-wachtwoord-123"), CancellationToken.None));
        Assert.Null(await lead.HandleAsync(other, otherLead, CancellationToken.None));
        await db.SaveChangesAsync();
        return new World(orgs, physio, signaller, otherLead, otherCoordinator);
    }

    private static Guid Id(Setup.Outcome outcome) => Assert.IsType<Setup.Outcome.Created>(outcome).Id;

    private static AsyncServiceScope As(IServiceProvider services, Guid user, Guid organisation, Role role) => TestDatabase.Scope(services, user, organisation, role);

    private static SendSignal.Input Gerrit() => new()
    {
        Name = "Gerrit Fictief",
        Age = 84,
        Address = "Lindelaan 4",
        Postcode = "9991 AB",
        Phone = "06 12345678",
        PreferredLanguage = "Nederlands",
        Signs = ["lives_alone_few_visitors", "recent_loss"],
        Observation = "Zijn vrouw is in januari overleden.",
        Urgency = SignalUrgency.Routine,
        ConsentToContact = true,
        ConsentGivenOn = new DateOnly(2026, 3, 2),
        PreferredApproach = "Bellen na tien uur",
        MayHearBack = true,
        IdempotencyKey = Guid.NewGuid(),
    };

    private static SendSignal.Input Annie() => new()
    {
        Name = "Annie Fictief",
        DateOfBirth = new DateOnly(1938, 6, 1),
        WijkCode = "WK999902",
        Signs = ["stopped_going_out"],
        Urgency = SignalUrgency.Soon,
        ConsentToContact = true,
        ConsentGivenOn = new DateOnly(2026, 2, 20),
        IdempotencyKey = Guid.NewGuid(),
    };

    /// <summary>The signaller sends two signals and an advice request; the second signal is closed at organisation B.</summary>
    private static async Task<(Guid Gerrit, Guid Annie, Guid Advice)> SendAsync(IServiceProvider services, World w)
    {
        Guid gerrit, annie, advice;
        await using (var scope = As(services, w.Signaller, w.Physio, Role.Signaller))
        {
            var send = scope.ServiceProvider.GetRequiredService<SendSignal.Handler>();
            gerrit = Assert.IsType<SendSignal.Outcome.Sent>(await send.SendAsync(Gerrit(), CancellationToken.None)).Id;
            annie = Assert.IsType<SendSignal.Outcome.Sent>(await send.SendAsync(Annie(), CancellationToken.None)).Id;
            advice = Assert.IsType<SendSignal.Outcome.Sent>(await send.SendAsync(
                new SendSignal.Input { Kind = SignalKind.AdviceRequest, Observation = "Hoe begin ik over eenzaamheid?", IdempotencyKey = Guid.NewGuid() }, CancellationToken.None)).Id;
        }

        await using (var scope = As(services, w.Orgs.CoordinatorB, w.Orgs.OrganisationB, Role.Coordinator))
        {
            Assert.IsType<IntakeOutcome.Done>(await scope.ServiceProvider.GetRequiredService<CloseSignal.Handler>().HandleAsync(annie, 1, "not_needed", null, CancellationToken.None));
        }

        return (gerrit, annie, advice);
    }

    private static async Task<ExportReferrals.Outcome.Exported> ExportAsync(IServiceProvider services, World w)
    {
        await using var scope = As(services, w.Orgs.CoordinatorA, w.Orgs.OrganisationA, Role.Coordinator);
        return Assert.IsType<ExportReferrals.Outcome.Exported>(await scope.ServiceProvider.GetRequiredService<ExportReferrals.Handler>()
            .HandleAsync(new DateOnly(2026, 3, 1), CancellationToken.None));
    }

    private static async Task<ImportReferrals.Outcome> ImportAsync(IServiceProvider services, World w, string json)
    {
        await using var scope = As(services, w.OtherCoordinator, w.OtherLead, Role.Coordinator);
        return await scope.ServiceProvider.GetRequiredService<ImportReferrals.Handler>().HandleAsync(json, CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_WholeCoalition_ServiceRequestTaskAndPatientOnlyWithPersonalData(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var w = await ArrangeAsync(services);
        var (gerrit, annie, advice) = await SendAsync(services, w);

        var exported = await ExportAsync(services, w);

        Assert.Equal((3, 2), (exported.Signals, exported.People));
        var bundle = exported.Bundle;
        Assert.Equal(R4.Bundle.BundleType.Collection, bundle.Type);
        Assert.Equal(2, bundle.Entry.Count(e => e.Resource is R4.Patient));
        var requests = bundle.Entry.Select(e => e.Resource).OfType<R4.ServiceRequest>().ToDictionary(r => Guid.Parse(r.Identifier.Single().Value!));
        var tasks = bundle.Entry.Select(e => e.Resource).OfType<R4.Task>().ToDictionary(t => Guid.Parse(t.Identifier.Single().Value!));
        Assert.Equal(new[] { gerrit, annie, advice }.Order(), requests.Keys.Order());
        Assert.Equal(FhirReferralCodes.SignalIdentifierSystem, requests[gerrit].Identifier[0].System);

        // Organisation B received Annie's signal (wijk rule) and closed it: the lead's export still holds it.
        Assert.Equal((R4.Task.TaskStatus.Requested, "Organisatie A"), (tasks[gerrit].Status, tasks[gerrit].Owner!.Display));
        Assert.Equal((R4.Task.TaskStatus.Cancelled, "not_needed", "Organisatie B"), (tasks[annie].Status, tasks[annie].StatusReason!.Coding[0].Code, tasks[annie].Owner!.Display));
        Assert.Equal("Fysio Test", requests[gerrit].Requester!.Display);
        Assert.Equal((R4.RequestPriority.Routine, R4.RequestPriority.Urgent), (requests[gerrit].Priority, requests[annie].Priority));
        Assert.Equal(["lives_alone_few_visitors", "recent_loss"], requests[gerrit].ReasonCode.Select(r => r.Coding[0].Code));
        Assert.Equal("2026-03-09", tasks[gerrit].Restriction!.Period!.End); // received Monday 2 March, 5 working days

        // The advice request carries no personal data: no Patient, no Task.for, no consent.
        Assert.Null(requests[advice].Subject!.Reference);
        Assert.Null(tasks[advice].For);
        Assert.Empty(requests[advice].Extension);
        var gerritPatient = (R4.Patient)bundle.Entry.Single(e => e.FullUrl == requests[gerrit].Subject!.Reference).Resource!;
        Assert.Equal(("Gerrit Fictief", "9991 AB", "06 12345678"), (gerritPatient.Name[0].Text, gerritPatient.Address[0].PostalCode, gerritPatient.Telecom[0].Value));
        Assert.Equal(requests[gerrit].Subject!.Reference, tasks[gerrit].For!.Reference);

        // One audit entry per person exported, none for the advice request.
        await using var scope = As(services, w.Orgs.CoordinatorA, w.Orgs.OrganisationA, Role.Coordinator);
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var audited = await db.AuditEntries.Where(a => a.Action == ReferralAuditActions.Export).Select(a => new { a.RecordIds, a.UserId }).ToListAsync();
        Assert.Equal(new[] { annie, gerrit }.Select(id => id.ToString("D")).Order(StringComparer.Ordinal), audited.Select(a => a.RecordIds).Order(StringComparer.Ordinal));
        Assert.All(audited, a => Assert.Equal(w.Orgs.CoordinatorA, a.UserId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RoundTrip_IntoAnotherCoalition_SameFields_AndASecondImportAddsNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var w = await ArrangeAsync(services);
        var (gerrit, _, advice) = await SendAsync(services, w);
        var json = FhirReferrals.ToJson((await ExportAsync(services, w)).Bundle);

        var first = Assert.IsType<ImportReferrals.Outcome.Imported>(await ImportAsync(services, w, json));
        var second = Assert.IsType<ImportReferrals.Outcome.Imported>(await ImportAsync(services, w, json));

        Assert.Equal((2, 0, 1), (first.SignalIds.Count, first.AlreadyPresent, first.Skipped)); // the closed signal is left out
        Assert.Equal((0, 2, 1), (second.SignalIds.Count, second.AlreadyPresent, second.Skipped));

        Dictionary<Guid, SignalRecord> originals;
        await using (var scope = As(services, w.Orgs.CoordinatorA, w.Orgs.OrganisationA, Role.Coordinator))
        {
            originals = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Signals.AsNoTracking().ToDictionaryAsync(s => s.Id);
        }

        await using (var scope = As(services, w.OtherCoordinator, w.OtherLead, Role.Coordinator))
        {
            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            var imported = await db.Signals.AsNoTracking().ToListAsync();
            Assert.Equal(2, imported.Count);
            var copy = imported.Single(s => s.Kind == SignalKind.Signal);
            var original = originals[gerrit];
            Assert.Equal(
                (original.Name, original.DateOfBirth, original.Age, original.Address, original.Postcode, original.WijkCode, original.Phone, original.PreferredLanguage),
                (copy.Name, copy.DateOfBirth, copy.Age, copy.Address, copy.Postcode, copy.WijkCode, copy.Phone, copy.PreferredLanguage));
            Assert.Equal(
                (original.Signs, original.Observation, original.Urgency, original.ConsentToContact, original.ConsentGivenOn, original.PreferredApproach, original.MayHearBack),
                (copy.Signs, copy.Observation, copy.Urgency, copy.ConsentToContact, copy.ConsentGivenOn, copy.PreferredApproach, copy.MayHearBack));

            // Routed like a form signal (no routing table here: the lead), deadlined the same way, attributed to the importer.
            Assert.Equal((SignalSource.Import, w.OtherLead, RoutingBasis.LeadOrganisation, IntakeState.Received), (copy.Source, copy.ReceivingOrganisationId, copy.RoutingBasis, copy.State));
            Assert.Equal((w.OtherCoordinator, w.OtherLead, new DateOnly(2026, 3, 9)), (copy.SubmittedById, copy.SourceOrganisationId, copy.Deadline));
            var adviceCopy = imported.Single(s => s.Kind == SignalKind.AdviceRequest);
            Assert.Equal((originals[advice].Observation, null, false), (adviceCopy.Observation, adviceCopy.Name, adviceCopy.ConsentToContact));

            var received = await db.SignalEvents.AsNoTracking().Where(e => e.SignalId == copy.Id).SingleAsync();
            Assert.Equal(("received", "FHIR-import van Fysio Test"), (received.Kind, received.Note));
            var audited = await db.AuditEntries.Where(a => a.Action == ReferralAuditActions.Import).Select(a => a.UserId).ToListAsync();
            Assert.Equal([w.OtherCoordinator, w.OtherCoordinator], audited);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OnlyCoordinatorsOfTheLeadOrganisation_ExportOrImport(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var w = await ArrangeAsync(services);

        foreach (var (user, organisation, role) in new[]
                 {
                     (w.Orgs.CoordinatorB, w.Orgs.OrganisationB, Role.Coordinator), // coordinator, but not of the lead
                     (w.Orgs.ProfessionalA, w.Orgs.OrganisationA, Role.Professional),
                     (w.Orgs.AdministratorA, w.Orgs.OrganisationA, Role.Administrator),
                     (w.Signaller, w.Physio, Role.Signaller),
                 })
        {
            await using var scope = As(services, user, organisation, role);
            Assert.IsType<ExportReferrals.Outcome.Forbidden>(await scope.ServiceProvider.GetRequiredService<ExportReferrals.Handler>().HandleAsync(new DateOnly(2026, 1, 1), CancellationToken.None));
            Assert.IsType<ImportReferrals.Outcome.Forbidden>(await scope.ServiceProvider.GetRequiredService<ImportReferrals.Handler>().HandleAsync("{}", CancellationToken.None));
        }
    }

    /// <summary>Docs/referral.md, "Interop (FHIR R4)": the example of a bundle with problems.</summary>
    public const string BadBundle = """
        {
          "resourceType": "Bundle",
          "type": "collection",
          "entry": [
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000001",
              "resource": { "resourceType": "ServiceRequest", "identifier": [{ "system": "urn:oid:2.16.528.1.1007.3.3", "value": "HIS-1" }],
                "status": "active", "intent": "order", "priority": "routine",
                "subject": { "reference": "urn:uuid:00000000-0000-4000-8000-000000000003" },
                "reasonCode": [{ "coding": [{ "system": "urn:konvooi:fhir:signal-sign", "code": "lives_alone_few_visitors" }] }],
                "extension": [{ "url": "urn:konvooi:fhir:extension:signal-consent", "extension": [
                  { "url": "contact", "valueBoolean": true }, { "url": "date", "valueDate": "2026-02-30" } ] }] } },
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000002",
              "resource": { "resourceType": "Task", "status": "open", "intent": "order",
                "focus": { "reference": "urn:uuid:00000000-0000-4000-8000-000000000001" } } },
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000003",
              "resource": { "resourceType": "Patient", "birthDate": "1940-05-01", "address": [{ "postalCode": "9991 AB" }] } },
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000004",
              "resource": { "resourceType": "ServiceRequest", "identifier": [{ "system": "urn:oid:2.16.528.1.1007.3.3", "value": "HIS-2" }],
                "status": "active", "intent": "order", "priority": "whenever",
                "subject": { "reference": "urn:uuid:00000000-0000-4000-8000-000000000006" } } },
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000005",
              "resource": { "resourceType": "Task", "status": "requested", "intent": "order",
                "focus": { "reference": "urn:uuid:00000000-0000-4000-8000-000000000004" } } },
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000006",
              "resource": { "resourceType": "Patient", "name": [{ "text": "Annie Fictief" }], "birthDate": "1938", "address": [{ "postalCode": "9991 AB" }] } },
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000007",
              "resource": { "resourceType": "ServiceRequest", "identifier": [{ "system": "urn:oid:2.16.528.1.1007.3.3", "value": "HIS-3" }],
                "status": "active", "intent": "order",
                "code": { "coding": [{ "system": "urn:konvooi:fhir:signal-kind", "code": "advice_request" }] },
                "subject": { "reference": "urn:uuid:00000000-0000-4000-8000-000000000009" }, "note": [{ "text": "Hoe begin ik erover?" }] } },
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000008",
              "resource": { "resourceType": "Task", "status": "requested", "intent": "order",
                "focus": { "reference": "urn:uuid:00000000-0000-4000-8000-000000000007" } } },
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000009",
              "resource": { "resourceType": "Patient", "name": [{ "text": "Kees Fictief" }] } }
          ]
        }
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_UnknownStatusMissingNameBadDate_ListsEveryProblem_ImportsNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var w = await ArrangeAsync(services);

        var rejected = Assert.IsType<ImportReferrals.Outcome.Rejected>(await ImportAsync(services, w, BadBundle));

        Assert.Equal(
            [
                "$.entry[0].resource.extension[0].extension[1].value: not a valid FHIR date (got \"2026-02-30\")",
                "$.entry[1].resource.status: not a code of the FHIR value set TaskStatus (got \"open\")",
                "$.entry[2].resource.name: Vul de naam van de persoon in.",
                "$.entry[3].resource.priority: not a code of the FHIR value set RequestPriority (got \"whenever\")",
                "$.entry[3].resource.reasonCode: Kruis aan wat u opviel, of schrijf het op.",
                "$.entry[3].resource.extension: Geef aan of de persoon het goed vindt dat er contact met hem of haar wordt opgenomen.",
                "$.entry[5].resource.birthDate: a full date (YYYY-MM-DD) is needed (got \"1938\")",
                "$.entry[6].resource.subject: an advice request carries no personal data: leave out the Patient (got a reference to $.entry[8].resource)",
            ],
            rejected.Problems);
        await using var scope = As(services, w.OtherCoordinator, w.OtherLead, Role.Coordinator);
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        Assert.Empty(await db.Signals.ToListAsync());
        Assert.Empty(await db.AuditEntries.Where(a => a.Action == ReferralAuditActions.Import).ToListAsync());
    }

    [Fact]
    public void StableGuid_SameTextSameId()
    {
        Assert.Equal(FhirReferrals.StableGuid("a"), FhirReferrals.StableGuid("a"));
        Assert.NotEqual(FhirReferrals.StableGuid("a"), FhirReferrals.StableGuid("b"));
        Assert.Equal(8, FhirReferrals.StableGuid("a").Version);
    }
}
