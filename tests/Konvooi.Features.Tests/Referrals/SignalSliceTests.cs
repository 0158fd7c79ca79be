using Konvooi.Domain.Access;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Konvooi.Features.Referrals;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.Referrals;

/// <summary>
/// Signals on both providers: a signaller at a physiotherapy practice signals, routing picks the receiver, the
/// coordinator accepts and assigns, the professional records the first contact, and the signaller hears back.
/// </summary>
public sealed class SignalSliceTests
{
    private sealed record Coalition(TwoOrganisations Orgs, Guid Physio, Guid Signaller, Guid Lead);

    private static async Task<Coalition> ArrangeAsync(IServiceProvider services)
    {
        var orgs = await TwoOrganisations.CreateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var setup = scope.ServiceProvider.GetRequiredService<Setup.Handler>();
        var coalitionId = await db.Organisations.Where(o => o.Id == orgs.OrganisationA).Select(o => o.CoalitionId).SingleAsync();
        var physio = Assert.IsType<Setup.Outcome.Created>(await setup.CreateOrganisationAsync(coalitionId, "Fysio Test", OrganisationKind.Fysiotherapie, CancellationToken.None)).Id;
        var signaller = Assert.IsType<Setup.Outcome.Created>(await setup.CreateUserAsync(
            new Setup.NewUser("signaal@test.example", "Signaleerder Test", Role.Signaller, physio, "Test-wachtwoord-123"), CancellationToken.None)).Id;
        Assert.Null(await scope.ServiceProvider.GetRequiredService<SetCoalitionLead.Handler>().HandleAsync(coalitionId, orgs.OrganisationA, CancellationToken.None));
        db.Wijken.AddRange(
            new Wijk { Id = Guid.NewGuid(), CoalitionId = coalitionId, Code = "WK999901", Name = "Noord" },
            new Wijk { Id = Guid.NewGuid(), CoalitionId = coalitionId, Code = "WK999902", Name = "Zuid" });
        db.RoutingRules.AddRange(
            new RoutingRuleRecord { Id = Guid.NewGuid(), CoalitionId = coalitionId, OrganisationId = orgs.OrganisationB, WijkCode = "WK999902" },
            new RoutingRuleRecord { Id = Guid.NewGuid(), CoalitionId = coalitionId, OrganisationId = orgs.OrganisationA, PostcodeFrom = 9990, PostcodeTo = 9999 });
        await db.SaveChangesAsync();
        return new Coalition(orgs, physio, signaller, orgs.OrganisationA);
    }

    private static SendSignal.Input Signal(Guid? key = null) => new()
    {
        Name = "Gerrit Fictief",
        Age = 84,
        Address = "Lindelaan 4",
        Postcode = "9991 AB",
        Signs = ["lives_alone_few_visitors", "recent_loss"],
        Urgency = SignalUrgency.Routine,
        ConsentToContact = true,
        ConsentGivenOn = new DateOnly(2026, 3, 2),
        PreferredApproach = "Bellen na tien uur",
        MayHearBack = true,
        IdempotencyKey = key ?? Guid.NewGuid(),
    };

