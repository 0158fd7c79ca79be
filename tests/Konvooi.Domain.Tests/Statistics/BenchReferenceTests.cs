using Konvooi.Domain.Statistics;

namespace Konvooi.Domain.Tests.Statistics;

/// <summary>
/// The 100,000-respondent benchmark file against R survey 4.1.1 (tests/data/reference_100k.csv,
/// made by bench/anchor_r.R): 128 estimates and SEs by wave × age group, wave × living alone and wave.
/// </summary>
public sealed class BenchReferenceTests
{
    private static readonly string[] Indicators = ["lonely", "severely_lonely", "emotional_lonely", "social_lonely"];
    private static readonly string[] ByVariables = ["wave", "age_group", "living_alone"];

    private static readonly Lazy<List<Dictionary<string, string>>> Rows = new(LoadRows);

    [Fact]
    public void Estimate_BenchFile_EqualsRSurveyToTightTolerance()
    {
        var aggregates = Aggregate(Rows.Value);
        var reference = TestData.ReadCsv(TestData.File("reference_100k.csv"));

        var compared = 0;
        foreach (var (table, byIndexes) in new[] { ("wave_x_age_group", new[] { 0, 1 }), ("wave_x_living_alone", [0, 2]), ("wave", [0]) })
        {
            var outcome = DomainEstimator.Estimate(aggregates, new EstimateRequest(byIndexes, [true, true, true, true]));
            var estimates = Assert.IsType<EstimationOutcome<DomainEstimate>.Estimated>(outcome).Estimates;
            foreach (var expected in reference.Where(r => r["table"] == table))
            {
                var group = expected["group_value"];
                var actual = estimates.Single(e =>
                    e.ByValues[0] == expected["wave"]
                    && (byIndexes.Length == 1 || e.ByValues[1] == group)
                    && Indicators[e.Indicator] == expected["indicator"]);
                AssertRelative(TestData.Number(expected["estimate"]), actual.Estimate, 1e-12);
                AssertRelative(TestData.Number(expected["se"]), actual.StandardError, 1e-12);
                AssertRelative(TestData.Number(expected["sum_weight"]), actual.WeightSum, 1e-12);
                Assert.Equal(long.Parse(expected["n_unweighted"], System.Globalization.CultureInfo.InvariantCulture), actual.UnweightedCount);
                compared++;
            }
        }

        Assert.Equal(128, compared);
    }

    [Fact]
    public void MergeFrom_ChunksOfBenchFile_EqualsWholeFileAggregation()
    {
        var rows = Rows.Value;
        var whole = Aggregate(rows);
        var merged = new SurveyAggregates(new AggregateLayout(ByVariables, Indicators.Length, IsClustered: true));
        var chunkSizes = new[] { 1, 9_999, 23_456, 30_000, 36_544 };
        var start = 0;
        foreach (var size in chunkSizes)
        {
            merged.MergeFrom(Aggregate(rows.Skip(start).Take(size)));
            start += size;
        }

        Assert.Equal(rows.Count, start);
        Assert.Equal(whole.RowCount, merged.RowCount);
        foreach (var byIndexes in new[] { new[] { 0, 1 }, [0, 2], [0], [1, 2, 0] })
        {
            var a = Assert.IsType<EstimationOutcome<DomainEstimate>.Estimated>(
                DomainEstimator.Estimate(whole, new EstimateRequest(byIndexes, [true, true, true, true]))).Estimates;
            var b = Assert.IsType<EstimationOutcome<DomainEstimate>.Estimated>(
                DomainEstimator.Estimate(merged, new EstimateRequest(byIndexes, [true, true, true, true]))).Estimates;
            Assert.Equal(a.Count, b.Count);
            for (var i = 0; i < a.Count; i++)
            {
                Assert.Equal(a[i].ByValues, b[i].ByValues);
                Assert.Equal(a[i].UnweightedCount, b[i].UnweightedCount);
                AssertRelative(a[i].WeightSum, b[i].WeightSum, 1e-12);
                AssertRelative(a[i].Estimate, b[i].Estimate, 1e-12);
                AssertRelative(a[i].StandardError, b[i].StandardError, 1e-12);
                AssertRelative(a[i].DesignEffect, b[i].DesignEffect, 1e-12);
            }
        }
    }

    internal static void AssertRelative(double expected, double actual, double tolerance)
    {
        var difference = Math.Abs(expected - actual);
        Assert.True(
            difference <= tolerance * Math.Abs(expected),
            $"expected {expected:R}, got {actual:R} (relative difference {difference / Math.Abs(expected):E2})");
    }

    private static SurveyAggregates Aggregate(IEnumerable<Dictionary<string, string>> rows)
    {
        var aggregates = new SurveyAggregates(new AggregateLayout(ByVariables, Indicators.Length, IsClustered: true));
        var values = new double[Indicators.Length];
        foreach (var row in rows)
        {
            var unit = aggregates.GetOrAddUnit(row["stratum"], row["psu"]);
            var cell = aggregates.GetOrAddCell([row["wave"], row["age_group"], row["living_alone"]]);
            for (var k = 0; k < Indicators.Length; k++)
            {
                var text = row[Indicators[k]];
                values[k] = text.Length == 0 ? double.NaN : TestData.Number(text);
            }

            aggregates.Add(unit, cell, TestData.Number(row["weight"]), values);
        }

        return aggregates;
    }

    private static List<Dictionary<string, string>> LoadRows()
    {
        // Per-respondent indicators come from R's own scoring (reference_scores_100k.csv), joined on id.
        var survey = TestData.ReadCsv(TestData.File("survey_100k.csv"));
        var scores = TestData.ReadCsv(TestData.File("reference_scores_100k.csv")).ToDictionary(r => r["id"], StringComparer.Ordinal);
        foreach (var row in survey)
        {
            foreach (var indicator in Indicators)
            {
                row[indicator] = scores[row["id"]][indicator];
            }
        }

        return survey;
    }
}
