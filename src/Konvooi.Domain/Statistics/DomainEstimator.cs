namespace Konvooi.Domain.Statistics;

/// <summary>
/// Design-based ratio estimates by domain with Taylor-linearised standard errors for stratified
/// cluster samples, PSUs treated as sampled with replacement (no finite population correction).
/// </summary>
/// <remarks>
/// Reproduces R <c>survey</c> (Lumley): <c>svydesign(ids = ~psu, strata = ~stratum, weights = ~weight,
/// nest = TRUE)</c> with <c>svyby(~y, ~by, design, svymean, na.rm = TRUE, deff = "replace")</c>.
/// For domain d with W = Σ_{i∈d} w_i and ŷ = Σ_{i∈d} w_i y_i / W, the linearised value of respondent i is
/// z_i = w_i (y_i − ŷ) / W inside the domain and 0 outside it; with PSU totals t_hj = Σ z_i and n_h PSUs
/// in stratum h (counted over the whole file), var(ŷ) = Σ_h n_h/(n_h − 1) Σ_j (t_hj − t̄_h)².
/// Respondents without a value for the indicator are outside its domains but stay in the design
/// (<c>na.rm = TRUE</c> is a domain restriction in <c>survey</c>).
/// </remarks>
public static class DomainEstimator
{
    /// <summary>Estimates every domain of one table for every indicator: domains in the documented order, then indicators.</summary>
    /// <exception cref="ArgumentException">The request does not fit the aggregates.</exception>
    public static EstimationOutcome<DomainEstimate> Estimate(SurveyAggregates data, EstimateRequest request)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        Validate(data, request.ByIndexes);
        if (request.IsProportion.Count != data.Layout.IndicatorCount)
        {
            throw new ArgumentException("one proportion flag per indicator is needed", nameof(request));
        }

        var table = new DomainTable(data, request.ByIndexes);
        var failures = new SortedSet<string>(StringComparer.Ordinal);
        var results = new List<DomainEstimate>(table.Domains.Count * table.IndicatorCount);
        var tQuantiles = new Dictionary<long, double>();
        for (var d = 0; d < table.Domains.Count; d++)
        {
            for (var k = 0; k < table.IndicatorCount; k++)
            {
                var ratio = DomainRatio.Of(table, d, k);
                var variance = ratio.W > 0
                    ? Linearisation.Cross(table, ratio, ratio, request.LonelyPsu, wholeDesign: false, failures)
                    : double.NaN;
                var se = Math.Sqrt(variance);
                var deff = DesignEffect(ratio, variance);
                double low, high;
                if (request.Interval == IntervalMethod.Logit && request.IsProportion[k])
                {
                    var df = DegreesOfFreedom(table, d);
                    if (!tQuantiles.TryGetValue(df, out var q))
                    {
                        q = Distributions.StudentTQuantile975(df);
                        tQuantiles.Add(df, q);
                    }

                    (low, high) = LogitInterval(ratio.Estimate, se, q);
                }
                else
                {
                    low = ratio.Estimate - Distributions.NormalQuantile975 * se;
                    high = ratio.Estimate + Distributions.NormalQuantile975 * se;
                }

                results.Add(new DomainEstimate(
                    table.Domains[d], k, ratio.Count, ratio.W, ratio.Estimate, se, low, high, deff));
            }
        }

