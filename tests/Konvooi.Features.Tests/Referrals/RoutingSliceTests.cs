using System.Text;
using Konvooi.Domain.Access;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Konvooi.Features.Referrals;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.Referrals;

/// <summary>
/// The routing table, wijk list and lead organisation on both providers: only coordinators of the lead change them,
/// every change is checked as a table, versioned and audited with before and after, and a wijk import is all or nothing.
/// </summary>
public sealed class RoutingSliceTests
{
    private sealed record Arranged(TwoOrganisations Orgs, Guid CoalitionId, Guid WijkRule, Guid RangeRule, Guid OtherOrganisation, Guid OtherCoordinator);

    private static async Task<Arranged> ArrangeAsync(IServiceProvider services)
    {
        var orgs = await TwoOrganisations.CreateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var setup = scope.ServiceProvider.GetRequiredService<Setup.Handler>();
        var coalitionId = await db.Organisations.Where(o => o.Id == orgs.OrganisationA).Select(o => o.CoalitionId).SingleAsync();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<SetCoalitionLead.Handler>().HandleAsync(coalitionId, orgs.OrganisationA, CancellationToken.None));
        db.Wijken.AddRange(
            new Wijk { Id = Guid.NewGuid(), CoalitionId = coalitionId, Code = "WK999901", Name = "Noord" },
            new Wijk { Id = Guid.NewGuid(), CoalitionId = coalitionId, Code = "WK999902", Name = "Zuid" });
        var wijkRule = new RoutingRuleRecord { Id = Guid.NewGuid(), CoalitionId = coalitionId, OrganisationId = orgs.OrganisationB, WijkCode = "WK999902", CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        var rangeRule = new RoutingRuleRecord { Id = Guid.NewGuid(), CoalitionId = coalitionId, OrganisationId = orgs.OrganisationA, PostcodeFrom = 9990, PostcodeTo = 9999, CreatedAtUtc = new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc) };
        db.RoutingRules.AddRange(wijkRule, rangeRule);
        await db.SaveChangesAsync();

