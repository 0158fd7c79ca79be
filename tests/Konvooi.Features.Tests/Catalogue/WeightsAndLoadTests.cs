using Konvooi.Domain.Access;
using Konvooi.Domain.Matching;
using Konvooi.Features.Audit;
using Konvooi.Features.Catalogue;
using Konvooi.Features.Data;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.Catalogue;

public sealed class WeightsAndLoadTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveAsync_Coordinator_StoresAVersionUsedForMatchingAndAudits(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);

        var before = await SourcesAsync(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional);
        var saved = await WeightsAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator,
            (SaveWeights.Handler h) => h.HandleAsync(Input(0, ("cause_fit", "4,5"), ("recognition", "0.5")), CancellationToken.None));
        var after = await SourcesAsync(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional);
        var otherOrganisation = await SourcesAsync(services, orgs.CoordinatorB, orgs.OrganisationB, Role.Coordinator);

        Assert.Equal("default", before.WeightsVersion);
        Assert.Equal("weights-v1", Assert.IsType<OrganisationWeights.Outcome.Saved>(saved).WeightsVersion);
        Assert.Equal("weights-v1", after.WeightsVersion);
        Assert.Equal(4.5, after.Weights["cause_fit"]);
        Assert.Equal(0.5, after.Weights["recognition"]);
        Assert.Equal(MatchingWeights.Default["type_fit"], after.Weights["type_fit"]);
        Assert.Equal("default", otherOrganisation.WeightsVersion);
        await using var scope = services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().AuditEntries.SingleAsync(a => a.Action == AuditActions.WeightsChange);
        Assert.Equal(orgs.OrganisationA, audit.OrganisationId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveAsync_OutOfBoundsOrNoReason_ReturnsMessagesAndStoresNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var input = Input(0, ("cause_fit", "11"), ("type_fit", "-1"), ("coping_fit", "twee"), ("few_contacts", "1,255"));

        var invalid = await WeightsAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (SaveWeights.Handler h) => h.HandleAsync(input, CancellationToken.None));
        var noReason = Input(0, ("cause_fit", "4"));
        noReason.Reason = " ";
        var missingReason = await WeightsAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (SaveWeights.Handler h) => h.HandleAsync(noReason, CancellationToken.None));
        var nothingChanged = await WeightsAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (SaveWeights.Handler h) => h.HandleAsync(Input(0), CancellationToken.None));

        Assert.Equal(["cause_fit", "coping_fit", "few_contacts", "type_fit"],
            Assert.IsType<OrganisationWeights.Outcome.Invalid>(invalid).Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.Equal("Reason", Assert.Single(Assert.IsType<OrganisationWeights.Outcome.Invalid>(missingReason).Problems).Field);
        Assert.Equal(string.Empty, Assert.Single(Assert.IsType<OrganisationWeights.Outcome.Invalid>(nothingChanged).Problems).Field);
        await using var scope = services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().MatchingWeightsRevisions.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveAsync_NotACoordinatorOrStale_IsRefused_AndResetRestoresTheDefaults(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);

        var byProfessional = await WeightsAsync(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional, (SaveWeights.Handler h) => h.HandleAsync(Input(0, ("cause_fit", "5")), CancellationToken.None));
        var byAdministrator = await WeightsAsync(services, orgs.AdministratorA, orgs.OrganisationA, Role.Administrator, (SaveWeights.Handler h) => h.HandleAsync(Input(0, ("cause_fit", "5")), CancellationToken.None));
        await WeightsAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (SaveWeights.Handler h) => h.HandleAsync(Input(0, ("cause_fit", "5")), CancellationToken.None));
        var stale = await WeightsAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (SaveWeights.Handler h) => h.HandleAsync(Input(0, ("cause_fit", "6")), CancellationToken.None));
        var reset = await WeightsAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, (ResetWeights.Handler h) => h.HandleAsync("Terug naar de standaard na de evaluatie.", 1, CancellationToken.None));
        var view = await WeightsAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, async (ViewWeights.Handler h) => (await h.HandleAsync(CancellationToken.None))!);

        Assert.IsType<OrganisationWeights.Outcome.Forbidden>(byProfessional);
        Assert.IsType<OrganisationWeights.Outcome.Forbidden>(byAdministrator);
        Assert.IsType<OrganisationWeights.Outcome.Stale>(stale);
        Assert.Equal("weights-v2", Assert.IsType<OrganisationWeights.Outcome.Saved>(reset).WeightsVersion);
        Assert.All(view.Weights, w => Assert.Equal(w.Default, w.Current));
        Assert.Equal([2, 1], view.History.Select(h => h.Version));
        Assert.True(view.History[0].IsReset);
        Assert.Equal(5, view.History[1].Overrides["cause_fit"]);
        Assert.All(MatchingWeights.Defaults.Keys, key => Assert.True(OrganisationWeights.Labels.ContainsKey(key), key));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoadAsync_UnknownProvider_RejectsTheWholeFileWithEveryProblem(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        await TwoOrganisations.CreateAsync(services);
        var starter = InterventionCatalogue.Starter.Interventions;
        var file = new InterventionCatalogue("test", [
            starter[0] with { Provider = "Organisatie A", Name = "Gewijzigd" },
            starter[1] with { Provider = "Onbekende stichting" },
            starter[2] with { Provider = null },
        ]);

        var outcome = await LoadAsync(services, "Testcoalitie", file);

        var rejected = Assert.IsType<LoadCatalogue.Outcome.Rejected>(outcome);
        Assert.Equal(2, rejected.Problems.Count);
        Assert.Contains(rejected.Problems, p => p.Contains("Onbekende stichting", StringComparison.Ordinal));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        Assert.False(await db.CatalogueEntries.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.CatalogueLoad));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LoadAsync_ValidFile_CreatesUpdatesAndKeepsVersions(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var starter = InterventionCatalogue.Starter.Interventions;
        var file = new InterventionCatalogue("test", [
            starter[0] with { Provider = "Organisatie B", Capacity = 3 },
            starter[1] with { Provider = "Organisatie A" },
            starter[2] with { Id = "nieuw_aanbod", Provider = "Organisatie B" },
        ]);

        var outcome = await LoadAsync(services, "Testcoalitie", file);
        var unknownCoalition = await LoadAsync(services, "Bestaat niet", file);

        var loaded = Assert.IsType<LoadCatalogue.Outcome.Loaded>(outcome);
        Assert.Equal((1, 1, 1), (loaded.Created, loaded.Updated, loaded.Unchanged));
        Assert.Equal($"coalition-r{starter.Count + 2}", loaded.CatalogueVersion);
        Assert.IsType<LoadCatalogue.Outcome.Rejected>(unknownCoalition);
        await using var scope = TestDatabase.Scope(services, orgs.CoordinatorB, orgs.OrganisationB, Role.Coordinator);
        var sources = await scope.ServiceProvider.GetRequiredService<MatchingSources.Handler>().LoadAsync(CancellationToken.None);
        Assert.Equal("Organisatie B", sources.Catalogue.Find(starter[0].Id)!.Provider);
        Assert.Equal(3, sources.Catalogue.Find(starter[0].Id)!.Capacity);
        Assert.Equal("Organisatie B", sources.Catalogue.Find("nieuw_aanbod")!.Provider);
        Assert.Equal(starter.Count + 1, sources.Catalogue.Interventions.Count);
    }

    private static SaveWeights.Input Input(int version, params (string Key, string Value)[] changes)
    {
        var input = new SaveWeights.Input { Reason = "Meer nadruk op de oorzaak, besproken in het teamoverleg.", Version = version };
        foreach (var (key, value) in MatchingWeights.Defaults)
        {
            input.Weights[key] = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in changes)
        {
            input.Weights[key] = value;
        }

        return input;
    }

    private static async Task<LoadCatalogue.Outcome> LoadAsync(IServiceProvider services, string coalition, InterventionCatalogue catalogue)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LoadCatalogue.Handler>().HandleAsync(coalition, catalogue, CancellationToken.None);
    }

    private static async Task<MatchingSources.Sources> SourcesAsync(IServiceProvider services, Guid user, Guid organisation, Role role)
    {
        await using var scope = TestDatabase.Scope(services, user, organisation, role);
        return await scope.ServiceProvider.GetRequiredService<MatchingSources.Handler>().LoadAsync(CancellationToken.None);
    }

    private static async Task<T> WeightsAsync<THandler, T>(IServiceProvider services, Guid user, Guid organisation, Role role, Func<THandler, Task<T>> action)
        where THandler : notnull
    {
        await using var scope = TestDatabase.Scope(services, user, organisation, role);
        return await action(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
