using Konvooi.Domain.Access;
using Konvooi.Domain.Matching;
using Konvooi.Features.Audit;
using Konvooi.Features.Catalogue;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.Catalogue;

public sealed class CatalogueSliceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_NewCoalition_SeedsTheStarterCatalogueOnceFromTheFirstOrganisation(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);

        var first = await ListAsync(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional);
        var again = await ListAsync(services, orgs.CoordinatorB, orgs.OrganisationB, Role.Coordinator);

        var count = InterventionCatalogue.Starter.Interventions.Count;
        Assert.Equal(count, first.Entries.Count);
        Assert.Equal(count, again.Entries.Count);
        Assert.All(first.Entries, e => Assert.Equal("Organisatie A", e.ProviderName));
        Assert.Equal($"coalition-r{count}", again.CatalogueVersion);
        Assert.All(first.Entries, e => Assert.False(e.CanEdit)); // a professional edits nothing
        Assert.All(again.Entries, e => Assert.False(e.CanEdit)); // B provides none of them
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.CatalogueSeed));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateAsync_ProviderCoordinator_SavesANewVersionKeepsTheOldOneAndAudits(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var buddy = await EntryAsync(services, orgs, "buddy");
        var input = CatalogueEntryInput.From(buddy.Intervention, buddy.Version);
        input.Name = "Maatje in Oost";
        input.Capacity = "4";
        input.WaitingListWeeks = "6";
        input.Languages = "nl, AR";

        var outcome = await HandlerAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator,
            (UpdateCatalogueEntry.Handler h) => h.HandleAsync(buddy.Id, input, CancellationToken.None));

        Assert.IsType<CatalogueEntries.Outcome.Saved>(outcome);
        var after = await EntryAsync(services, orgs, "buddy");
        Assert.Equal(2, after.Version);
        Assert.Equal("Maatje in Oost", after.Intervention.Name);
        Assert.Equal(4, after.Intervention.Capacity);
        Assert.Equal(["nl", "ar"], after.Intervention.Languages);
        Assert.Equal([2, 1], after.History.Select(h => h.Version));
        Assert.Equal(buddy.Intervention.Name, after.History[1].Name);
        Assert.Equal([CatalogueChanges.Updated, CatalogueChanges.Seeded], after.History.Select(h => h.Change));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.CatalogueUpdate);
        Assert.Equal(buddy.Id.ToString("D"), audit.RecordIds);
        Assert.Equal(orgs.CoordinatorA, audit.UserId);
        Assert.Null(audit.PersonId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateAsync_NotTheProvidersCoordinator_IsForbiddenAndChangesNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var buddy = await EntryAsync(services, orgs, "buddy");
        var input = CatalogueEntryInput.From(buddy.Intervention, buddy.Version);
        input.Name = "Overgenomen";

        var byOtherOrganisation = await HandlerAsync(services, orgs.CoordinatorB, orgs.OrganisationB, Role.Coordinator,
            (UpdateCatalogueEntry.Handler h) => h.HandleAsync(buddy.Id, input, CancellationToken.None));
        var byProfessional = await HandlerAsync(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional,
            (UpdateCatalogueEntry.Handler h) => h.HandleAsync(buddy.Id, input, CancellationToken.None));
        var retireByAdministrator = await HandlerAsync(services, orgs.AdministratorA, orgs.OrganisationA, Role.Administrator,
            (RetireCatalogueEntry.Handler h) => h.HandleAsync(buddy.Id, buddy.Version, CancellationToken.None));

        Assert.IsType<CatalogueEntries.Outcome.Forbidden>(byOtherOrganisation);
        Assert.IsType<CatalogueEntries.Outcome.Forbidden>(byProfessional);
        Assert.IsType<CatalogueEntries.Outcome.Forbidden>(retireByAdministrator);
        var after = await EntryAsync(services, orgs, "buddy");
        Assert.Equal(1, after.Version);
        Assert.False(after.IsRetired);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateAsync_StaleVersion_IsRefusedAndKeepsTheOtherChange(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var buddy = await EntryAsync(services, orgs, "buddy");
        var first = CatalogueEntryInput.From(buddy.Intervention, buddy.Version);
        first.Name = "Eerste wijziging";
        var second = CatalogueEntryInput.From(buddy.Intervention, buddy.Version);
        second.Name = "Tweede wijziging";

        var one = await HandlerAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (UpdateCatalogueEntry.Handler h) => h.HandleAsync(buddy.Id, first, CancellationToken.None));
        var two = await HandlerAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (UpdateCatalogueEntry.Handler h) => h.HandleAsync(buddy.Id, second, CancellationToken.None));

        Assert.IsType<CatalogueEntries.Outcome.Saved>(one);
        Assert.IsType<CatalogueEntries.Outcome.Stale>(two);
        Assert.Equal("Eerste wijziging", (await EntryAsync(services, orgs, "buddy")).Intervention.Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateAsync_InvalidFields_ReturnsAMessagePerFieldAndStoresNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var input = ValidInput("Nieuw Aanbod!");
        input.MainElement = null;
        input.MethodUrl = "movisie.nl/methode";
        input.Capacity = "veel";
        input.Languages = "nederlands";

        var outcome = await HandlerAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (CreateCatalogueEntry.Handler h) => h.HandleAsync(input, CancellationToken.None));

        var invalid = Assert.IsType<CatalogueEntries.Outcome.Invalid>(outcome);
        Assert.Equal(
            ["Capacity", "Code", "Languages", "MainElement", "MethodUrl"],
            invalid.Problems.Select(p => p.Field).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(invalid.Problems, p => p.Message.Contains("must", StringComparison.Ordinal)); // Dutch, not the domain's English
        await using var scope = services.CreateAsyncScope();
        Assert.Equal(InterventionCatalogue.Starter.Interventions.Count, await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().CatalogueEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateAsync_ValidEntry_IsOfferedByTheOwnOrganisationAndUsedForMatching(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);

        var created = await HandlerAsync(services, orgs.CoordinatorB, orgs.OrganisationB, Role.Coordinator, (CreateCatalogueEntry.Handler h) => h.HandleAsync(ValidInput("wandelmaatje_b"), CancellationToken.None));
        var duplicate = await HandlerAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (CreateCatalogueEntry.Handler h) => h.HandleAsync(ValidInput("wandelmaatje_b"), CancellationToken.None));

        Assert.IsType<CatalogueEntries.Outcome.Saved>(created);
        Assert.Equal("Code", Assert.Single(Assert.IsType<CatalogueEntries.Outcome.Invalid>(duplicate).Problems).Field);
        await using var scope = TestDatabase.Scope(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional);
        var sources = await scope.ServiceProvider.GetRequiredService<MatchingSources.Handler>().LoadAsync(CancellationToken.None);
        var offer = Assert.Single(sources.Catalogue.Interventions, i => i.Id == "wandelmaatje_b");
        Assert.Equal("Organisatie B", offer.Provider);
        Assert.Equal(sources.CatalogueVersion, sources.Catalogue.Version);
        Assert.Equal($"coalition-r{InterventionCatalogue.Starter.Interventions.Count + 1}", sources.CatalogueVersion);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RetireAsync_ProviderCoordinator_LeavesMatchingButKeepsTheEntryAndItsHistory(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var buddy = await EntryAsync(services, orgs, "buddy");

        var outcome = await HandlerAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (RetireCatalogueEntry.Handler h) => h.HandleAsync(buddy.Id, buddy.Version, CancellationToken.None));
        var again = await HandlerAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (RetireCatalogueEntry.Handler h) => h.HandleAsync(buddy.Id, buddy.Version, CancellationToken.None));

        Assert.IsType<CatalogueEntries.Outcome.Saved>(outcome);
        Assert.IsType<CatalogueEntries.Outcome.Stale>(again);
        var after = await EntryAsync(services, orgs, "buddy");
        Assert.True(after.IsRetired);
        Assert.Equal(2, after.History.Count);
        Assert.DoesNotContain((await ListAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator)).Entries, e => e.Intervention.Id == "buddy");
        Assert.Contains((await ListAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, new(IncludeRetired: true))).Entries, e => e.Intervention.Id == "buddy");
        await using var scope = TestDatabase.Scope(services, orgs.CoordinatorB, orgs.OrganisationB, Role.Coordinator);
        var sources = await scope.ServiceProvider.GetRequiredService<MatchingSources.Handler>().LoadAsync(CancellationToken.None);
        Assert.Null(sources.Catalogue.Find("buddy"));
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().AuditEntries.CountAsync(a => a.Action == AuditActions.CatalogueRetire));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_OtherCoalition_SeesNothingAndCannotChangeIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var created = await HandlerAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (CreateCatalogueEntry.Handler h) => h.HandleAsync(ValidInput("alleen_in_a"), CancellationToken.None));
        var entryId = Assert.IsType<CatalogueEntries.Outcome.Saved>(created).Id;
        var (otherOrganisation, otherCoordinator) = await OtherCoalitionAsync(services);

        var list = await ListAsync(services, otherCoordinator, otherOrganisation, Role.Coordinator, new(IncludeRetired: true));
        var view = await HandlerAsync(services, otherCoordinator, otherOrganisation, Role.Coordinator, (GetCatalogueEntry.Handler h) => h.HandleAsync(entryId, CancellationToken.None));
        var input = ValidInput("alleen_in_a");
        input.Version = 1;
        var update = await HandlerAsync(services, otherCoordinator, otherOrganisation, Role.Coordinator, (UpdateCatalogueEntry.Handler h) => h.HandleAsync(entryId, input, CancellationToken.None));
        var retire = await HandlerAsync(services, otherCoordinator, otherOrganisation, Role.Coordinator, (RetireCatalogueEntry.Handler h) => h.HandleAsync(entryId, 1, CancellationToken.None));

        Assert.DoesNotContain(list.Entries, e => e.Id == entryId || e.Intervention.Id == "alleen_in_a");
        Assert.Equal(InterventionCatalogue.Starter.Interventions.Count, list.Entries.Count); // its own seeded catalogue
        Assert.All(list.Entries, e => Assert.Equal("Organisatie C", e.ProviderName));
        Assert.Null(view);
        Assert.IsType<CatalogueEntries.Outcome.NotFound>(update);
        Assert.IsType<CatalogueEntries.Outcome.NotFound>(retire);
        Assert.Equal(1, (await HandlerAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (GetCatalogueEntry.Handler h) => h.HandleAsync(entryId, CancellationToken.None)))!.Version);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_FilterByAimCauseAndSetting_ReturnsOnlyMatchingEntries(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);

        var list = await ListAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, new(Aim: "loneliness_emotional", Setting: "individual"));
        var byCause = await ListAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, new(Cause: "financial_worries"));
        var bySearch = await ListAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, new(Search: "MAATJE"));

        Assert.NotEmpty(list.Entries);
        Assert.All(list.Entries, e => Assert.True(e.Intervention.Aim == "loneliness_emotional" && e.Intervention.Setting == "individual"));
        Assert.Contains(byCause.Entries, e => e.Intervention.Id == "financial_advice");
        Assert.All(byCause.Entries, e => Assert.Contains("financial_worries", e.Intervention.Causes));
        Assert.Contains(bySearch.Entries, e => e.Intervention.Id == "buddy");
    }

    internal static CatalogueEntryInput ValidInput(string code) => new()
    {
        Code = code,
        Name = "Wandelmaatje",
        Description = "Elke week samen een stuk wandelen met een vaste vrijwilliger uit de buurt.",
        Aim = "loneliness_social",
        Causes = ["moved"],
        MainElement = "meaningful_contact",
        OtherElements = ["activities"],
        Setting = "individual",
        Mode = "in_person",
        Intensity = "medium",
        Recognition = "none",
        Insights = ["TF-4"],
        Locations = "Buurthuis De Hoven\nPark Oost",
        CostEuros = "0",
        Capacity = "8",
        Languages = "nl",
    };

    internal static async Task<GetCatalogueEntry.EntryView> EntryAsync(IServiceProvider services, TwoOrganisations orgs, string code)
    {
        var list = await ListAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, new(IncludeRetired: true));
        var id = list.Entries.Single(e => e.Intervention.Id == code).Id;
        return (await HandlerAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (GetCatalogueEntry.Handler h) => h.HandleAsync(id, CancellationToken.None)))!;
    }

    internal static async Task<(Guid Organisation, Guid Coordinator)> OtherCoalitionAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<Setup.Handler>();
        var coalition = Assert.IsType<Setup.Outcome.Created>(await setup.CreateCoalitionAsync("Andere coalitie", "GM0002", false, CancellationToken.None)).Id;
        var organisation = Assert.IsType<Setup.Outcome.Created>(await setup.CreateOrganisationAsync(coalition, "Organisatie C", OrganisationKind.Welzijnsorganisatie, CancellationToken.None)).Id;
        var user = Assert.IsType<Setup.Outcome.Created>(await setup.CreateUserAsync(
            new Setup.NewUser("coordinator-c@test.example", "Coördinator C", Role.Coordinator, organisation, "Test-wachtwoord-123"), CancellationToken.None)).Id;
        return (organisation, user);
    }

    private static Task<ListCatalogue.ListView> ListAsync(IServiceProvider services, Guid user, Guid organisation, Role role, ListCatalogue.Filter? filter = null) =>
        HandlerAsync(services, user, organisation, role, async (ListCatalogue.Handler h) => (await h.HandleAsync(filter ?? new(), CancellationToken.None))!);

    private static async Task<T> HandlerAsync<THandler, T>(IServiceProvider services, Guid user, Guid organisation, Role role, Func<THandler, Task<T>> action)
        where THandler : notnull
    {
        await using var scope = TestDatabase.Scope(services, user, organisation, role);
        return await action(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
