namespace Konvooi.Domain.Statistics;

/// <summary>
/// The shape of a set of <see cref="SurveyAggregates"/>: which grouping variables make up a cell,
/// how many indicators are summed, and whether the design has clusters (primary sampling units).
/// </summary>
/// <param name="ByVariables">Names of all grouping variables; a cell is one combination of their values.</param>
/// <param name="IndicatorCount">Number of indicator values per respondent.</param>
/// <param name="IsClustered">
/// True when respondents are sampled in clusters (a PSU column). Without clusters every respondent is
/// its own PSU; the aggregates then keep second-order moments per stratum instead of one entry per
/// respondent, so memory stays independent of the number of rows.
/// </param>
public sealed record AggregateLayout(IReadOnlyList<string> ByVariables, int IndicatorCount, bool IsClustered)
{
    /// <summary>Moments kept per indicator: n, Σw, Σwy, Σwy² and, without clusters, Σw², Σw²y, Σw²y².</summary>
    public int MomentCount => IsClustered ? 4 : 7;

    /// <summary>Doubles per (unit, cell) slot.</summary>
    public int SlotWidth => IndicatorCount * MomentCount;

    /// <summary>True when <paramref name="other"/> describes the same shape.</summary>
    public bool IsCompatibleWith(AggregateLayout other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return IndicatorCount == other.IndicatorCount
            && IsClustered == other.IsClustered
            && ByVariables.SequenceEqual(other.ByVariables, StringComparer.Ordinal);
    }
}

/// <summary>Offsets of the moments of one indicator inside a slot.</summary>
internal static class Moment
{
    public const int Count = 0;
    public const int SumW = 1;
    public const int SumWy = 2;
    public const int SumWyy = 3;
    public const int SumWw = 4;
    public const int SumWwy = 5;
    public const int SumWwyy = 6;
}
