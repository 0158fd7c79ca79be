using Konvooi.Domain.Access;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Support;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Konvooi.Features.Tests.Support;

public sealed class WorkListSliceTests
{
    // 2026-03-05 23:30 UTC is already 6 March in Amsterdam (CET, UTC+1).
    private static readonly DateTimeOffset LateEvening = new(2026, 3, 5, 23, 30, 0, TimeSpan.Zero);

    private sealed record World(TwoOrganisations Orgs, Guid Dropout, Guid Waiting, Guid OtherOrganisation);

    /// <summary>
    /// Professional A: a dropout on 20 February (follow-up due 6 March) in wijk Noord with "buddy".
    /// Other professional A: referred on 1 December and still waiting, wijk Zuid, "telephone_circle".
    /// Organisation B: a never-start with an open follow-up.
    /// </summary>
    private static async Task<World> SeedAsync(IServiceProvider services)
    {
        var orgs = await TwoOrganisations.CreateAsync(services);
        var dropout = await SupportSeed.PersonAsync(services, orgs.OrganisationA, orgs.ProfessionalA, "Anna", "Noord");
        var waiting = await SupportSeed.PersonAsync(services, orgs.OrganisationA, orgs.OtherProfessionalA, "Bram", "Zuid");
        var other = await SupportSeed.PersonAsync(services, orgs.OrganisationB, null, "Cato", "Noord");
        await SupportSeed.PlanAsync(services, orgs.OrganisationA, dropout, orgs.ProfessionalA, new DateOnly(2026, 2, 1), "buddy",
        [
            new(TrajectoryState.Referred, new DateOnly(2026, 2, 1)),
            new(TrajectoryState.Started, new DateOnly(2026, 2, 10)),
            new(TrajectoryState.DroppedOut, new DateOnly(2026, 2, 20), "did_not_feel_at_home"),
        ]);
        await SupportSeed.PlanAsync(services, orgs.OrganisationA, waiting, orgs.OtherProfessionalA, new DateOnly(2026, 2, 25), "telephone_circle",
        [
            new(TrajectoryState.Referred, new DateOnly(2026, 2, 25)),
        ]);
        await SupportSeed.PlanAsync(services, orgs.OrganisationB, other, orgs.CoordinatorB, new DateOnly(2026, 2, 1), "buddy",
        [
            new(TrajectoryState.Referred, new DateOnly(2026, 2, 1)),
            new(TrajectoryState.NeverStarted, new DateOnly(2026, 3, 1), "transport_or_distance"),
        ]);
        return new World(orgs, dropout, waiting, other);
    }

