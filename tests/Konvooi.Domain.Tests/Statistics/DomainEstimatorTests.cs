using Konvooi.Domain.Statistics;

namespace Konvooi.Domain.Tests.Statistics;

public sealed class DomainEstimatorTests
{
    // Two strata with two PSUs each and two respondents per PSU: (weight, y, group).
    private static readonly (string Stratum, string Psu, double W, double Y, string Group)[] HandDesign =
    [
        ("1", "a", 1, 1, "x"), ("1", "a", 1, 0, "z"),
        ("1", "b", 2, 1, "x"), ("1", "b", 2, 1, "z"),
        ("2", "c", 1, 0, "x"), ("2", "c", 1, 0, "z"),
        ("2", "d", 2, 1, "x"), ("2", "d", 2, 0, "z"),
    ];

    [Fact]
    public void Estimate_HandDesignWholeSample_MatchesWorkedExample()
    {
        // W = 12, Σwy = 7, ŷ = 7/12. PSU totals t = (Σwy − ŷΣw)/W = −1/72, 10/72 | −7/72, −2/72.
        // Stratum 1: mean 4.5/72, Σ(t − t̄)² = 2·(5.5/72)² = 60.5/5184, × 2/(2 − 1) = 121/5184.
        // Stratum 2: mean −4.5/72, Σ(t − t̄)² = 2·(2.5/72)² = 12.5/5184, × 2 = 25/5184.
        // var = 146/5184, SE = √146/72. SRS: Σw(y − ŷ)² = 7 − 7·7/12 = 35/12; /(W(n − 1)) = 35/1008;
        // deff = (146/5184)/(35/1008) = 73/90.
        var aggregates = Aggregate(HandDesign);

        var estimate = EstimateAll(aggregates, []).Single();

        Assert.Equal(8, estimate.UnweightedCount);
        Assert.Equal(12.0, estimate.WeightSum);
        BenchReferenceTests.AssertRelative(7.0 / 12, estimate.Estimate, 1e-15);
        BenchReferenceTests.AssertRelative(Math.Sqrt(146) / 72, estimate.StandardError, 1e-14);
        BenchReferenceTests.AssertRelative(73.0 / 90, estimate.DesignEffect, 1e-14);
        BenchReferenceTests.AssertRelative(7.0 / 12 - 1.9599639845400536 * Math.Sqrt(146) / 72, estimate.CiLow, 1e-14);
    }

    [Fact]
    public void Estimate_HandDesignDomain_LinearisesWithZerosOutsideTheDomain()
    {
        // Domain x: W = 6, Σwy = 5, ŷ = 5/6; t = 1/36, 2/36 | −5/36, 2/36 (z respondents add 0).
        // Stratum 1: Σ(t − t̄)² = 2·(0.5/36)², × 2 = 1/1296. Stratum 2: 2·(3.5/36)², × 2 = 49/1296.
        // var = 50/1296, SE = √50/36.
        var aggregates = Aggregate(HandDesign);

        var x = EstimateAll(aggregates, [0]).Single(e => e.ByValues[0] == "x");

        Assert.Equal(4, x.UnweightedCount);
        BenchReferenceTests.AssertRelative(5.0 / 6, x.Estimate, 1e-15);
        BenchReferenceTests.AssertRelative(Math.Sqrt(50) / 36, x.StandardError, 1e-14);
    }

    [Fact]
    public void Estimate_DomainWithoutValues_GivesCountZeroAndNaN()
    {
        var rows = HandDesign.Select(r => r.Group == "z" ? r with { Y = double.NaN } : r).ToArray();
        var aggregates = Aggregate(rows);

        var z = EstimateAll(aggregates, [0]).Single(e => e.ByValues[0] == "z");

        Assert.Equal(0, z.UnweightedCount);
        Assert.True(double.IsNaN(z.Estimate));
        Assert.True(double.IsNaN(z.StandardError));
    }

    [Fact]
    public void Estimate_Domains_AreOrderedNumbersFirstThenText()
    {
        var rows = new[] { "10", "9", "b", "", "a", "2.5" }
            .SelectMany(g => new[] { ("1", "a", 1.0, 1.0, g), ("1", "b", 1.0, 0.0, g) })
            .ToArray();
        var aggregates = Aggregate(rows);

        var order = EstimateAll(aggregates, [0]).Select(e => e.ByValues[0]).ToArray();

        Assert.Equal(["2.5", "9", "10", "", "a", "b"], order);
    }

    [Fact]
    public void MergeFrom_DifferentLayouts_Throws()
    {
        var a = new SurveyAggregates(new AggregateLayout(["g"], 1, IsClustered: true));
        var b = new SurveyAggregates(new AggregateLayout(["g"], 2, IsClustered: true));

        Assert.Throws<ArgumentException>(() => a.MergeFrom(b));
    }

    private static SurveyAggregates Aggregate((string Stratum, string Psu, double W, double Y, string Group)[] rows)
    {
        var aggregates = new SurveyAggregates(new AggregateLayout(["group"], 1, IsClustered: true));
        foreach (var row in rows)
        {
            aggregates.Add(aggregates.GetOrAddUnit(row.Stratum, row.Psu), aggregates.GetOrAddCell([row.Group]), row.W, [row.Y]);
        }

        return aggregates;
    }

    private static IReadOnlyList<DomainEstimate> EstimateAll(SurveyAggregates aggregates, int[] byIndexes) =>
        Assert.IsType<EstimationOutcome<DomainEstimate>.Estimated>(
            DomainEstimator.Estimate(aggregates, new EstimateRequest(byIndexes, [true]))).Estimates;
}
