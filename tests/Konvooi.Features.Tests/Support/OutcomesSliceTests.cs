using Konvooi.Domain.Access;
using Konvooi.Domain.Support;
using Konvooi.Features.Support;
using Konvooi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Konvooi.Features.Tests.Support;

public sealed class OutcomesSliceTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 30, 10, 0, 0, TimeSpan.Zero);

    // Ten people with "buddy", all referred on 5 January 2026. Waiting days 3, 5, …, 21 (median (11 + 13) / 2 = 12).
    // Baseline on 20 December 2025; follow-up exactly six months after each start. Differences below:
    // mean −1.5; sample variance 18.5 / 9; t(0.975; 9) = 2.2621571628 → 95% CI −1.5 ± 1.0256221312.
    private static readonly int[] Differences = [-2, -1, -3, 0, -2, -1, -4, 1, -2, -1];

    private static async Task<TwoOrganisations> SeedAsync(IServiceProvider services)
    {
        var orgs = await TwoOrganisations.CreateAsync(services);
        var referred = new DateOnly(2026, 1, 5);
        for (var i = 0; i < 10; i++)
        {
            var person = await SupportSeed.PersonAsync(services, orgs.OrganisationA, orgs.ProfessionalA, $"Persoon{i}");
            var started = referred.AddDays(3 + (2 * i));
            var end = i < 7
                ? new SupportSeed.Step(TrajectoryState.Completed, started.AddMonths(4))
                : new SupportSeed.Step(TrajectoryState.DroppedOut, started.AddMonths(1), i == 9 ? "cost" : "health");
            await SupportSeed.PlanAsync(services, orgs.OrganisationA, person, orgs.ProfessionalA, referred, "buddy",
                [new(TrajectoryState.Referred, referred), new(TrajectoryState.Started, started), end]);
            // Emotional 5 → 5 + d, social 3 → 3: the subscales come from the stored scores (VT-1).
            await SupportSeed.MeasurementAsync(services, orgs.OrganisationA, person, new DateOnly(2025, 12, 20), 8, scoresJson: Scores(5, 3));
            await SupportSeed.MeasurementAsync(services, orgs.OrganisationA, person, started.AddMonths(6), 8 + Differences[i], scoresJson: Scores(5 + Differences[i], 3));
            await SupportSeed.MeasurementAsync(services, orgs.OrganisationA, person, started.AddMonths(6).AddDays(3), null); // missing total: ignored
        }

        // Two declines at the proposal: counted, never referred.
        for (var i = 0; i < 2; i++)
        {
            var person = await SupportSeed.PersonAsync(services, orgs.OrganisationA, orgs.ProfessionalA, $"Nee{i}");
            await SupportSeed.PlanAsync(services, orgs.OrganisationA, person, orgs.ProfessionalA, referred, "friendship_course",
                [new(TrajectoryState.Declined, referred, "shame_or_stigma")]);
        }

        // Outside the default period (1 October 2025 – 30 September 2026): not counted.
        var early = await SupportSeed.PersonAsync(services, orgs.OrganisationA, orgs.ProfessionalA, "Vroeg");
        await SupportSeed.PlanAsync(services, orgs.OrganisationA, early, orgs.ProfessionalA, new DateOnly(2025, 6, 1), "buddy",
            [new(TrajectoryState.Referred, new DateOnly(2025, 6, 1))]);

        // Organisation B: never counted for A.
        for (var i = 0; i < 3; i++)
        {
            var person = await SupportSeed.PersonAsync(services, orgs.OrganisationB, null, $"Ander{i}");
            await SupportSeed.PlanAsync(services, orgs.OrganisationB, person, orgs.CoordinatorB, referred, "buddy",
                [new(TrajectoryState.Referred, referred)]);
        }

        return orgs;
    }

    private static string Scores(int emotional, int social) => $"{{\"emotional\":{emotional},\"social\":{social},\"total\":{emotional + social}}}";

    private static async Task<ReportInterventionOutcomes.Outcome> ComputeAsync(IServiceProvider services, Guid user, Guid organisation, Role role, ReportInterventionOutcomes.Query? query = null)
    {
        await using var scope = TestDatabase.Scope(services, user, organisation, role);
        return await scope.ServiceProvider.GetRequiredService<ReportInterventionOutcomes.Handler>().HandleAsync(query ?? new ReportInterventionOutcomes.Query(), CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Handle_StoredTrajectories_MatchTheHandComputedOutcomes(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(new FakeTimeProvider(Now));
        var orgs = await SeedAsync(services);

        var result = Assert.IsType<ReportInterventionOutcomes.Outcome.Computed>(await ComputeAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator)).Result;

        Assert.Equal(new DateOnly(2025, 10, 1), result.From);
        Assert.Equal(new DateOnly(2026, 9, 30), result.To);
        Assert.Equal(12, result.TrajectoryCount);
        Assert.Equal(["buddy", "friendship_course"], result.WithTrajectories.Select(l => l.Outcome.InterventionId).Order(StringComparer.Ordinal).ToList());
        var buddy = result.All.Single(o => o.InterventionId == "buddy");
        Assert.Equal(10, buddy.Referred);
        Assert.Equal(10, buddy.Started);
        Assert.Null(buddy.Completed);   // 7 < 10: suppressed
        Assert.Null(buddy.DroppedOut);  // 3 < 10: suppressed
        Assert.Equal(0, buddy.Declined); // zero is not a small cell
        Assert.Null(buddy.DroppedOutByReason.Single(r => r.Reason == "health").Count);
        Assert.Equal(0, buddy.DroppedOutByReason.Single(r => r.Reason == "moved").Count);
        Assert.Equal(10, buddy.WaitingN);
        Assert.Equal(12.0, buddy.MedianWaitingDays);
        Assert.Equal(10, buddy.Pairs);
        Assert.Equal(-1.5, buddy.MeanChange!.Value, 12);
        Assert.Equal(-2.5256221312, buddy.CiLow!.Value, 6);
        Assert.Equal(-0.4743778688, buddy.CiHigh!.Value, 6);
        var course = result.All.Single(o => o.InterventionId == "friendship_course");
        Assert.Equal(0, course.Referred);
        Assert.Null(course.Declined); // 2 < 10
        Assert.Null(course.MeanChange);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Handle_Evaluation_ReportsSubscalesTransitionAndAComparisonGroupPerInstrument(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(new FakeTimeProvider(Now));
        var orgs = await SeedAsync(services);

        // Ten people still waiting for "friendship_course" since 2 February 2026, measured with DJG-6 (never pooled with DJG-11):
        // 3 → 1 for the first four (lonely to not lonely on DJG-6's own cut-off 2), 3 → 3 for the others.
        var referred = new DateOnly(2026, 2, 2);
        for (var i = 0; i < 10; i++)
        {
            var person = await SupportSeed.PersonAsync(services, orgs.OrganisationA, orgs.ProfessionalA, $"Wacht{i}");
            await SupportSeed.PlanAsync(services, orgs.OrganisationA, person, orgs.ProfessionalA, referred, "friendship_course",
                [new(TrajectoryState.Referred, referred)]);
            await SupportSeed.MeasurementAsync(services, orgs.OrganisationA, person, referred.AddDays(-7), 3, "djg6", Scores(2, 1));
            await SupportSeed.MeasurementAsync(services, orgs.OrganisationA, person, referred.AddMonths(4), i < 4 ? 1 : 3, "djg6", i < 4 ? Scores(1, 0) : Scores(2, 1));
        }

        var result = Assert.IsType<ReportInterventionOutcomes.Outcome.Computed>(await ComputeAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator)).Result;

        var buddy = result.Evaluation.Interventions.Single(g => g.GroupId == "buddy").ByInstrument.Single(i => i.InstrumentId == "djg11");
        Assert.Equal(10, buddy.Pairs);
        Assert.Equal(-1.5, buddy.Total.Mean!.Value, 12);
        Assert.Equal(-1.5, buddy.Emotional.Mean!.Value, 12);
        Assert.Equal(0.0, buddy.Social.Mean!.Value, 12);
        Assert.Equal(10, buddy.Transition.LonelyAtStart); // 8 ≥ 3
        Assert.Equal(0, buddy.Transition.NotLonelyAfter); // lowest follow-up is 4
        Assert.Equal(0, result.Evaluation.Interventions.Single(g => g.GroupId == "buddy").ByInstrument.Single(i => i.InstrumentId == "djg6").Pairs);

        Assert.Equal(12, result.Evaluation.Comparison.People); // the two declines and the ten waiting
        var comparison = result.Evaluation.Comparison.ByInstrument.Single(i => i.InstrumentId == "djg6");
        Assert.Equal(10, comparison.Pairs);
        Assert.Equal(-0.8, comparison.Total.Mean!.Value, 12);
        Assert.Equal(-0.4, comparison.Emotional.Mean!.Value, 12);
        Assert.Equal(4, comparison.Transition.NotLonelyAfter);
        Assert.Equal(0.4, comparison.Transition.Share!.Value, 12);
        Assert.Equal(0, result.Evaluation.Comparison.ByInstrument.Single(i => i.InstrumentId == "djg11").Pairs);
        Assert.Equal(["buddy", "friendship_course"], result.EvaluatedInterventions.Select(e => e.Group.GroupId).Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Handle_PeriodExcludingHalfThePeople_SuppressesTheChange(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(new FakeTimeProvider(Now));
        var orgs = await SeedAsync(services);

        var result = Assert.IsType<ReportInterventionOutcomes.Outcome.Computed>(await ComputeAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator,
            new ReportInterventionOutcomes.Query(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)))).Result;

        var buddy = result.All.Single(o => o.InterventionId == "buddy");
        Assert.Equal(1, result.TrajectoryCount);
        Assert.Null(buddy.Referred); // only the early one: 1 < 10
        Assert.Null(buddy.MeanChange);
        Assert.Null(buddy.CiLow);
        Assert.Contains("- Aangemeld: minder dan 10", InterventionOutcomes.PraktijkervaringenSummary(buddy, "Maatje", result.Period, result.Settings), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Handle_OtherOrganisation_CountsOnlyItsOwnTrajectories(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(new FakeTimeProvider(Now));
        var orgs = await SeedAsync(services);

        var result = Assert.IsType<ReportInterventionOutcomes.Outcome.Computed>(await ComputeAsync(services, orgs.CoordinatorB, orgs.OrganisationB, Role.Coordinator)).Result;

        Assert.Equal(3, result.TrajectoryCount);
        Assert.Null(result.All.Single(o => o.InterventionId == "buddy").Referred); // 3 < 10
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Handle_NotACoordinatorOrStartAfterEnd_IsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(new FakeTimeProvider(Now));
        var orgs = await TwoOrganisations.CreateAsync(services);

        foreach (var (user, role) in new[] { (orgs.ProfessionalA, Role.Professional), (orgs.AnalystA, Role.Analyst), (orgs.VolunteerA, Role.Volunteer), (orgs.AdministratorA, Role.Administrator) })
        {
            Assert.IsType<ReportInterventionOutcomes.Outcome.Forbidden>(await ComputeAsync(services, user, orgs.OrganisationA, role));
        }

        Assert.IsType<ReportInterventionOutcomes.Outcome.InvalidPeriod>(await ComputeAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator,
            new ReportInterventionOutcomes.Query(new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1))));
    }
}