    private static async Task<GetWorkList.Result?> ListAsync(IServiceProvider services, Guid user, Guid organisation, Role role, GetWorkList.Query? query = null)
    {
        await using var scope = TestDatabase.Scope(services, user, organisation, role);
        return await scope.ServiceProvider.GetRequiredService<GetWorkList.Handler>().HandleAsync(query ?? new GetWorkList.Query(), CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Handle_Professional_SeesOnlyTheirOwnPlansAndFollowUps(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(new FakeTimeProvider(LateEvening));
        var world = await SeedAsync(services);

        var own = await ListAsync(services, world.Orgs.ProfessionalA, world.Orgs.OrganisationA, Role.Professional,
            new GetWorkList.Query(ProfessionalId: world.Orgs.OtherProfessionalA)); // a professional cannot choose someone else
        var other = await ListAsync(services, world.Orgs.OtherProfessionalA, world.Orgs.OrganisationA, Role.Professional);

        var item = Assert.Single(own!.Rows).Item;
        Assert.Equal(WorkItemKind.FollowUp, item.Kind);
        Assert.Equal(world.Dropout.ToString(), item.PersonId);
        Assert.False(own.IsOrganisationView);
        Assert.Empty(own.Professionals);
        Assert.Null(own.Applied.ProfessionalId);
        Assert.Empty(other!.Rows); // referred on 25 February: not yet waiting longer than six weeks
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Handle_TodayIsTheAmsterdamDate_FollowUpDueToday(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(new FakeTimeProvider(LateEvening));
        var world = await SeedAsync(services);

        var result = await ListAsync(services, world.Orgs.ProfessionalA, world.Orgs.OrganisationA, Role.Professional);

        Assert.Equal(new DateOnly(2026, 3, 6), result!.Today);
        var item = Assert.Single(result.Rows).Item;
        Assert.Equal(new DateOnly(2026, 3, 6), item.DueOn); // 20 February + 14 days (docs/support-plan.md)
        Assert.Equal(Urgency.Due, item.Urgency);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Handle_CoordinatorWithFilters_SeesTheOrganisationNarrowedByProfessionalWijkAndIntervention(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.Zero)); // 54 days after the referral
        await using var services = database.BuildServices(clock);
        var world = await SeedAsync(services);
        var a = world.Orgs;

        var all = await ListAsync(services, a.CoordinatorA, a.OrganisationA, Role.Coordinator);
        var byProfessional = await ListAsync(services, a.CoordinatorA, a.OrganisationA, Role.Coordinator, new(ProfessionalId: a.OtherProfessionalA));
        var byWijk = await ListAsync(services, a.CoordinatorA, a.OrganisationA, Role.Coordinator, new(Wijk: "Noord"));
        var byIntervention = await ListAsync(services, a.CoordinatorA, a.OrganisationA, Role.Coordinator, new(InterventionId: "telephone_circle"));

        Assert.True(all!.IsOrganisationView);
        Assert.Equal(
            new[] { world.Dropout.ToString(), world.Waiting.ToString() }.Order(StringComparer.Ordinal),
            all.Rows.Select(r => r.Item.PersonId).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(all.Rows, r => r.Item.Kind == WorkItemKind.LongWait && r.Item.PersonId == world.Waiting.ToString());
        Assert.Contains(all.Professionals, o => o.Value == a.OtherProfessionalA.ToString());
        Assert.Equal(["Noord", "Zuid"], all.Wijken);
        Assert.All(byProfessional!.Rows, r => Assert.Equal(world.Waiting.ToString(), r.Item.PersonId));
        Assert.NotEmpty(byProfessional.Rows);
        Assert.All(byWijk!.Rows, r => Assert.Equal(world.Dropout.ToString(), r.Item.PersonId));
        Assert.NotEmpty(byWijk.Rows);
        Assert.All(byIntervention!.Rows, r => Assert.Equal(world.Waiting.ToString(), r.Item.PersonId));
        Assert.NotEmpty(byIntervention.Rows);
        Assert.DoesNotContain(all.Rows, r => r.Item.PersonId == world.OtherOrganisation.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Handle_OtherOrganisation_SeesOnlyItsOwnItems(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(new FakeTimeProvider(LateEvening));
        var world = await SeedAsync(services);

        var result = await ListAsync(services, world.Orgs.CoordinatorB, world.Orgs.OrganisationB, Role.Coordinator);

        var item = Assert.Single(result!.Rows).Item;
        Assert.Equal(world.OtherOrganisation.ToString(), item.PersonId);
        Assert.Equal(["Noord"], result.Wijken);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Handle_RolesWithoutPersonRecords_GetNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(new FakeTimeProvider(LateEvening));
        var world = await SeedAsync(services);

        Assert.Null(await ListAsync(services, world.Orgs.VolunteerA, world.Orgs.OrganisationA, Role.Volunteer));
        Assert.Null(await ListAsync(services, world.Orgs.AnalystA, world.Orgs.OrganisationA, Role.Analyst));
        Assert.Null(await ListAsync(services, world.Orgs.AdministratorA, world.Orgs.OrganisationA, Role.Administrator));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Handle_RemeasurementDue_ListedUntilTheInstrumentIsAdministeredAgain(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 25, 9, 0, 0, TimeSpan.Zero));
        await using var services = database.BuildServices(clock);
        var orgs = await TwoOrganisations.CreateAsync(services);
        var person = await SupportSeed.PersonAsync(services, orgs.OrganisationA, orgs.ProfessionalA, "Dirk");
        await SupportSeed.MeasurementAsync(services, orgs.OrganisationA, person, new DateOnly(2026, 1, 28), 7);
        // Per-plan schedule: 3 months after 1 February is 1 May; the reminder opens 14 days before.
        await SupportSeed.PlanAsync(services, orgs.OrganisationA, person, orgs.ProfessionalA, new DateOnly(2026, 2, 1), "buddy",
            [new(TrajectoryState.Referred, new DateOnly(2026, 2, 1)), new(TrajectoryState.Started, new DateOnly(2026, 2, 8))], months: [3]);

        var before = await ListAsync(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional);
        await SupportSeed.MeasurementAsync(services, orgs.OrganisationA, person, new DateOnly(2026, 4, 24), 5);
        var after = await ListAsync(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional);

        var due = Assert.Single(before!.Rows);
        Assert.Equal(WorkItemKind.Remeasurement, due.Item.Kind);
        Assert.Equal(new DateOnly(2026, 5, 1), due.Item.DueOn);
        Assert.Equal(Urgency.Upcoming, due.Item.Urgency);
        Assert.Equal("djg11", due.RemeasurementInstrument);
        Assert.Empty(after!.Rows);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Handle_View_AuditLogsOneListEntryPerPersonShown(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(new FakeTimeProvider(new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.Zero)));
        var world = await SeedAsync(services);

        var result = await ListAsync(services, world.Orgs.CoordinatorA, world.Orgs.OrganisationA, Role.Coordinator);

        await using var scope = TestDatabase.Scope(services, world.Orgs.CoordinatorA, world.Orgs.OrganisationA, Role.Coordinator);
        var entries = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().AuditEntries
            .Where(e => e.Action == AuditActions.List && e.EntityType == GetWorkList.AuditEntityType).ToListAsync();
        Assert.Equal(
            result!.Rows.Select(r => Guid.Parse(r.Item.PersonId)).Distinct().Order().ToList(),
            entries.Select(e => e.PersonId!.Value).Order().ToList());
        Assert.All(entries, e => Assert.Equal(world.Orgs.CoordinatorA, e.UserId));
    }
}
