using Konvooi.Domain.Common;

namespace Konvooi.Domain.Reach;

/// <summary>
/// A person as the reach report sees them (docs/reach.md): their wijk code (or <see cref="WijkAssignment.Unknown"/>),
/// the instrument and level of their latest De Jong Gierveld measurement (null when never measured with a DJG scale),
/// whether they have an open support plan and whether they have an active daily contact arrangement. Only people with
/// an active consent for monitor aggregates are passed in.
/// </summary>
public sealed record ReachPerson(string WijkCode, string? LatestDjgInstrument, string? LatestDjgLevel, bool HasOpenPlan, bool HasDailyContact);

/// <summary>
/// Konvooi's own counts for one wijk. Lonely counts are per instrument and never pooled: a person counts under the
/// instrument of their latest DJG measurement, lonely by that instrument's own cut-off (DJG-11 total ≥ 3, DJG-6 total ≥ 2).
/// </summary>
public sealed record ReachCounts(int Registered, int Measured, int MeasuredDjg11, int LonelyDjg11, int MeasuredDjg6, int LonelyDjg6, int WithPlan, int WithDailyContact)
{
    /// <summary>Share (percentage) lonely among those whose latest DJG measurement was DJG-11; null when none.</summary>
    public double? LonelyDjg11Percentage => MeasuredDjg11 > 0 ? 100.0 * LonelyDjg11 / MeasuredDjg11 : null;

    /// <summary>Share (percentage) lonely among those whose latest DJG measurement was DJG-6; null when none.</summary>
    public double? LonelyDjg6Percentage => MeasuredDjg6 > 0 ? 100.0 * LonelyDjg6 / MeasuredDjg6 : null;
}

/// <summary>A survey prevalence (percentage) with its 95 % confidence interval.</summary>
public sealed record Prevalence(double Estimate, double CiLow, double CiHigh);

/// <summary>The estimated number of residents with the indicator: prevalence × population, the interval carried through.</summary>
public sealed record EstimatedResidents(double Estimate, double? Low, double? High);

/// <summary>
/// One row of the reach report. <see cref="Counts"/> is null when the row is suppressed (<see cref="IsSuppressed"/>);
/// the survey figures, population and estimate are public figures and never suppressed.
/// </summary>
public sealed record ReachRow(string WijkCode, bool IsSuppressed, ReachCounts? Counts, Prevalence? Survey, int? Population, EstimatedResidents? EstimatedLonely)
{
    /// <summary>People registered per 100 estimated lonely residents (reach), null when it cannot be worked out.</summary>
    public double? ReachedPer100 => Counts is { } counts && EstimatedLonely is { Estimate: > 0 } estimate ? 100.0 * counts.Registered / estimate.Estimate : null;

    /// <summary>
    /// Konvooi's DJG-11 share lonely minus the survey prevalence, in procentpunt. Not a like-for-like comparison (LM-4):
    /// Konvooi's clients are no sample of residents.
    /// </summary>
    public double? DifferenceDjg11 => Counts?.LonelyDjg11Percentage is { } own && Survey is { } survey ? own - survey.Estimate : null;
}

public sealed record ReachReportResult(int MinCellSize, IReadOnlyList<ReachRow> Wijken, ReachRow Total);

/// <summary>Reach against need per wijk: Konvooi's own counts beside the survey prevalence and the estimated lonely residents.</summary>
public static class ReachReport
{
    public const string Djg11 = "djg11";
    public const string Djg6 = "djg6";
    public const string NotLonely = "not_lonely";
    public const string TotalLabel = "Totaal";

    /// <summary>Whether a DJG level is lonely by the instrument's own cut-off: every level but <c>not_lonely</c>.</summary>
    /// <remarks>docs/instruments.md: DJG-11 levels from total 3 (GGD "eenzaam"), DJG-6 from total 2 (manual <c>lonescat</c>).</remarks>
    public static bool IsLonely(string? level) => level is not null && !string.Equals(level, NotLonely, StringComparison.Ordinal);