    private static AsyncServiceScope As(IServiceProvider services, Guid user, Guid organisation, Role role) => TestDatabase.Scope(services, user, organisation, role);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Journey_SignalAcceptedAssignedContacted_SignallerSeesContactMade(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var c = await ArrangeAsync(services);

        Guid signalId;
        await using (var scope = As(services, c.Signaller, c.Physio, Role.Signaller))
        {
            var sent = Assert.IsType<SendSignal.Outcome.Sent>(await scope.ServiceProvider.GetRequiredService<SendSignal.Handler>().SendAsync(Signal(), CancellationToken.None));
            signalId = sent.Id;
        }

        await using (var scope = As(services, c.Orgs.CoordinatorA, c.Orgs.OrganisationA, Role.Coordinator))
        {
            var queue = await scope.ServiceProvider.GetRequiredService<ListIntake.Handler>().ListAsync(false, CancellationToken.None);
            var row = Assert.Single(queue);
            Assert.Equal(new DateOnly(2026, 3, 9), row.Deadline); // received Monday 2 March 2026, 5 working days
            Assert.Equal("Fysio Test", row.FromOrganisation);
            Assert.Equal((1, 0), await scope.ServiceProvider.GetRequiredService<ListIntake.Handler>().CountAsync(CancellationToken.None));

            var detail = (await scope.ServiceProvider.GetRequiredService<GetSignal.Handler>().HandleAsync(signalId, CancellationToken.None))!;
            var newPerson = AcceptSignal.NewPersonFrom(detail.Signal);
            Assert.Equal(("Gerrit", "Fictief", "Lindelaan", "4"), (newPerson.FirstName, newPerson.LastName, newPerson.Street, newPerson.HouseNumber));
            newPerson.DateOfBirth = new DateOnly(1942, 1, 1);
            newPerson.LivingSituation = LivingSituation.Alone;
            var accepted = Assert.IsType<IntakeOutcome.Done>(await scope.ServiceProvider.GetRequiredService<AcceptSignal.Handler>()
                .HandleAsync(signalId, 1, null, newPerson, CancellationToken.None));
            Assert.IsType<IntakeOutcome.Done>(await scope.ServiceProvider.GetRequiredService<AssignSignal.Handler>()
                .HandleAsync(signalId, 2, c.Orgs.ProfessionalA, CancellationToken.None));

            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            var consent = await db.Consents.SingleAsync(x => x.PersonId == accepted.PersonId);
            Assert.Equal((ConsentPurpose.ContactAfterSignal, new DateOnly(2026, 3, 2), c.Signaller), (consent.Purpose, consent.GivenOn, consent.RecordedById));
            Assert.Equal(c.Orgs.ProfessionalA, (await db.People.SingleAsync(p => p.Id == accepted.PersonId)).ResponsibleProfessionalId);
        }

        await using (var scope = As(services, c.Signaller, c.Physio, Role.Signaller))
        {
            var mine = Assert.Single(await scope.ServiceProvider.GetRequiredService<ListMySignals.Handler>().ListAsync(CancellationToken.None));
            Assert.Equal(SignallerStatus.Received, mine.Status);
        }

        await using (var scope = As(services, c.Orgs.ProfessionalA, c.Orgs.OrganisationA, Role.Professional))
        {
            var assigned = Assert.Single(await scope.ServiceProvider.GetRequiredService<ListIntake.Handler>().ListAsync(false, CancellationToken.None));
            Assert.Equal(signalId, assigned.Id);
            Assert.True((await scope.ServiceProvider.GetRequiredService<GetSignal.Handler>().HandleAsync(signalId, CancellationToken.None))!.CanRecordFirstContact);
            Assert.IsType<IntakeOutcome.Done>(await scope.ServiceProvider.GetRequiredService<RecordFirstContact.Handler>()
                .HandleAsync(signalId, 3, new DateOnly(2026, 3, 2), CancellationToken.None));
        }

        await using (var scope = As(services, c.Signaller, c.Physio, Role.Signaller))
        {
            var mine = Assert.Single(await scope.ServiceProvider.GetRequiredService<ListMySignals.Handler>().ListAsync(CancellationToken.None));
            Assert.Equal((SignallerStatus.ContactMade, "Organisatie A"), (mine.Status, mine.ReceiverName));
            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            Assert.Empty(await db.People.ToListAsync()); // a signaller opens no person records
        }

        // The professional agrees a plan (here: watchful waiting) with the person: the signaller sees "Afspraken gemaakt".
        await using (var scope = As(services, c.Orgs.ProfessionalA, c.Orgs.OrganisationA, Role.Professional))
        {
            var personId = (await scope.ServiceProvider.GetRequiredService<GetSignal.Handler>().HandleAsync(signalId, CancellationToken.None))!.Signal.PersonId!.Value;
            var plan = new Konvooi.Features.Support.PlanViews.PlanInput
            {
                Goals = ["Iemand om mee te praten"],
                WatchfulWaiting = true,
                ReviewDate = new DateOnly(2026, 5, 1),
                AgreedOn = new DateOnly(2026, 3, 2),
                AgreedBy = "meneer zelf",
                ResponsibleProfessionalId = c.Orgs.ProfessionalA,
            };
            Assert.IsType<Konvooi.Features.Support.PlanViews.Outcome.Saved>(await scope.ServiceProvider.GetRequiredService<Konvooi.Features.Support.CreatePlan.Handler>()
                .HandleAsync(personId, null, plan, CancellationToken.None));
        }

        await using (var scope = As(services, c.Signaller, c.Physio, Role.Signaller))
        {
            var mine = Assert.Single(await scope.ServiceProvider.GetRequiredService<ListMySignals.Handler>().ListAsync(CancellationToken.None));
            Assert.Equal((SignallerStatus.PlanAgreed, new DateOnly(2026, 3, 2)), (mine.Status, mine.StatusOn));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Send_Routing_DoubleSubmit_AndAdviceRequest(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var c = await ArrangeAsync(services);
        await using var scope = As(services, c.Signaller, c.Physio, Role.Signaller);
        var send = scope.ServiceProvider.GetRequiredService<SendSignal.Handler>();
        var key = Guid.NewGuid();

        var first = Assert.IsType<SendSignal.Outcome.Sent>(await send.SendAsync(Signal(key), CancellationToken.None));
        var again = Assert.IsType<SendSignal.Outcome.Sent>(await send.SendAsync(Signal(key), CancellationToken.None));
        var byWijk = await send.SendAsync(new SendSignal.Input { Name = "Annie Fictief", Age = 90, WijkCode = "WK999902", Signs = ["stopped_going_out"], Urgency = SignalUrgency.Soon, ConsentToContact = true, ConsentGivenOn = new DateOnly(2026, 3, 2), IdempotencyKey = Guid.NewGuid() }, CancellationToken.None);
        var unmatchedInput = Signal();
        unmatchedInput.Postcode = "1234 AB";
        var unmatched = await send.SendAsync(unmatchedInput, CancellationToken.None);
        var advice = Assert.IsType<SendSignal.Outcome.Sent>(await send.SendAsync(new SendSignal.Input { Kind = SignalKind.AdviceRequest, Observation = "Hoe begin ik over eenzaamheid?", IdempotencyKey = Guid.NewGuid() }, CancellationToken.None));
        var adviceWithName = Assert.IsType<SendSignal.Outcome.Invalid>(await send.SendAsync(new SendSignal.Input { Kind = SignalKind.AdviceRequest, Name = "Gerrit", Observation = "Vraag", IdempotencyKey = Guid.NewGuid() }, CancellationToken.None));
        var noConsent = Assert.IsType<SendSignal.Outcome.Invalid>(await send.SendAsync(Without(Signal()), CancellationToken.None));

        Assert.Equal(first.Id, again.Id);
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var stored = await db.Signals.AsNoTracking().ToDictionaryAsync(x => x.Id);
        Assert.Equal(4, stored.Count); // the double submit stored one signal
        Assert.Equal((c.Orgs.OrganisationA, RoutingBasis.Postcode), (stored[first.Id].ReceivingOrganisationId, stored[first.Id].RoutingBasis));
        var wijkSignal = stored[Assert.IsType<SendSignal.Outcome.Sent>(byWijk).Id];
        Assert.Equal((c.Orgs.OrganisationB, RoutingBasis.Wijk, new DateOnly(2026, 3, 4)), (wijkSignal.ReceivingOrganisationId, wijkSignal.RoutingBasis, wijkSignal.Deadline));
        var unmatchedRow = stored[Assert.IsType<SendSignal.Outcome.Sent>(unmatched).Id];
        Assert.Equal((c.Lead, RoutingBasis.LeadOrganisation), (unmatchedRow.ReceivingOrganisationId, unmatchedRow.RoutingBasis));
        var adviceRow = stored[advice.Id];
        Assert.Null(adviceRow.Name);
        Assert.False(adviceRow.ConsentToContact);
        Assert.Equal(["Name"], adviceWithName.Problems.Select(p => p.Field));
        Assert.Equal(["ConsentToContact"], noConsent.Problems.Select(p => p.Field));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Intake_ForwardCloseStaleAndOutsiders(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var c = await ArrangeAsync(services);
        Guid id;
        await using (var scope = As(services, c.Signaller, c.Physio, Role.Signaller))
        {
            id = Assert.IsType<SendSignal.Outcome.Sent>(await scope.ServiceProvider.GetRequiredService<SendSignal.Handler>().SendAsync(Signal(), CancellationToken.None)).Id;
            // The signaller cannot work the queue or accept.
            Assert.IsType<IntakeOutcome.NotFound>(await scope.ServiceProvider.GetRequiredService<AcceptSignal.Handler>().HandleAsync(id, 1, null, TwoOrganisations.ValidPerson(), CancellationToken.None));
        }

        await using (var scope = As(services, c.Orgs.ProfessionalA, c.Orgs.OrganisationA, Role.Professional))
        {
            // Not assigned: the professional does not see it.
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ListIntake.Handler>().ListAsync(false, CancellationToken.None));
            Assert.Null(await scope.ServiceProvider.GetRequiredService<GetSignal.Handler>().HandleAsync(id, CancellationToken.None));
        }

        await using (var scope = As(services, c.Orgs.CoordinatorA, c.Orgs.OrganisationA, Role.Coordinator))
        {
            var forward = scope.ServiceProvider.GetRequiredService<ForwardSignal.Handler>();
            Assert.Equal("ToOrganisationId", Assert.IsType<IntakeOutcome.Refused>(await forward.HandleAsync(id, 1, Guid.NewGuid(), "reden", CancellationToken.None)).Field);
            Assert.Equal("Reason", Assert.IsType<IntakeOutcome.Refused>(await forward.HandleAsync(id, 1, c.Orgs.OrganisationB, " ", CancellationToken.None)).Field);
            Assert.IsType<IntakeOutcome.Stale>(await forward.HandleAsync(id, 7, c.Orgs.OrganisationB, "reden", CancellationToken.None));
            Assert.IsType<IntakeOutcome.Done>(await forward.HandleAsync(id, 1, c.Orgs.OrganisationB, "Maatjesproject zit bij B", CancellationToken.None));
            Assert.Null(await scope.ServiceProvider.GetRequiredService<GetSignal.Handler>().HandleAsync(id, CancellationToken.None));
        }

        await using (var scope = As(services, c.Orgs.CoordinatorB, c.Orgs.OrganisationB, Role.Coordinator))
        {
            var detail = (await scope.ServiceProvider.GetRequiredService<GetSignal.Handler>().HandleAsync(id, CancellationToken.None))!;
            var forwarded = Assert.Single(detail.Events, e => e.Kind == "forwarded");
            Assert.Equal(("Organisatie A", "Organisatie B", "Maatjesproject zit bij B"), (forwarded.From, forwarded.To, forwarded.Note));
            var close = scope.ServiceProvider.GetRequiredService<CloseSignal.Handler>();
            Assert.Equal("Note", Assert.IsType<IntakeOutcome.Refused>(await close.HandleAsync(id, 2, "other", null, CancellationToken.None)).Field);
            Assert.Equal("Reason", Assert.IsType<IntakeOutcome.Refused>(await close.HandleAsync(id, 2, "made_up", null, CancellationToken.None)).Field);
            Assert.IsType<IntakeOutcome.Done>(await close.HandleAsync(id, 2, "declined_contact", null, CancellationToken.None));
        }

        await using (var scope = As(services, c.Signaller, c.Physio, Role.Signaller))
        {
            var mine = Assert.Single(await scope.ServiceProvider.GetRequiredService<ListMySignals.Handler>().ListAsync(CancellationToken.None));
            Assert.Equal(SignallerStatus.NoSupportWanted, mine.Status);
        }

        await using (var scope = As(services, c.Orgs.CoordinatorA, c.Orgs.OrganisationA, Role.Coordinator))
        {
            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            var actions = await db.AuditEntries.Where(a => a.RecordIds.Contains(id.ToString("D"))).Select(a => a.Action).ToListAsync();
            Assert.Contains(ReferralAuditActions.Send, actions);
            Assert.Contains(ReferralAuditActions.Forward, actions);
            Assert.Contains(ReferralAuditActions.Close, actions);

            // Both sides of the forward are in the audit trail: the receiving organisation has its own entry.
            var received = await db.AuditEntries.SingleAsync(a => a.Action == ReferralAuditActions.ForwardReceived && a.RecordIds == id.ToString("D"));
            Assert.Equal((c.Orgs.OrganisationB, c.Orgs.CoordinatorA), (received.OrganisationId, received.UserId));
        }
    }

    private static SendSignal.Input Without(SendSignal.Input input)
    {
        input.ConsentToContact = false;
        return input;
    }
}
