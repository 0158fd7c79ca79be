using Konvooi.Domain.Support;

namespace Konvooi.Domain.Tests.Support;

public sealed class OutcomeEvaluationTests
{
    private static readonly DateOnly Today = new(2027, 6, 30);
    private static readonly DateOnly Referral = new(2026, 1, 1);
    private static readonly DateOnly Start = new(2026, 1, 11);

    // Ten people start "walks" on 11 January 2026. DJG-11 baseline 5 (emotional 3, social 2), follow-up exactly 6 months later.
    // Total differences d: Σd = −15, mean −1.5; Σ(d − mean)² = 18.5, s² = 18.5 / 9; t(0.975; 9) = 2.2621571628
    // → 95% CI −1.5 ± 2.2621571628 · √(18.5 / 90) = −1.5 ± 1.0256221312.
    // Emotional: every person −1 (mean −1, no spread). Social: d + 1, Σ = −5, mean −0.5.
    // Lonely from 3: all ten lonely at the baseline; follow-up totals 3 4 2 5 3 4 1 6 3 4 → two below 3: 2 of 10 = 20 %.
    private static readonly int[] Differences = [-2, -1, -3, 0, -2, -1, -4, 1, -2, -1];

    private static Trajectory Started(string person, string intervention, DateOnly start)
    {
        var t = TrajectoryTests.Proposed(intervention, "t-" + person + intervention, person, Referral.AddDays(-10));
        t = TrajectoryTests.Accept(t, TrajectoryTests.Step(TrajectoryState.Referred, Referral), Today);
        t = TrajectoryTests.Accept(t, TrajectoryTests.Step(TrajectoryState.Started, start), Today);
        return TrajectoryTests.Accept(t, TrajectoryTests.Step(TrajectoryState.Completed, start.AddMonths(3)), Today);
    }

    private static Trajectory NotStarted(string person, string intervention, TrajectoryState state)
    {
        var t = TrajectoryTests.Proposed(intervention, "t-" + person + intervention, person, Referral.AddDays(-10));
        if (state == TrajectoryState.Declined)
        {
            return TrajectoryTests.Accept(t, TrajectoryTests.Step(state, Referral.AddDays(-5), "no_longer_needed"), Today);
        }

        t = TrajectoryTests.Accept(t, TrajectoryTests.Step(TrajectoryState.Referred, Referral), Today);
        return state switch
        {
            TrajectoryState.Referred => t,
            TrajectoryState.Waiting => TrajectoryTests.Accept(t, TrajectoryTests.Step(state, Referral.AddDays(3)), Today),
            _ => TrajectoryTests.Accept(t, TrajectoryTests.Step(state, Referral.AddDays(30), "waiting_list"), Today),
        };
    }

    private static (List<Trajectory> Trajectories, List<ScoredMeasurement> Measurements) Example()
    {
        var trajectories = new List<Trajectory>();
        var measurements = new List<ScoredMeasurement>();
        for (var i = 0; i < 10; i++)
        {
            var person = $"p{i}";
            trajectories.Add(Started(person, "walks", Start));
            measurements.Add(new(person, "djg11", Start.AddDays(-200), 11, 6, 5));                              // outside the baseline window
            measurements.Add(new(person, "djg11", Start.AddDays(-5), 5, 3, 2));                                 // baseline
            measurements.Add(new(person, "djg11", Start.AddMonths(6), 5 + Differences[i], 2, 3 + Differences[i])); // follow-up
            measurements.Add(new(person, "djg11", Start.AddMonths(11), 0, 0, 0));                              // in the window, further away
        }

        return (trajectories, measurements);
    }

    [Fact]
    public void Evaluate_WorkedExample_MatchesTheHandComputation()
    {
        var (trajectories, measurements) = Example();

        var report = OutcomeEvaluation.Evaluate(["walks", "buddy"], trajectories, measurements, EvaluationSettings.Default);

        var walks = report.Interventions.Single(g => g.GroupId == "walks");
        Assert.Equal(10, walks.People);
        var djg11 = walks.ByInstrument.Single(i => i.InstrumentId == "djg11");
        Assert.Equal(10, djg11.Pairs);
        Assert.Equal(-1.5, djg11.Total.Mean!.Value, 12);
        Assert.Equal(-2.5256221312, djg11.Total.Low!.Value, 9);
        Assert.Equal(-0.4743778688, djg11.Total.High!.Value, 9);
        Assert.Equal(-1.0, djg11.Emotional.Mean!.Value, 12);
        Assert.Equal(-1.0, djg11.Emotional.Low!.Value, 12);
        Assert.Equal(-0.5, djg11.Social.Mean!.Value, 12);
        Assert.Equal(10, djg11.Transition.LonelyAtStart);
        Assert.Equal(2, djg11.Transition.NotLonelyAfter);
        Assert.Equal(0.2, djg11.Transition.Share!.Value, 12);
        Assert.Equal(0.0566821, djg11.Transition.Low!.Value, 6); // Wilson 2/10, see Wilson_KnownValues
        Assert.Equal(0.5098375, djg11.Transition.High!.Value, 6);

        // No DJG-6 measurements: zero pairs, shown as zero (it points at nobody), no estimates.
        var djg6 = walks.ByInstrument.Single(i => i.InstrumentId == "djg6");
        Assert.Equal(0, djg6.Pairs);
        Assert.Null(djg6.Total.Mean);
        Assert.Equal(0, report.Interventions.Single(g => g.GroupId == "buddy").People);
    }