    /// <summary>The estimated residents with the indicator in a population: prevalence × population, with the CI.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="prevalence"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="population"/> is negative.</exception>
    public static EstimatedResidents Estimate(Prevalence prevalence, int population)
    {
        ArgumentNullException.ThrowIfNull(prevalence);
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        return new EstimatedResidents(prevalence.Estimate / 100 * population, prevalence.CiLow / 100 * population, prevalence.CiHigh / 100 * population);
    }

    /// <summary>
    /// Builds the report over the wijken of <paramref name="wijkCodes"/> (in that order, each shown even without
    /// people), then <see cref="WijkAssignment.Unknown"/> when some people have no known wijk.
    /// </summary>
    /// <remarks>
    /// Small cells as in the daily contact coverage report (<see cref="SmallCells"/>): a wijk with fewer than
    /// <paramref name="minCellSize"/> registered people shows none of Konvooi's counts; if exactly one wijk is hidden,
    /// the next smallest is hidden too. Wijken without anyone show zeros. The total is hidden when it is itself too
    /// small. The total's estimate is the sum of the wijken's estimates, without an interval: the wijk intervals cannot
    /// simply be added.
    /// </remarks>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="minCellSize"/> is below 1.</exception>
    public static ReachReportResult Build(
        IEnumerable<ReachPerson> people,
        IReadOnlyList<string> wijkCodes,
        IReadOnlyDictionary<string, Prevalence> survey,
        IReadOnlyDictionary<string, int> population,
        int minCellSize)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(wijkCodes);
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCellSize, 1);

        var all = people.ToList();
        var byWijk = all.GroupBy(p => wijkCodes.Contains(p.WijkCode, StringComparer.Ordinal) ? p.WijkCode : WijkAssignment.Unknown)
            .ToDictionary(g => g.Key, g => Count(g.ToList()), StringComparer.Ordinal);
        var codes = wijkCodes.Concat(byWijk.ContainsKey(WijkAssignment.Unknown) ? [WijkAssignment.Unknown] : Array.Empty<string>()).Distinct(StringComparer.Ordinal).ToList();
        var hidden = SmallCells.Hidden(byWijk.ToDictionary(g => g.Key, g => g.Value.Registered, StringComparer.Ordinal), minCellSize);

        var rows = codes.Select(code =>
        {
            var prevalence = survey.TryGetValue(code, out var p) ? p : null;
            int? residents = population.TryGetValue(code, out var n) ? n : null;
            var estimated = prevalence is not null && residents is { } r ? Estimate(prevalence, r) : null;
            var counts = byWijk.TryGetValue(code, out var c) ? c : Count([]);
            return hidden.Contains(code)
                ? new ReachRow(code, true, null, prevalence, residents, estimated)
                : new ReachRow(code, false, counts, prevalence, residents, estimated);
        }).ToList();

        var totalCounts = Count(all);
        var estimates = rows.Where(r => r.EstimatedLonely is not null).ToList();
        var totalPopulation = rows.Where(r => r.Population is not null).Sum(r => (long)r.Population!.Value);
        var total = new ReachRow(
            TotalLabel,
            totalCounts.Registered < minCellSize,
            totalCounts.Registered < minCellSize ? null : totalCounts,
            null,
            totalPopulation > 0 ? (int)Math.Min(totalPopulation, int.MaxValue) : null,
            estimates.Count > 0 ? new EstimatedResidents(estimates.Sum(r => r.EstimatedLonely!.Estimate), null, null) : null);
        return new ReachReportResult(minCellSize, rows, total);
    }

    private static ReachCounts Count(List<ReachPerson> group)
    {
        var djg11 = group.Where(p => p.LatestDjgInstrument == Djg11).ToList();
        var djg6 = group.Where(p => p.LatestDjgInstrument == Djg6).ToList();
        return new ReachCounts(
            group.Count,
            djg11.Count + djg6.Count,
            djg11.Count,
            djg11.Count(p => IsLonely(p.LatestDjgLevel)),
            djg6.Count,
            djg6.Count(p => IsLonely(p.LatestDjgLevel)),
            group.Count(p => p.HasOpenPlan),
            group.Count(p => p.HasDailyContact));
    }
}