        // Another coalition with its own lead and coordinator: an outsider to the first coalition's table.
        var other = Assert.IsType<Setup.Outcome.Created>(await setup.CreateCoalitionAsync("Andere coalitie", null, false, CancellationToken.None)).Id;
        var otherOrganisation = Assert.IsType<Setup.Outcome.Created>(await setup.CreateOrganisationAsync(other, "Andere welzijn", OrganisationKind.Welzijnsorganisatie, CancellationToken.None)).Id;
        var otherCoordinator = Assert.IsType<Setup.Outcome.Created>(await setup.CreateUserAsync(
            new Setup.NewUser("coordinator-c@test.example", "C", Role.Coordinator, otherOrganisation, "Test-wachtwoord-123"), CancellationToken.None)).Id;
        Assert.Null(await scope.ServiceProvider.GetRequiredService<SetCoalitionLead.Handler>().HandleAsync(other, otherOrganisation, CancellationToken.None));
        return new Arranged(orgs, coalitionId, wijkRule.Id, rangeRule.Id, otherOrganisation, otherCoordinator);
    }

    private static AsyncServiceScope As(IServiceProvider services, Guid user, Guid organisation, Role role) => TestDatabase.Scope(services, user, organisation, role);

    private static AsyncServiceScope Lead(IServiceProvider services, Arranged a) => As(services, a.Orgs.CoordinatorA, a.Orgs.OrganisationA, Role.Coordinator);

    private static async Task<int> VersionAsync(IServiceProvider services, Guid coalitionId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Coalitions.Where(c => c.Id == coalitionId).Select(c => c.RoutingVersion).SingleAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LeadCoordinator_AddsEditsAndDeletesRules_EachChangeVersionedAndAuditedWithBeforeAndAfter(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var a = await ArrangeAsync(services);
        var version = await VersionAsync(services, a.CoalitionId);

        await using (var scope = Lead(services, a))
        {
            var save = scope.ServiceProvider.GetRequiredService<SaveRoutingRule.Handler>();
            // A single postcode inside the range, as an exception to it.
            Assert.IsType<RoutingOutcome.Done>(await save.HandleAsync(null, version, new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationB, PostcodeFrom = "9995" }, CancellationToken.None));
            Assert.IsType<RoutingOutcome.Done>(await save.HandleAsync(a.WijkRule, version + 1, new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationA, WijkCode = "wk999901" }, CancellationToken.None));
            Assert.IsType<RoutingOutcome.Done>(await scope.ServiceProvider.GetRequiredService<DeleteRoutingRule.Handler>().HandleAsync(a.RangeRule, version + 2, CancellationToken.None));
        }

        await using (var scope = Lead(services, a))
        {
            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            var rules = await db.RoutingRules.Where(r => r.CoalitionId == a.CoalitionId).ToListAsync();
            Assert.Equal(2, rules.Count);
            Assert.Contains(rules, r => r.Id == a.WijkRule && r.WijkCode == "WK999901" && r.OrganisationId == a.Orgs.OrganisationA);
            Assert.Contains(rules, r => r.PostcodeFrom == 9995 && r.PostcodeTo == 9995 && r.OrganisationId == a.Orgs.OrganisationB);
            Assert.Equal(version + 3, await VersionAsync(services, a.CoalitionId));

            var changes = await db.RoutingChanges.Where(c => c.CoalitionId == a.CoalitionId && c.ActorId == a.Orgs.CoordinatorA).ToListAsync();
            Assert.Contains(changes, c => c.Kind == RoutingAuditActions.RuleAdd && c.Before == null && c.After == "postcode 9995 → Organisatie B");
            Assert.Contains(changes, c => c.Kind == RoutingAuditActions.RuleUpdate && c.Before == "wijk WK999902 Zuid → Organisatie B" && c.After == "wijk WK999901 Noord → Organisatie A");
            Assert.Contains(changes, c => c.Kind == RoutingAuditActions.RuleDelete && c.Before == "postcodes 9990–9999 → Organisatie A" && c.After == null);
            var audit = await db.AuditEntries.Where(e => e.UserId == a.Orgs.CoordinatorA).ToListAsync();
            Assert.Contains(audit, e => e.Action == RoutingAuditActions.RuleUpdate && e.EntityType == nameof(RoutingRuleRecord) && e.RecordIds.StartsWith(a.WijkRule.ToString("D"), StringComparison.Ordinal) && e.PersonId == null);
            Assert.Contains(audit, e => e.Action == RoutingAuditActions.RuleAdd);
            Assert.Contains(audit, e => e.Action == RoutingAuditActions.RuleDelete && e.RecordIds.StartsWith(a.RangeRule.ToString("D"), StringComparison.Ordinal));

            var view = (await scope.ServiceProvider.GetRequiredService<ViewRouting.Handler>().HandleAsync(new ViewRouting.Query(), CancellationToken.None))!;
            Assert.True(view.CanEdit);
            Assert.Equal(version + 3, view.Version);
            Assert.Contains(view.Changes, c => c.Kind == RoutingAuditActions.RuleDelete && c.Actor == "coordinator-a@test.example");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OthersThanTheLeadsCoordinators_AreRefused_AndNothingChanges(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var a = await ArrangeAsync(services);
        var version = await VersionAsync(services, a.CoalitionId);
        var input = new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationB, PostcodeFrom = "1000", PostcodeTo = "1999" };
        var csv = Encoding.UTF8.GetBytes("code;naam\nWK999901;Noord\nWK999902;Zuid\nWK999903;Nieuw\n");

        foreach (var (user, organisation, role) in new[]
        {
            (a.Orgs.CoordinatorB, a.Orgs.OrganisationB, Role.Coordinator), // coordinator of a partner, not the lead
            (a.Orgs.ProfessionalA, a.Orgs.OrganisationA, Role.Professional),
            (a.Orgs.AdministratorA, a.Orgs.OrganisationA, Role.Administrator),
            (a.Orgs.AnalystA, a.Orgs.OrganisationA, Role.Analyst),
        })
        {
            await using var scope = As(services, user, organisation, role);
            Assert.IsType<RoutingOutcome.Forbidden>(await scope.ServiceProvider.GetRequiredService<SaveRoutingRule.Handler>().HandleAsync(null, version, input, CancellationToken.None));
            Assert.IsType<RoutingOutcome.Forbidden>(await scope.ServiceProvider.GetRequiredService<SaveRoutingRule.Handler>().HandleAsync(a.RangeRule, version, input, CancellationToken.None));
            Assert.IsType<RoutingOutcome.Forbidden>(await scope.ServiceProvider.GetRequiredService<DeleteRoutingRule.Handler>().HandleAsync(a.RangeRule, version, CancellationToken.None));
            Assert.IsType<RoutingOutcome.Forbidden>(await scope.ServiceProvider.GetRequiredService<ImportWijken.Handler>().HandleAsync(version, csv, CancellationToken.None));
        }

        // The partner's coordinator may read the table (where do signals go?) but not change it; other roles may not read it.
        await using (var scope = As(services, a.Orgs.CoordinatorB, a.Orgs.OrganisationB, Role.Coordinator))
        {
            var view = (await scope.ServiceProvider.GetRequiredService<ViewRouting.Handler>().HandleAsync(new ViewRouting.Query(), CancellationToken.None))!;
            Assert.False(view.CanEdit);
            Assert.Equal(2, view.Rows.Count);
        }

        await using (var scope = As(services, a.Orgs.ProfessionalA, a.Orgs.OrganisationA, Role.Professional))
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<ViewRouting.Handler>().HandleAsync(new ViewRouting.Query(), CancellationToken.None));
        }

        // The lead coordinator of another coalition does not find this coalition's rules, and sees only its own (empty) table.
        await using (var scope = As(services, a.OtherCoordinator, a.OtherOrganisation, Role.Coordinator))
        {
            var otherVersion = (await scope.ServiceProvider.GetRequiredService<ViewRouting.Handler>().HandleAsync(new ViewRouting.Query(), CancellationToken.None))!;
            Assert.Empty(otherVersion.Rows);
            Assert.Empty(otherVersion.Wijken);
            Assert.IsType<RoutingOutcome.NotFound>(await scope.ServiceProvider.GetRequiredService<SaveRoutingRule.Handler>().HandleAsync(a.RangeRule, otherVersion.Version, input, CancellationToken.None));
            Assert.IsType<RoutingOutcome.NotFound>(await scope.ServiceProvider.GetRequiredService<DeleteRoutingRule.Handler>().HandleAsync(a.RangeRule, otherVersion.Version, CancellationToken.None));
            // An organisation of the first coalition is not a member of this one.
            var invalid = Assert.IsType<RoutingOutcome.Invalid>(await scope.ServiceProvider.GetRequiredService<SaveRoutingRule.Handler>().HandleAsync(null, otherVersion.Version, input, CancellationToken.None));
            Assert.Equal("OrganisationId", Assert.Single(invalid.Problems).Field);
        }

        await using (var scope = Lead(services, a))
        {
            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            Assert.Equal(2, await db.RoutingRules.CountAsync(r => r.CoalitionId == a.CoalitionId));
            Assert.Equal(2, await db.Wijken.CountAsync(w => w.CoalitionId == a.CoalitionId));
            Assert.Equal(version, await VersionAsync(services, a.CoalitionId));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task InvalidRules_AreRefusedWithAMessageForTheField_AndAStaleFormIsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var a = await ArrangeAsync(services);
        var version = await VersionAsync(services, a.CoalitionId);

        await using var scope = Lead(services, a);
        var save = scope.ServiceProvider.GetRequiredService<SaveRoutingRule.Handler>();
        async Task<string[]> FieldsOf(SaveRoutingRule.Input input) =>
            Assert.IsType<RoutingOutcome.Invalid>(await save.HandleAsync(null, version, input, CancellationToken.None)).Problems.Select(p => p.Field).ToArray();

        Assert.Equal(["OrganisationId", "WijkCode"], await FieldsOf(new SaveRoutingRule.Input()));
        Assert.Equal(["WijkCode"], await FieldsOf(new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationB, WijkCode = "WK999901", PostcodeFrom = "1000" }));
        Assert.Equal(["WijkCode"], await FieldsOf(new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationB, WijkCode = "WK123456" }));
        Assert.Equal(["PostcodeFrom"], await FieldsOf(new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationB, PostcodeFrom = "0999", PostcodeTo = "1999" }));
        Assert.Equal(["PostcodeTo"], await FieldsOf(new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationB, PostcodeFrom = "2000", PostcodeTo = "1999" }));
        Assert.Equal(["PostcodeTo"], await FieldsOf(new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationB, PostcodeFrom = "2000", PostcodeTo = "20a0" }));
        // The table as a whole: a wijk twice, and a range that overlaps another without lying inside it.
        Assert.Equal(["WijkCode"], await FieldsOf(new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationA, WijkCode = "WK999902" }));
        var overlap = Assert.IsType<RoutingOutcome.Invalid>(await save.HandleAsync(null, version, new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationB, PostcodeFrom = "9980", PostcodeTo = "9994" }, CancellationToken.None));
        Assert.Equal(("PostcodeFrom", "De postcodereeksen van regel 2 en regel 3 overlappen. Een reeks mag alleen binnen een grotere reeks liggen."), (Assert.Single(overlap.Problems).Field, overlap.Problems[0].Message));
        Assert.Equal(version, await VersionAsync(services, a.CoalitionId));

        // Stale: a form loaded before someone else's change is refused, for every kind of change.
        Assert.IsType<RoutingOutcome.Done>(await save.HandleAsync(null, version, new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationB, PostcodeFrom = "1000", PostcodeTo = "1999" }, CancellationToken.None));
        Assert.IsType<RoutingOutcome.Stale>(await save.HandleAsync(null, version, new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationB, PostcodeFrom = "2000", PostcodeTo = "2999" }, CancellationToken.None));
        Assert.IsType<RoutingOutcome.Stale>(await save.HandleAsync(a.WijkRule, version, new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationA, WijkCode = "WK999901" }, CancellationToken.None));
        Assert.IsType<RoutingOutcome.Stale>(await scope.ServiceProvider.GetRequiredService<DeleteRoutingRule.Handler>().HandleAsync(a.RangeRule, version, CancellationToken.None));
        Assert.IsType<RoutingOutcome.Stale>(await scope.ServiceProvider.GetRequiredService<ImportWijken.Handler>().HandleAsync(version, Encoding.UTF8.GetBytes("code;naam\nWK999902;Zuid\n"), CancellationToken.None));
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        Assert.Equal(3, await db.RoutingRules.CountAsync(r => r.CoalitionId == a.CoalitionId));
        Assert.Equal(version + 1, await VersionAsync(services, a.CoalitionId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentChanges_OnSameVersion_OnlyOneIsStored(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var a = await ArrangeAsync(services);
        var version = await VersionAsync(services, a.CoalitionId);

        // Two coordinators of the lead load the same version and each add a range; together they would overlap.
        await using var first = Lead(services, a);
        await using var second = Lead(services, a);
        var outcomes = await Task.WhenAll(
            first.ServiceProvider.GetRequiredService<SaveRoutingRule.Handler>().HandleAsync(null, version, new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationA, PostcodeFrom = "1000", PostcodeTo = "1500" }, CancellationToken.None),
            second.ServiceProvider.GetRequiredService<SaveRoutingRule.Handler>().HandleAsync(null, version, new SaveRoutingRule.Input { OrganisationId = a.Orgs.OrganisationB, PostcodeFrom = "1400", PostcodeTo = "1900" }, CancellationToken.None));
        Assert.Single(outcomes, o => o is RoutingOutcome.Done);
        Assert.Single(outcomes, o => o is RoutingOutcome.Stale);
        await using var scope = services.CreateAsyncScope();
        Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().RoutingRules.CountAsync(r => r.CoalitionId == a.CoalitionId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WijkImport_IsAllOrNothing_ListsEveryBadRow_KeepsWijkenInUse_AndReplacesTheList(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var a = await ArrangeAsync(services);
        var version = await VersionAsync(services, a.CoalitionId);
        await using var scope = Lead(services, a);
        var import = scope.ServiceProvider.GetRequiredService<ImportWijken.Handler>();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();

        // Three bad rows among good ones: nothing is stored, each is listed with line, column and reason.
        var bad = Encoding.UTF8.GetBytes("wijkcode,wijknaam\nWK999901,Noord\nWK99990,Kort\nWK999902,\nWK999905,Nieuw\nWK999901,Dubbel\n");
        var refused = Assert.IsType<RoutingOutcome.ImportRefused>(await import.HandleAsync(version, bad, CancellationToken.None));
        Assert.Equal(
            [(3, "wijkcode"), (4, "wijknaam"), (6, "wijkcode")],
            refused.Problems.Select(p => (p.Line ?? 0, p.Column ?? string.Empty)).ToArray());
        Assert.Equal(2, await db.Wijken.CountAsync(w => w.CoalitionId == a.CoalitionId));

        // A wijk a rule still uses cannot leave the list.
        var withoutZuid = Encoding.UTF8.GetBytes("\uFEFFcode;naam\nWK999901;Noord\nWK999903;Oost\n");
        var inUse = Assert.IsType<RoutingOutcome.ImportRefused>(await import.HandleAsync(version, withoutZuid, CancellationToken.None));
        Assert.Contains("WK999902", Assert.Single(inUse.Problems).Reason, StringComparison.Ordinal);
        Assert.False(await db.Wijken.AnyAsync(w => w.Code == "WK999903"));
        Assert.Equal(version, await VersionAsync(services, a.CoalitionId));

        // A good file replaces the list: renamed, added, and the unused wijk Noord removed.
        var good = Encoding.UTF8.GetBytes("\uFEFFcode;naam;inwoners\r\nWK999902;Zuid-West;1200\r\nWK999903;\"Oost; het park\";800\r\n");
        var done = Assert.IsType<RoutingOutcome.Done>(await import.HandleAsync(version, good, CancellationToken.None));
        Assert.Equal("2 wijken; erbij: WK999903 Oost; het park; nieuwe naam: WK999902 Zuid → Zuid-West; weg: WK999901 Noord", done.Summary);
        var stored = await db.Wijken.AsNoTracking().Where(w => w.CoalitionId == a.CoalitionId).OrderBy(w => w.Code).Select(w => new { w.Code, w.Name }).ToListAsync();
        Assert.Equal(["WK999902 Zuid-West", "WK999903 Oost; het park"], stored.Select(w => $"{w.Code} {w.Name}").ToArray());
        Assert.Equal(version + 1, await VersionAsync(services, a.CoalitionId));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == RoutingAuditActions.WijkenImport && e.UserId == a.Orgs.CoordinatorA && e.EntityType == nameof(Wijk)));
        Assert.True(await db.RoutingChanges.AnyAsync(c => c.Kind == RoutingAuditActions.WijkenImport && c.Before == "2 wijken"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Explain_UsesTheSameRouting_PostcodeBeforeWijkBeforeLead(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var a = await ArrangeAsync(services);
        await using var scope = As(services, a.Orgs.CoordinatorB, a.Orgs.OrganisationB, Role.Coordinator);
        var view = scope.ServiceProvider.GetRequiredService<ViewRouting.Handler>();

        async Task<ViewRouting.Explanation> Ask(string? postcode, string? wijk) =>
            (await view.HandleAsync(new ViewRouting.Query(postcode, wijk), CancellationToken.None))!.Explanation!;

        var byPostcode = await Ask("9995 AB", "WK999902");
        Assert.Equal("Organisatie A", byPostcode.Organisation);
        Assert.Equal("Een melding uit postcode 9995 en wijk Zuid gaat naar Organisatie A, want regel 2 stuurt postcodes 9990–9999 naar Organisatie A. Een postcoderegel gaat voor een wijkregel.", byPostcode.Text);
        Assert.Equal("Organisatie B", (await Ask("1234", "WK999902")).Organisation);
        var byLead = await Ask("1234", null);
        Assert.Equal("Organisatie A", byLead.Organisation);
        Assert.Contains("penvoerder", byLead.Text, StringComparison.Ordinal);
        Assert.Equal("Postcode", (await Ask("12", null)).Field);
        Assert.Equal("Wijk", (await Ask(null, "WK000000")).Field);
        Assert.Null((await view.HandleAsync(new ViewRouting.Query(), CancellationToken.None))!.Explanation);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChooseLead_AdministratorOfLeadOrMunicipalityOnly_Audited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var a = await ArrangeAsync(services);
        Guid municipality;
        Guid municipalityAdmin;
        Guid partnerAdmin;
        await using (var scope = services.CreateAsyncScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<Setup.Handler>();
            municipality = Assert.IsType<Setup.Outcome.Created>(await setup.CreateOrganisationAsync(a.CoalitionId, "Gemeente Test", OrganisationKind.Gemeente, CancellationToken.None)).Id;
            municipalityAdmin = Assert.IsType<Setup.Outcome.Created>(await setup.CreateUserAsync(new Setup.NewUser("admin-g@test.example", "G", Role.Administrator, municipality, "Test-wachtwoord-123"), CancellationToken.None)).Id;
            partnerAdmin = Assert.IsType<Setup.Outcome.Created>(await setup.CreateUserAsync(new Setup.NewUser("admin-b@test.example", "B", Role.Administrator, a.Orgs.OrganisationB, "Test-wachtwoord-123"), CancellationToken.None)).Id;
        }

        var version = await VersionAsync(services, a.CoalitionId);
        await using (var scope = As(services, partnerAdmin, a.Orgs.OrganisationB, Role.Administrator))
        {
            var lead = scope.ServiceProvider.GetRequiredService<SetCoalitionLead.Handler>();
            Assert.False((await lead.FormAsync(CancellationToken.None))!.MayChoose);
            Assert.IsType<RoutingOutcome.Forbidden>(await lead.ChooseAsync(a.Orgs.OrganisationB, version, CancellationToken.None));
        }

        await using (var scope = As(services, a.Orgs.CoordinatorA, a.Orgs.OrganisationA, Role.Coordinator))
        {
            Assert.IsType<RoutingOutcome.Forbidden>(await scope.ServiceProvider.GetRequiredService<SetCoalitionLead.Handler>().ChooseAsync(a.Orgs.OrganisationB, version, CancellationToken.None));
        }

        await using (var scope = As(services, a.Orgs.AdministratorA, a.Orgs.OrganisationA, Role.Administrator))
        {
            var lead = scope.ServiceProvider.GetRequiredService<SetCoalitionLead.Handler>();
            var form = (await lead.FormAsync(CancellationToken.None))!;
            Assert.True(form.MayChoose);
            Assert.Equal(a.Orgs.OrganisationA, form.LeadOrganisationId);
            Assert.Equal("OrganisationId", Assert.Single(Assert.IsType<RoutingOutcome.Invalid>(await lead.ChooseAsync(a.OtherOrganisation, version, CancellationToken.None)).Problems).Field);
            Assert.IsType<RoutingOutcome.Invalid>(await lead.ChooseAsync(null, version, CancellationToken.None));
            Assert.IsType<RoutingOutcome.Stale>(await lead.ChooseAsync(a.Orgs.OrganisationB, version - 1, CancellationToken.None));
            Assert.IsType<RoutingOutcome.Done>(await lead.ChooseAsync(a.Orgs.OrganisationB, version, CancellationToken.None));
        }

        // Organisation A is no longer the lead: its administrator may not choose again, the municipality's may.
        await using (var scope = As(services, a.Orgs.AdministratorA, a.Orgs.OrganisationA, Role.Administrator))
        {
            Assert.IsType<RoutingOutcome.Forbidden>(await scope.ServiceProvider.GetRequiredService<SetCoalitionLead.Handler>().ChooseAsync(a.Orgs.OrganisationA, version + 1, CancellationToken.None));
        }

        await using (var scope = As(services, municipalityAdmin, municipality, Role.Administrator))
        {
            Assert.IsType<RoutingOutcome.Done>(await scope.ServiceProvider.GetRequiredService<SetCoalitionLead.Handler>().ChooseAsync(municipality, version + 1, CancellationToken.None));
            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            Assert.Equal(municipality, (await db.Coalitions.SingleAsync(c => c.Id == a.CoalitionId)).LeadOrganisationId);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == RoutingAuditActions.LeadSet && e.UserId == a.Orgs.AdministratorA && e.EntityType == nameof(Coalition)));
            Assert.True(await db.RoutingChanges.AnyAsync(c => c.Kind == RoutingAuditActions.LeadSet && c.Before == "Organisatie B" && c.After == "Gemeente Test" && c.ActorId == municipalityAdmin));
            // The command line's change is recorded without a user.
            Assert.True(await db.RoutingChanges.AnyAsync(c => c.Kind == RoutingAuditActions.LeadSet && c.ActorId == null && c.Before == "geen penvoerder"));
        }
    }
}