    [Fact]
    public void Evaluate_Djg6_IsReportedOnItsOwnAndNeverPooledWithDjg11()
    {
        var (trajectories, measurements) = Example();
        for (var i = 0; i < 5; i++)
        {
            measurements.Add(new($"p{i}", "djg6", Start, 4, 2, 2));
            measurements.Add(new($"p{i}", "djg6", Start.AddMonths(6), 1, 1, 0));
        }

        var walks = OutcomeEvaluation.Evaluate(["walks"], trajectories, measurements, EvaluationSettings.Default).Interventions.Single();

        Assert.Equal(10, walks.ByInstrument.Single(i => i.InstrumentId == "djg11").Pairs);     // unchanged by the DJG-6 people
        var djg6 = walks.ByInstrument.Single(i => i.InstrumentId == "djg6");
        Assert.Null(djg6.Pairs);                 // 5 < 10: suppressed
        Assert.Null(djg6.Total.Mean);
        Assert.Null(djg6.Transition.LonelyAtStart);
        Assert.Null(djg6.Transition.Share);
    }

    [Fact]
    public void Evaluate_Who5_ShowsTheWellBeingChangeWithoutSubscalesOrLonelyCutOff()
    {
        var (trajectories, measurements) = Example();
        for (var i = 0; i < 10; i++)
        {
            measurements.Add(new($"p{i}", "who5", Start.AddDays(-1), 10));
            measurements.Add(new($"p{i}", "who5", Start.AddMonths(4), 10 + i)); // +0 … +9: mean 4.5
        }

        var who5 = OutcomeEvaluation.Evaluate(["walks"], trajectories, measurements, EvaluationSettings.Default)
            .Interventions.Single().ByInstrument.Single(i => i.InstrumentId == "who5");

        Assert.False(who5.IsLonelinessScale);
        Assert.Equal(10, who5.Pairs);
        Assert.Equal(4.5, who5.Total.Mean!.Value, 12);
        Assert.Equal(0, who5.Emotional.N);
        Assert.Null(who5.Transition.Share);
    }

    [Fact]
    public void Evaluate_Djg6Transition_UsesItsOwnCutOffOfTwo()
    {
        var trajectories = new List<Trajectory>();
        var measurements = new List<ScoredMeasurement>();
        for (var i = 0; i < 10; i++)
        {
            trajectories.Add(Started($"q{i}", "walks", Start));
            measurements.Add(new($"q{i}", "djg6", Start, 2, 1, 1));                    // 2 is lonely on DJG-6 (not on DJG-11)
            measurements.Add(new($"q{i}", "djg6", Start.AddMonths(6), i < 4 ? 1 : 2, 1, 0)); // four drop below 2
        }

        var djg6 = OutcomeEvaluation.Evaluate(["walks"], trajectories, measurements, EvaluationSettings.Default)
            .Interventions.Single().ByInstrument.Single(i => i.InstrumentId == "djg6");

        Assert.Equal(10, djg6.Transition.LonelyAtStart);
        Assert.Equal(4, djg6.Transition.NotLonelyAfter);
        Assert.Equal(0.4, djg6.Transition.Share!.Value, 12);
        Assert.Equal(-0.4, djg6.Total.Mean!.Value, 12);
        Assert.Equal(-1.0, djg6.Social.Mean!.Value, 12);
    }

