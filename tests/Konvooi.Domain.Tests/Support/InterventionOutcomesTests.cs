using Konvooi.Domain.Support;

namespace Konvooi.Domain.Tests.Support;

public sealed class InterventionOutcomesTests
{
    private static readonly DateOnly Today = new(2027, 6, 30);
    private static readonly DateOnly Referral = new(2026, 1, 1);

    // Hand-computed example: ten people, paired differences d (follow-up − baseline).
    // Σd = −11, mean = −1.1; Σ(d − mean)² = 3.61 + 3×0.81 + 3×0.01 + 2×1.21 + 4.41 = 12.9;
    // s² = 12.9 / 9 = 1.4333…; SE = √(1.4333… / 10) = 0.378594…; t(0.975; 9) = 2.2621571627982;
    // CI = −1.1 ± 0.856439… = [−1.95643888, −0.24356112].
    private static readonly int[] Differences = [-3, -2, -2, -1, -1, 0, 0, 1, -2, -1];

    // Days from referral to start; sorted 3 5 7 7 9 10 12 14 20 30 → median (9 + 10) / 2 = 9.5.
    private static readonly int[] WaitDays = [3, 5, 7, 7, 9, 10, 12, 14, 20, 30];

    private static Trajectory Run(string person, string intervention, int waitDays, TrajectoryState end, string? reason = null)
    {
        var t = TrajectoryTests.Proposed(intervention, "t-" + person + intervention, person, new DateOnly(2025, 12, 1));
        t = TrajectoryTests.Accept(t, TrajectoryTests.Step(TrajectoryState.Referred, Referral), Today);
        if (end == TrajectoryState.NeverStarted)
        {
            return TrajectoryTests.Accept(t, TrajectoryTests.Step(end, Referral.AddDays(20), reason), Today);
        }

        var start = Referral.AddDays(waitDays);
        t = TrajectoryTests.Accept(t, TrajectoryTests.Step(TrajectoryState.Started, start), Today);
        return TrajectoryTests.Accept(t, TrajectoryTests.Step(end, start.AddMonths(3), reason), Today);
    }

    private static (List<Trajectory> Trajectories, List<MeasurementRecord> Measurements) Example(string intervention, int people)
    {
        var trajectories = new List<Trajectory>();
        var measurements = new List<MeasurementRecord>();
        for (var i = 0; i < people; i++)
        {
            var person = $"p{i}";
            var (end, reason) = i switch
            {
                7 or 8 => (TrajectoryState.DroppedOut, "did_not_feel_at_home"),
                9 => (TrajectoryState.DroppedOut, "health"),
                _ => (TrajectoryState.Completed, (string?)null),
            };
            trajectories.Add(Run(person, intervention, WaitDays[i], end, reason));
            var start = Referral.AddDays(WaitDays[i]);
            var target = start.AddMonths(6);
            measurements.Add(new MeasurementRecord(person, "djg11", start.AddDays(-30), 11));          // older baseline: not the last
            measurements.Add(new MeasurementRecord(person, "djg11", start.AddDays(-2), 6));            // baseline
            measurements.Add(new MeasurementRecord(person, "djg11", target.AddDays(10), 6 + Differences[i])); // nearest follow-up
            measurements.Add(new MeasurementRecord(person, "djg11", target.AddDays(40), 0));           // in window, but further
            measurements.Add(new MeasurementRecord(person, "djg11", target.AddDays(-50), 1));          // outside ± 6 weeks
            measurements.Add(new MeasurementRecord(person, "who5", target, 25));                       // other instrument
        }

        return (trajectories, measurements);
    }

    [Fact]
    public void Compute_TenPairs_MatchesHandComputedValues()
    {
        var (trajectories, measurements) = Example("walks", 10);
        trajectories.Add(Run("p10", "walks", 0, TrajectoryState.NeverStarted, "waiting_list"));

        var outcome = Assert.Single(InterventionOutcomes.Compute(["walks"], trajectories, measurements, OutcomeSettings.Default));

        Assert.Equal(11, outcome.Referred);
        Assert.Equal(10, outcome.Started);
        Assert.Null(outcome.Completed);     // 7 < 10: suppressed
        Assert.Null(outcome.DroppedOut);    // 3 < 10: suppressed
        Assert.Null(outcome.NeverStarted);  // 1 < 10: suppressed
        Assert.Equal(0, outcome.Declined);  // zero identifies nobody: shown
        Assert.All(outcome.DroppedOutByReason, r => Assert.True(r.Count is null or 0));
        Assert.Equal(10, outcome.WaitingN);
        Assert.Equal(9.5, outcome.MedianWaitingDays);
        Assert.Equal(10, outcome.Pairs);
        Assert.Equal(-1.1, outcome.MeanChange!.Value, 12);
        Assert.Equal(-1.9564388794217732, outcome.CiLow!.Value, 9);
        Assert.Equal(-0.24356112057822682, outcome.CiHigh!.Value, 9);
    }

