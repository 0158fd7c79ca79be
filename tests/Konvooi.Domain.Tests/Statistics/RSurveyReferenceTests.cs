using Konvooi.Domain.Statistics;

namespace Konvooi.Domain.Tests.Statistics;

/// <summary>
/// A 261-respondent design (bench/reference/design_small.csv) against R survey 4.1.1 outputs made by
/// bench/reference/make_reference.R: lonely-PSU modes, designs without strata or clusters, Wald and
/// logit intervals, design effects and contrasts.
/// </summary>
public sealed class RSurveyReferenceTests
{
    private const double Tolerance = 1e-9;

    private static readonly Lazy<List<Dictionary<string, string>>> Data =
        new(() => TestData.ReadCsv(TestData.Repository("bench", "reference", "design_small.csv")));

    public static TheoryData<string, string> Runs { get; } = new()
    {
        { "strat_clus_lonely", "remove" },    // S4 has one PSU
        { "strat_clus_lonely", "certainty" },
        { "strat_clus_lonely", "adjust" },
        { "strat_clus_lonely", "average" },
        { "strat_clus", "fail" },             // S4 merged into S5: no lonely PSU
        { "clus", "fail" },                   // clusters, no strata
        { "strat", "fail" },                  // strata, no clusters
        { "srs", "fail" },                    // neither
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Estimate_SmallDesign_EqualsRSurvey(string variant, string lonely)
    {
        var aggregates = Aggregate(variant);
        var mode = Enum.Parse<LonelyPsuMode>(lonely, ignoreCase: true);
        var expectedRows = TestData.ReadCsv(TestData.Repository("bench", "reference", "estimates.csv"))
            .Where(r => r["variant"] == variant && r["lonely"] == lonely)
            .ToList();
        var wald = Estimates(aggregates, mode, IntervalMethod.Wald);
        var logit = Estimates(aggregates, mode, IntervalMethod.Logit);

        foreach (var expected in expectedRows)
        {
            var table = expected["table"];
            var indicator = expected["indicator"] == "y" ? 0 : 1;
            var a = Find(wald[table], expected, indicator);
            var l = Find(logit[table], expected, indicator);
            Assert.Equal(long.Parse(expected["n"], System.Globalization.CultureInfo.InvariantCulture), a.UnweightedCount);
            BenchReferenceTests.AssertRelative(TestData.Number(expected["sum_weight"]), a.WeightSum, Tolerance);
            BenchReferenceTests.AssertRelative(TestData.Number(expected["estimate"]), a.Estimate, Tolerance);
            BenchReferenceTests.AssertRelative(TestData.Number(expected["se"]), a.StandardError, Tolerance);
            BenchReferenceTests.AssertRelative(TestData.Number(expected["ci_low"]), a.CiLow, Tolerance);
            BenchReferenceTests.AssertRelative(TestData.Number(expected["ci_high"]), a.CiHigh, Tolerance);
            BenchReferenceTests.AssertRelative(TestData.Number(expected["deff"]), a.DesignEffect, Tolerance);
            if (indicator == 0)
            {
                BenchReferenceTests.AssertRelative(TestData.Number(expected["logit_low"]), l.CiLow, Tolerance);
                BenchReferenceTests.AssertRelative(TestData.Number(expected["logit_high"]), l.CiHigh, Tolerance);
            }
            else
            {
                Assert.Equal(a.CiLow, l.CiLow);
            }
        }

        Assert.Equal(18, expectedRows.Count);
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Contrast_SmallDesign_EqualsRSvycontrastOfSvybyCovmat(string variant, string lonely)
    {
        var aggregates = Aggregate(variant);
        var mode = Enum.Parse<LonelyPsuMode>(lonely, ignoreCase: true);
        var expectedRows = TestData.ReadCsv(TestData.Repository("bench", "reference", "contrasts.csv"))
            .Where(r => r["variant"] == variant && r["lonely"] == lonely)
            .ToList();

        foreach (var expected in expectedRows)
        {
            var byIndexes = expected["table"] == "grp" ? new[] { 0 } : [0, 1];
            var kind = expected["kind"] == "ratio" ? ContrastKind.Ratio : ContrastKind.Difference;
            var outcome = DomainEstimator.Contrast(aggregates, byIndexes, 0, expected["a"], expected["b"], kind, mode);
            var contrasts = Assert.IsType<EstimationOutcome<ContrastEstimate>.Estimated>(outcome).Estimates;
            var indicator = expected["indicator"] == "y" ? 0 : 1;
            var actual = contrasts.Single(c => c.Indicator == indicator && (byIndexes.Length == 1 || c.OtherValues[0] == expected["sex"]));
            BenchReferenceTests.AssertRelative(TestData.Number(expected["estimate"]), actual.Estimate, Tolerance);
            BenchReferenceTests.AssertRelative(TestData.Number(expected["se"]), actual.StandardError, Tolerance);
        }

        Assert.Equal(16, expectedRows.Count);
    }

    [Fact]
    public void Estimate_LonelyPsuWithFailMode_ReportsTheStratum()
    {
        var aggregates = Aggregate("strat_clus_lonely");

        var outcome = DomainEstimator.Estimate(aggregates, new EstimateRequest([0], [true, false], LonelyPsuMode.Fail));

        var lonely = Assert.IsType<EstimationOutcome<DomainEstimate>.LonelyPsu>(outcome);
        Assert.Equal(["S4"], lonely.Strata);
    }

    [Fact]
    public void Estimate_LonelyPsuWithoutValuesAndFailMode_Estimates()
    {
        // R (na.rm = TRUE) drops respondents without a value before the variance, so a single-PSU
        // stratum in which nobody has a value does not stop the estimate.
        var aggregates = Aggregate("strat_clus_lonely", row => row["stratum"] == "S4");

        var outcome = DomainEstimator.Estimate(aggregates, new EstimateRequest([0], [true, false], LonelyPsuMode.Fail));

        Assert.IsType<EstimationOutcome<DomainEstimate>.Estimated>(outcome);
    }

    private static Dictionary<string, IReadOnlyList<DomainEstimate>> Estimates(SurveyAggregates aggregates, LonelyPsuMode mode, IntervalMethod interval) =>
        new()
        {
            ["grp"] = Estimated(DomainEstimator.Estimate(aggregates, new EstimateRequest([0], [true, false], mode, interval))),
            ["grp+sex"] = Estimated(DomainEstimator.Estimate(aggregates, new EstimateRequest([0, 1], [true, false], mode, interval))),
        };

    private static IReadOnlyList<DomainEstimate> Estimated(EstimationOutcome<DomainEstimate> outcome) =>
        Assert.IsType<EstimationOutcome<DomainEstimate>.Estimated>(outcome).Estimates;

    private static DomainEstimate Find(IReadOnlyList<DomainEstimate> estimates, Dictionary<string, string> expected, int indicator) =>
        estimates.Single(e => e.Indicator == indicator
            && e.ByValues[0] == expected["grp"]
            && (e.ByValues.Count == 1 || e.ByValues[1] == expected["sex"]));

    /// <summary>Aggregates the small design the way make_reference.R declares each variant.</summary>
    internal static SurveyAggregates Aggregate(string variant, Func<Dictionary<string, string>, bool>? withoutValues = null)
    {
        var clustered = variant is "strat_clus_lonely" or "strat_clus" or "clus";
        var aggregates = new SurveyAggregates(new AggregateLayout(["grp", "sex"], 2, clustered));
        var values = new double[2];
        foreach (var row in Data.Value)
        {
            var blank = withoutValues?.Invoke(row) ?? false;
            var merged = row["stratum"] == "S4" ? "S5" : row["stratum"];
            var (stratum, psu) = variant switch
            {
                "strat_clus_lonely" => (row["stratum"], row["psu"]),
                "strat_clus" => (merged, row["psu"]),
                "clus" => (string.Empty, row["stratum"] + ":" + row["psu"]),
                "strat" => (merged, string.Empty),
                _ => (string.Empty, string.Empty),
            };
            values[0] = blank || row["y"].Length == 0 ? double.NaN : TestData.Number(row["y"]);
            values[1] = blank || row["m"].Length == 0 ? double.NaN : TestData.Number(row["m"]);
            aggregates.Add(aggregates.GetOrAddUnit(stratum, psu), aggregates.GetOrAddCell([row["grp"], row["sex"]]), TestData.Number(row["weight"]), values);
        }

        return aggregates;
    }
}