    [Fact]
    public void Evaluate_ComparisonGroup_HoldsPeopleWhoDeclinedNeverStartedOrWaited_AnchoredAtTheReferral()
    {
        var (trajectories, measurements) = Example();
        var states = new[] { TrajectoryState.Declined, TrajectoryState.NeverStarted, TrajectoryState.Waiting, TrajectoryState.Referred };
        for (var i = 0; i < 12; i++)
        {
            var person = $"c{i}";
            var state = states[i % states.Length];
            trajectories.Add(NotStarted(person, "buddy", state));
            var anchor = state == TrajectoryState.Declined ? Referral.AddDays(-10) : Referral; // declined at the proposal: the proposal date
            measurements.Add(new(person, "djg11", anchor.AddDays(-1), 6, 4, 2));
            measurements.Add(new(person, "djg11", anchor.AddMonths(6), 5, 3, 2));
        }

        // p0 also declined another offer, but started "walks": never in the comparison group.
        trajectories.Add(NotStarted("p0", "buddy", TrajectoryState.Declined));

        var report = OutcomeEvaluation.Evaluate(["walks", "buddy"], trajectories, measurements, EvaluationSettings.Default);

        Assert.Equal(OutcomeEvaluation.ComparisonGroupId, report.Comparison.GroupId);
        Assert.Equal(12, report.Comparison.People);
        var djg11 = report.Comparison.ByInstrument.Single(i => i.InstrumentId == "djg11");
        Assert.Equal(12, djg11.Pairs);
        Assert.Equal(-1.0, djg11.Total.Mean!.Value, 12);
        Assert.Equal(-1.0, djg11.Emotional.Mean!.Value, 12);
        Assert.Equal(0.0, djg11.Social.Mean!.Value, 12);
        Assert.Equal(0, djg11.Transition.NotLonelyAfter); // 6 → 5: still lonely
        Assert.Equal(0.0, djg11.Transition.Share!.Value, 12);
    }

    [Theory]
    [InlineData(-90, 4)]   // exactly the window: inside
    [InlineData(-91, null)] // one day too early: no baseline
    [InlineData(0, 4)]     // on the start day
    [InlineData(1, null)]  // after the start: not a baseline
    public void Pair_BaselineWindow_IsInclusive(int offset, int? expectedBaseline)
    {
        var list = new List<ScoredMeasurement> { new("p", "djg11", Start.AddDays(offset), 4), new("p", "djg11", Start.AddMonths(6), 2) };

        var pair = OutcomeEvaluation.Pair(list, Start, EvaluationSettings.Default);

        Assert.Equal(expectedBaseline, pair?.Baseline.Total);
    }

    [Theory]
    [InlineData(3, 0, true)]    // exactly 3 months: inside
    [InlineData(3, -1, false)]  // one day before 3 months
    [InlineData(12, 0, true)]   // exactly 12 months: inside
    [InlineData(12, 1, false)]  // one day after 12 months
    public void Pair_FollowUpWindow_IsInclusive(int months, int days, bool paired)
    {
        var list = new List<ScoredMeasurement> { new("p", "djg11", Start, 4), new("p", "djg11", Start.AddMonths(months).AddDays(days), 2) };

        Assert.Equal(paired, OutcomeEvaluation.Pair(list, Start, EvaluationSettings.Default) is not null);
    }

    [Fact]
    public void Pair_NearestToSixMonths_TieTakesTheEarlier()
    {
        var target = Start.AddMonths(6);
        var list = new List<ScoredMeasurement>
        {
            new("p", "djg11", Start, 4), new("p", "djg11", target.AddDays(-20), 3), new("p", "djg11", target.AddDays(20), 1), new("p", "djg11", target.AddDays(60), 0),
        };

        Assert.Equal(3, OutcomeEvaluation.Pair(list, Start, EvaluationSettings.Default)!.Value.FollowUp.Total);
    }

    [Theory]
    [InlineData(5, 10, 0.2365931, 0.7634069)]
    [InlineData(2, 10, 0.0566821, 0.5098375)]
    [InlineData(0, 10, 0.0, 0.2775328)]
    [InlineData(10, 10, 0.7224672, 1.0)]
    public void Wilson_KnownValues(int k, int n, double low, double high)
    {
        // Hand computation for 5/10: z = 1.959964, z²/n = 0.3841459; centre (0.5 + 0.1920729) / 1.3841459 = 0.5;
        // half-width 1.959964 · √(0.025 + 0.0096037) / 1.3841459 = 0.2634069.
        var (l, h) = OutcomeEvaluation.Wilson(k, n, 0.95);

        Assert.Equal(low, l, 6);
        Assert.Equal(high, h, 6);
    }

    [Fact]
    public void NormalQuantile_975_IsTheKnownValue() =>
        Assert.Equal(1.9599639845400536, OutcomeEvaluation.NormalQuantile(0.975), 12);

    [Theory]
    [InlineData("djg11", 2, false)]
    [InlineData("djg11", 3, true)]
    [InlineData("djg6", 1, false)]
    [InlineData("djg6", 2, true)]
    public void IsLonely_UsesEachInstrumentsOwnCutOff(string instrument, int total, bool lonely) =>
        Assert.Equal(lonely, OutcomeEvaluation.IsLonely(instrument, total));
}