    [Fact]
    public void Compute_NinePairs_SuppressesChangeAndWaitingTime()
    {
        var (trajectories, measurements) = Example("walks", 9);

        var outcome = Assert.Single(InterventionOutcomes.Compute(["walks"], trajectories, measurements, OutcomeSettings.Default));

        Assert.Null(outcome.Referred);
        Assert.Null(outcome.Pairs);
        Assert.Null(outcome.MeanChange);
        Assert.Null(outcome.CiLow);
        Assert.Null(outcome.MedianWaitingDays);
    }

    [Fact]
    public void Compute_LowerMinN_ShowsDropoutReasons()
    {
        var (trajectories, measurements) = Example("walks", 10);

        var outcome = Assert.Single(InterventionOutcomes.Compute(["walks"], trajectories, measurements, OutcomeSettings.Default with { MinN = 1 }));

        Assert.Equal(7, outcome.Completed);
        Assert.Equal(3, outcome.DroppedOut);
        Assert.Equal(2, outcome.DroppedOutByReason.Single(r => r.Reason == "did_not_feel_at_home").Count);
        Assert.Equal(1, outcome.DroppedOutByReason.Single(r => r.Reason == "health").Count);
    }

    [Fact]
    public void Compute_CatalogueEntryWithoutTrajectories_HasZeros()
    {
        var outcome = Assert.Single(InterventionOutcomes.Compute(["choir"], [], [], OutcomeSettings.Default));

        Assert.Equal(0, outcome.Referred);
        Assert.Equal(0, outcome.Pairs);
        Assert.Null(outcome.MeanChange);
    }

    [Fact]
    public void Compute_UnlistedIntervention_IsAddedAfterCatalogue()
    {
        var (trajectories, measurements) = Example("walks", 10);

        var outcomes = InterventionOutcomes.Compute(["choir"], trajectories, measurements, OutcomeSettings.Default);

        Assert.Equal(["choir", "walks"], outcomes.Select(o => o.InterventionId));
    }

    [Fact]
    public void Compute_TwoStartsBySamePerson_GiveOnePair()
    {
        var (trajectories, measurements) = Example("walks", 10);
        trajectories.Add(Run("p0", "walks", 200, TrajectoryState.Completed) with { Id = "again" });

        var outcome = Assert.Single(InterventionOutcomes.Compute(["walks"], trajectories, measurements, OutcomeSettings.Default));

        Assert.Equal(11, outcome.Started);
        Assert.Equal(10, outcome.Pairs);
    }

    [Theory]
    [InlineData(42, 2)]    // exactly 6 weeks after the target: inside
    [InlineData(-42, 2)]   // exactly 6 weeks before: inside
    [InlineData(43, null)] // one day too late
    public void PairedDifference_WindowEdges_AreInclusive(int offset, int? expected)
    {
        var start = new DateOnly(2026, 3, 10);
        var list = new List<MeasurementRecord>
        {
            new("p", "djg11", start, 5),                                   // on the start date: a baseline
            new("p", "djg11", start.AddMonths(6).AddDays(offset), 7),
        };

        Assert.Equal(expected, InterventionOutcomes.PairedDifference(list, start, OutcomeSettings.Default));
    }

    [Fact]
    public void PairedDifference_Tie_TakesEarlierMeasurement()
    {
        var start = new DateOnly(2026, 3, 10);
        var target = start.AddMonths(6);
        var list = new List<MeasurementRecord> { new("p", "djg11", start.AddDays(-1), 5), new("p", "djg11", target.AddDays(-5), 3), new("p", "djg11", target.AddDays(5), 9) };

        Assert.Equal(-2, InterventionOutcomes.PairedDifference(list, start, OutcomeSettings.Default));
    }

    [Fact]
    public void PairedDifference_MonthEndStart_TargetsLastDayOfMonth()
    {
        // 31 August + 6 months = 28 February (common year); 28 Feb + 42 days = 11 April is the last day inside.
        var start = new DateOnly(2025, 8, 31);
        var list = new List<MeasurementRecord> { new("p", "djg11", start, 8), new("p", "djg11", new DateOnly(2026, 4, 11), 4) };

        Assert.Equal(-4, InterventionOutcomes.PairedDifference(list, start, OutcomeSettings.Default));
    }