        return failures.Count > 0
            ? new EstimationOutcome<DomainEstimate>.LonelyPsu([.. failures])
            : new EstimationOutcome<DomainEstimate>.Estimated(results);
    }

    /// <summary>
    /// Contrasts domain A (<paramref name="compareValueA"/>) with domain B (<paramref name="compareValueB"/>)
    /// of the grouping variable at <paramref name="comparePosition"/> of the table, for every combination
    /// of the other grouping values present in the data and every indicator.
    /// </summary>
    /// <remarks>
    /// The covariance of the two estimates is that of R <c>svyby(…, covmat = TRUE)</c>: both linearised
    /// variables over the one design. A ratio uses the delta method, as
    /// <c>svycontrast(…, quote(a / b))</c>. CIs are Wald, the p-value is a two-sided normal test.
    /// </remarks>
    /// <exception cref="ArgumentException">The request does not fit the aggregates.</exception>
    public static EstimationOutcome<ContrastEstimate> Contrast(
        SurveyAggregates data,
        IReadOnlyList<int> byIndexes,
        int comparePosition,
        string compareValueA,
        string compareValueB,
        ContrastKind kind,
        LonelyPsuMode lonelyPsu)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(compareValueA);
        ArgumentNullException.ThrowIfNull(compareValueB);
        Validate(data, byIndexes);
        ArgumentOutOfRangeException.ThrowIfNegative(comparePosition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(comparePosition, byIndexes.Count);
        if (string.Equals(compareValueA, compareValueB, StringComparison.Ordinal))
        {
            throw new ArgumentException("a contrast needs two different values", nameof(compareValueB));
        }

        var table = new DomainTable(data, byIndexes);
        var domainIndex = new Dictionary<string[], int>(ValuesComparer.Instance);
        for (var d = 0; d < table.Domains.Count; d++)
        {
            domainIndex.Add(table.Domains[d], d);
        }

        var others = new SortedSet<string[]>(
            table.Domains
                .Where(key => key[comparePosition] == compareValueA || key[comparePosition] == compareValueB)
                .Select(key => key.Where((_, i) => i != comparePosition).ToArray()),
            Comparer<string[]>.Create((x, y) => ByValueComparer.Instance.Compare(x, y)));

        var failures = new SortedSet<string>(StringComparer.Ordinal);
        var results = new List<ContrastEstimate>();
        foreach (var other in others)
        {
            var a = Lookup(domainIndex, other, comparePosition, compareValueA);
            var b = Lookup(domainIndex, other, comparePosition, compareValueB);
            for (var k = 0; k < table.IndicatorCount; k++)
            {
                results.Add(ContrastOne(table, a, b, k, kind, lonelyPsu, failures, other));
            }
        }

        return failures.Count > 0
            ? new EstimationOutcome<ContrastEstimate>.LonelyPsu([.. failures])
            : new EstimationOutcome<ContrastEstimate>.Estimated(results);
    }

    private static ContrastEstimate ContrastOne(
        DomainTable table, int a, int b, int k, ContrastKind kind, LonelyPsuMode lonelyPsu, SortedSet<string> failures, string[] other)
    {
        if (a < 0 || b < 0)
        {
            return new ContrastEstimate(other, k, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var ra = DomainRatio.Of(table, a, k);
        var rb = DomainRatio.Of(table, b, k);
        if (ra.W <= 0 || rb.W <= 0)
        {
            return new ContrastEstimate(other, k, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var vaa = Linearisation.Cross(table, ra, ra, lonelyPsu, wholeDesign: true, failures);
        var vbb = Linearisation.Cross(table, rb, rb, lonelyPsu, wholeDesign: true, failures);
        var vab = Linearisation.Cross(table, ra, rb, lonelyPsu, wholeDesign: true, failures);
        double estimate, variance, nullValue;
        if (kind == ContrastKind.Difference)
        {
            estimate = ra.Estimate - rb.Estimate;
            variance = vaa + vbb - 2 * vab;
            nullValue = 0;
        }
        else
        {
            // Gradient of a/b: (1/b, −a/b²).
            var ga = 1 / rb.Estimate;
            var gb = -ra.Estimate / (rb.Estimate * rb.Estimate);
            estimate = ra.Estimate / rb.Estimate;
            variance = ga * ga * vaa + gb * gb * vbb + 2 * ga * gb * vab;
            nullValue = 1;
        }

        var se = Math.Sqrt(variance);
        var p = Distributions.TwoSidedNormalPValue((estimate - nullValue) / se);
        return new ContrastEstimate(
            other,
            k,
            estimate,
            se,
            estimate - Distributions.NormalQuantile975 * se,
            estimate + Distributions.NormalQuantile975 * se,
            p);
    }

    private static int Lookup(Dictionary<string[], int> domainIndex, string[] other, int position, string value)
    {
        var key = new string[other.Length + 1];
        for (int i = 0, j = 0; i < key.Length; i++)
        {
            key[i] = i == position ? value : other[j++];
        }

        return domainIndex.TryGetValue(key, out var d) ? d : -1;
    }

    private static void Validate(SurveyAggregates data, IReadOnlyList<int> byIndexes)
    {
        ArgumentNullException.ThrowIfNull(byIndexes);
        if (byIndexes.Any(i => i < 0 || i >= data.Layout.ByVariables.Count) || byIndexes.Distinct().Count() != byIndexes.Count)
        {
            throw new ArgumentException("grouping positions must be distinct positions of the layout", nameof(byIndexes));
        }
    }

    /// <summary>
    /// R <c>svymean(…, deff = "replace")</c>: the design variance over Σw(y − ŷ)² / (W (n − 1)), the
    /// variance of a mean under simple random sampling with replacement of n respondents.
    /// </summary>
    private static double DesignEffect(DomainRatio ratio, double variance)
    {
        if (ratio.Count < 2)
        {
            return double.NaN;
        }

        var weightedSquares = ratio.SumWyy - ratio.Estimate * ratio.SumWy;
        var srs = weightedSquares / (ratio.W * (ratio.Count - 1));
        return variance / srs;
    }

    /// <summary>
    /// Design degrees of freedom of the domain as R <c>degf()</c> on the domain's subset of the design:
    /// PSUs with respondents in the domain minus strata with respondents in the domain (respondents
    /// instead of PSUs when the design has no clusters).
    /// </summary>
    private static long DegreesOfFreedom(DomainTable table, int d)
    {
        var strata = new HashSet<int>();
        long units = 0;
        for (var e = table.DomainStart[d]; e < table.DomainStart[d + 1]; e++)
        {
            strata.Add(table.EntryStratum[e]);
            units += table.IsClustered ? 1 : table.EntryRows[e];
        }

        return units - strata.Count;
    }

    /// <summary>expit(logit(p) ± q·SE / (p(1 − p))), the delta-method Wald interval on the logit scale.</summary>
    private static (double Low, double High) LogitInterval(double p, double se, double q)
    {
        var logit = Math.Log(p / (1 - p));
        var half = q * se / (p * (1 - p));
        return (Expit(logit - half), Expit(logit + half));
    }

    private static double Expit(double x) => x > 700 ? 1 : Math.Exp(x) / (1 + Math.Exp(x));
}