    [Fact]
    public void PairedDifference_NoBaseline_IsNull()
    {
        var start = new DateOnly(2026, 3, 10);
        var list = new List<MeasurementRecord> { new("p", "djg11", start.AddDays(1), 5), new("p", "djg11", start.AddMonths(6), 3) };

        Assert.Null(InterventionOutcomes.PairedDifference(list, start, OutcomeSettings.Default));
    }

    [Fact]
    public void MeanWithInterval_OnePair_HasNoInterval()
    {
        var (mean, low, high) = InterventionOutcomes.MeanWithInterval([-2], 0.95);

        Assert.Equal(-2, mean);
        Assert.Null(low);
        Assert.Null(high);
    }

    [Theory]
    [InlineData(new double[] { 4, 1, 3 }, 3)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    public void Median_OddAndEven_AreStandard(double[] values, double expected)
    {
        Assert.Equal(expected, InterventionOutcomes.Median(values));
    }

    [Fact]
    public void CsvRow_SuppressedCells_AreEmptyAndDoublesRoundTrip()
    {
        var (trajectories, measurements) = Example("walks", 10);
        var outcome = Assert.Single(InterventionOutcomes.Compute(["walks"], trajectories, measurements, OutcomeSettings.Default));

        var row = InterventionOutcomes.CsvRow(outcome);

        var cells = row.Split(',');
        Assert.Equal("walks,10,10,10,,0,0,,0,,,0,0,0,0,0,0,0,0,10,9.5,10,-1.1", string.Join(',', cells[..^2]));
        Assert.Equal(InterventionOutcomes.CsvHeader.Split(',').Length, cells.Length);
        Assert.Equal(outcome.CiLow, double.Parse(cells[^2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(outcome.CiHigh, double.Parse(cells[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void CsvHeader_ListsEveryDropoutReason()
    {
        Assert.Equal(
            "intervention_id,min_n,referred,started,completed,declined,never_started,dropped_out,dropped_out_mismatch_expectations,dropped_out_did_not_feel_at_home,dropped_out_health,dropped_out_transport_or_distance,dropped_out_cost,dropped_out_shame_or_stigma,dropped_out_waiting_list,dropped_out_moved,dropped_out_no_longer_needed,dropped_out_intervention_stopped,dropped_out_other,waiting_n,median_waiting_days,pairs,mean_change,ci_low,ci_high",
            InterventionOutcomes.CsvHeader);
    }

    [Fact]
    public void ToCsv_EndsEveryLineWithLf()
    {
        var csv = InterventionOutcomes.ToCsv(InterventionOutcomes.Compute(["choir", "walks"], [], [], OutcomeSettings.Default));

        Assert.Equal(3, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain('\r', csv);
        Assert.EndsWith("\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void PraktijkervaringenSummary_HandExample_ReadsPlainDutch()
    {
        var (trajectories, measurements) = Example("walks", 10);
        var outcome = Assert.Single(InterventionOutcomes.Compute(["walks"], trajectories, measurements, OutcomeSettings.Default));

        var text = InterventionOutcomes.PraktijkervaringenSummary(outcome, "Samen wandelen", "januari 2026 tot en met juni 2027", OutcomeSettings.Default);

        Assert.Contains("- Aangemeld: 10\n", text, StringComparison.Ordinal);
        Assert.Contains("- Helemaal afgerond: minder dan 10\n", text, StringComparison.Ordinal);
        Assert.Contains("De helft van de mensen kon binnen 9,5 dagen na de aanmelding beginnen (mediaan, 10 mensen).", text, StringComparison.Ordinal);
        Assert.Contains("De score veranderde gemiddeld met -1,1 punten (95%-betrouwbaarheidsinterval: -2,0 tot -0,2).", text, StringComparison.Ordinal);
        Assert.Contains("Het laat niet zien dat het aanbod de verandering veroorzaakte", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PraktijkervaringenSummary_Suppressed_SaysTooFew()
    {
        var outcome = Assert.Single(InterventionOutcomes.Compute(["choir"], [], [], OutcomeSettings.Default));

        var text = InterventionOutcomes.PraktijkervaringenSummary(outcome, "Koor", "2026", OutcomeSettings.Default);

        Assert.Contains("Te weinig mensen om de wachttijd te tonen.", text, StringComparison.Ordinal);
        Assert.Contains("Te weinig mensen met een meting vóór de start en ongeveer 6 maanden later", text, StringComparison.Ordinal);
    }
}
