using System.Globalization;
using System.Text.RegularExpressions;
using Konvooi.Domain.Statistics;

namespace Konvooi.Analytics.Monitoring;

/// <summary>One row of an estimate table: a group and an indicator (docs/monitor.md, Output).</summary>
/// <param name="ByValues">The group's values of the table's grouping variables, in the table's order.</param>
/// <param name="IndicatorIndex">Position of the indicator in <see cref="MonitorPlan.Indicators"/>.</param>
/// <param name="Indicator">The indicator's name.</param>
/// <param name="IsProportion">True for a proportion (0–1), false for a mean.</param>
/// <param name="UnweightedCount">Respondents in the group with a value for the indicator.</param>
/// <param name="WeightSum">Their sum of weights.</param>
/// <param name="Estimate">The estimate; NaN when it cannot be computed.</param>
/// <param name="StandardError">Its standard error; NaN when it cannot be computed.</param>
/// <param name="CiLow">Lower 95 % confidence limit.</param>
/// <param name="CiHigh">Upper 95 % confidence limit.</param>
/// <param name="DesignEffect">Design effect; NaN with fewer than two respondents.</param>
/// <param name="Suppressed">True when <paramref name="UnweightedCount"/> is below the minimum n.</param>
internal sealed record MonitorEstimateRow(
    IReadOnlyList<string> ByValues,
    int IndicatorIndex,
    string Indicator,
    bool IsProportion,
    long UnweightedCount,
    double WeightSum,
    double Estimate,
    double StandardError,
    double CiLow,
    double CiHigh,
    double DesignEffect,
    bool Suppressed)
{
    /// <summary>In publication mode a suppressed row shows no estimate, SE, CI or design effect.</summary>
    public bool IsBlanked(bool publication) => publication && Suppressed;
}

/// <summary>One output table: one <c>--by</c> set.</summary>
/// <param name="Name">The set joined by <c>+</c> (e.g. <c>wave+age_group</c>), or <c>all</c> without grouping.</param>
/// <param name="ByVariables">The set's grouping variables, in the given order.</param>
/// <param name="Rows">Groups in the documented order, then indicators in <c>--indicator</c> order.</param>
internal sealed record MonitorEstimateTable(string Name, IReadOnlyList<string> ByVariables, IReadOnlyList<MonitorEstimateRow> Rows);

/// <summary>The tables of <c>monitor estimate</c>, or the single-PSU strata that stop the run (<c>--lonely-psu fail</c>).</summary>
internal sealed record MonitorEstimateResult(
    IReadOnlyList<MonitorEstimateTable> Tables,
    IReadOnlyList<string> ByVariables,
    IReadOnlyList<string> LonelyStrata)
{
    public bool Failed => LonelyStrata.Count > 0;

    /// <summary>Throws the lonely-PSU problems, one line per stratum, when the run failed.</summary>
    /// <exception cref="MonitorInputException">Some stratum has one PSU and the mode is <c>fail</c>.</exception>
    public void ThrowIfFailed() => MonitorAnalysis.ThrowIfLonely(LonelyStrata);
}

/// <summary>A checked <c>--compare "VAR=A vs VAR=B"</c> with its <c>--kind</c>.</summary>
internal sealed partial record MonitorComparison(string Text, string Variable, string ValueA, string ValueB, ContrastKind Kind)
{
    /// <summary><c>difference</c> or <c>ratio</c>, as in the output.</summary>
    public string KindText => Kind == ContrastKind.Difference ? "difference" : "ratio";

    /// <summary>
    /// Checks <paramref name="compare"/> and <paramref name="kind"/> against the <c>--by</c> values of the
    /// request (a contrast takes exactly one set, which must hold the compared variable).
    /// </summary>
    /// <exception cref="MonitorInputException">Every problem found, one per line.</exception>
    public static MonitorComparison Parse(IReadOnlyList<string> by, string compare, string kind)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(compare);
        ArgumentNullException.ThrowIfNull(kind);
        var problems = new List<string>();
        var contrastKind = ContrastKind.Difference;
        switch (kind.Trim().ToUpperInvariant())
        {
            case "DIFFERENCE":
                break;
            case "RATIO":
                contrastKind = ContrastKind.Ratio;
                break;
            default:
                problems.Add($"--kind: expected difference or ratio (got '{kind}')");
                break;
        }

        if (by.Count != 1)
        {
            problems.Add($"--by: a contrast takes one grouping set, e.g. --by wave,age_group (got {by.Count.ToString(CultureInfo.InvariantCulture)})");
        }

        var sides = Versus().Split(compare.Trim());
        string variable = string.Empty, valueA = string.Empty, valueB = string.Empty;
        if (sides.Length != 2 || sides.Any(s => s.IndexOf('=', StringComparison.Ordinal) <= 0))
        {
            problems.Add($"--compare: expected \"VAR=A vs VAR=B\" (got '{compare}')");
        }
        else
        {
            var (varA, a) = Side(sides[0]);
            var (varB, b) = Side(sides[1]);
            if (!string.Equals(varA, varB, StringComparison.Ordinal))
            {
                problems.Add($"--compare: both sides must name the same grouping variable (got '{compare}')");
            }
            else if (string.Equals(a, b, StringComparison.Ordinal))
            {
                problems.Add($"--compare: the two values must differ (got '{compare}')");
            }
            else if (by.Count == 1 && !by[0].Split(',').Select(v => v.Trim()).Contains(varA, StringComparer.Ordinal))
            {
                problems.Add($"--compare: {varA} is not one of the --by variables (got '{compare}')");
            }

            (variable, valueA, valueB) = (varA, a, b);
        }

        if (problems.Count > 0)
        {
            throw new MonitorInputException(problems);
        }

        return new MonitorComparison(compare.Trim(), variable, valueA, valueB, contrastKind);
    }

    private static (string Variable, string Value) Side(string side)
    {
        var equals = side.IndexOf('=', StringComparison.Ordinal);
        return (side[..equals].Trim(), side[(equals + 1)..].Trim());
    }

    [GeneratedRegex(@"\s+vs\.?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Versus();
}

/// <summary>One contrast row: a combination of the other grouping values and an indicator.</summary>
internal sealed record MonitorContrastRow(
    IReadOnlyList<string> OtherValues,
    int IndicatorIndex,
    string Indicator,
    double Estimate,
    double StandardError,
    double CiLow,
    double CiHigh,
    double PValue);

/// <summary>The rows of <c>monitor contrast</c>, or the single-PSU strata that stop the run.</summary>
/// <param name="Table">The <c>--by</c> set joined by <c>+</c>.</param>
/// <param name="OtherVariables">The set's grouping variables other than the compared one.</param>
/// <param name="Comparison">The comparison (its <see cref="MonitorComparison.Text"/> and kind go in every row).</param>
/// <param name="Rows">Other values in the documented order, then indicators.</param>
/// <param name="LonelyStrata">Non-empty when <c>--lonely-psu fail</c> stops the run.</param>
internal sealed record MonitorContrastResult(
    string Table,
    IReadOnlyList<string> OtherVariables,
    MonitorComparison Comparison,
    IReadOnlyList<MonitorContrastRow> Rows,
    IReadOnlyList<string> LonelyStrata)
{
    public bool Failed => LonelyStrata.Count > 0;

    /// <exception cref="MonitorInputException">Some stratum has one PSU and the mode is <c>fail</c>.</exception>
    public void ThrowIfFailed() => MonitorAnalysis.ThrowIfLonely(LonelyStrata);
}

/// <summary>
/// Plan + data → results for <c>monitor estimate</c> and <c>monitor contrast</c>, shared by the CLI
/// (which writes them as CSV) and the web app, so both give the same numbers.
/// </summary>
internal static class MonitorAnalysis
{
    /// <summary>The name of the one table when no <c>--by</c> is given.</summary>
    public const string AllTable = "all";

    /// <summary>Every estimate table of the plan, in <c>--by</c> order.</summary>
    public static MonitorEstimateResult Estimate(MonitorPlan plan, MonitorData data, IntervalMethod interval, int minN)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(data);
        var isProportion = new bool[plan.Indicators.Count];
        for (var k = 0; k < isProportion.Length; k++)
        {
            isProportion[k] = plan.Indicators[k].IsProportion;
        }

        var tables = new List<MonitorEstimateTable>();
        var lonely = new List<string>();
        foreach (var set in plan.BySets)
        {
            var outcome = DomainEstimator.Estimate(data.Aggregates, new EstimateRequest(plan.ByIndexes(set), isProportion, plan.LonelyPsu, interval));
            switch (outcome)
            {
                case EstimationOutcome<DomainEstimate>.Estimated estimated:
                    var rows = new List<MonitorEstimateRow>(estimated.Estimates.Count);
                    foreach (var e in estimated.Estimates)
                    {
                        rows.Add(new MonitorEstimateRow(
                            e.ByValues,
                            e.Indicator,
                            plan.Indicators[e.Indicator].Name,
                            isProportion[e.Indicator],
                            e.UnweightedCount,
                            e.WeightSum,
                            e.Estimate,
                            e.StandardError,
                            e.CiLow,
                            e.CiHigh,
                            e.DesignEffect,
                            e.UnweightedCount < minN));
                    }

                    tables.Add(new MonitorEstimateTable(TableName(set), set, rows));
                    break;
                case EstimationOutcome<DomainEstimate>.LonelyPsu failed:
                    lonely.AddRange(failed.Strata);
                    break;
            }
        }

        return lonely.Count > 0
            ? new MonitorEstimateResult([], plan.ByVariables, [.. lonely.Distinct(StringComparer.Ordinal)])
            : new MonitorEstimateResult(tables, plan.ByVariables, []);
    }

    /// <summary>The contrast of the plan's one <c>--by</c> set.</summary>
    /// <exception cref="MonitorInputException">A compared value has no respondents.</exception>
    public static MonitorContrastResult Contrast(MonitorPlan plan, MonitorData data, MonitorComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(comparison);
        var set = plan.BySets[0];
        var byIndexes = plan.ByIndexes(set);
        var position = -1;
        for (var i = 0; i < set.Count; i++)
        {
            if (string.Equals(set[i], comparison.Variable, StringComparison.Ordinal))
            {
                position = i;
            }
        }

        if (position < 0)
        {
            throw new MonitorInputException($"--compare: {comparison.Variable} is not one of the --by variables (got '{comparison.Text}')");
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < data.Aggregates.CellCount; c++)
        {
            present.Add(data.Aggregates.CellValues(c)[byIndexes[position]]);
        }

        var absent = new List<string>();
        foreach (var value in new[] { comparison.ValueA, comparison.ValueB })
        {
            if (!present.Contains(value))
            {
                absent.Add($"--compare: {comparison.Variable} has no respondents with the value '{value}' (got '{comparison.Text}')");
            }
        }

        if (absent.Count > 0)
        {
            throw new MonitorInputException(absent);
        }

        var others = set.Where(v => !string.Equals(v, comparison.Variable, StringComparison.Ordinal)).ToArray();
        var outcome = DomainEstimator.Contrast(
            data.Aggregates, byIndexes, position, comparison.ValueA, comparison.ValueB, comparison.Kind, plan.LonelyPsu);
        if (outcome is EstimationOutcome<ContrastEstimate>.LonelyPsu lonely)
        {
            return new MonitorContrastResult(TableName(set), others, comparison, [], [.. lonely.Strata.Distinct(StringComparer.Ordinal)]);
        }

        var contrasts = ((EstimationOutcome<ContrastEstimate>.Estimated)outcome).Estimates;
        var rows = new List<MonitorContrastRow>(contrasts.Count);
        foreach (var c in contrasts)
        {
            rows.Add(new MonitorContrastRow(
                c.OtherValues, c.Indicator, plan.Indicators[c.Indicator].Name, c.Estimate, c.StandardError, c.CiLow, c.CiHigh, c.PValue));
        }

        return new MonitorContrastResult(TableName(set), others, comparison, rows, []);
    }

    /// <summary>
    /// The problems of the input as the run reports them when invalid rows are not skipped: every row
    /// problem, then a closing line; empty when there are none.
    /// </summary>
    public static IReadOnlyList<string> InvalidRowMessages(MonitorData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Problems.Count == 0)
        {
            return [];
        }

        var lines = data.Problems.Select(p => p.ToString()).ToList();
        lines.Add(
            $"konvooi monitor: {data.InvalidRows.ToString(CultureInfo.InvariantCulture)} invalid rows, nothing written; fix them or leave them out with --skip-invalid REPORT.csv");
        return lines;
    }

    /// <summary>The message when no row is valid.</summary>
    public const string NoValidRowsMessage = "konvooi monitor: the input has no valid rows, so there is nothing to estimate";

    /// <summary>One line per stratum that has a single PSU under <c>--lonely-psu fail</c>.</summary>
    public static IReadOnlyList<string> LonelyPsuMessages(IEnumerable<string> strata) =>
        [.. strata.Distinct(StringComparer.Ordinal)
            .Select(s => $"--lonely-psu: stratum {s} has only one PSU, so its variance cannot be estimated; choose remove, certainty, adjust or average (got 'fail')")];

    /// <exception cref="MonitorInputException">Some stratum is listed.</exception>
    public static void ThrowIfLonely(IEnumerable<string> strata)
    {
        var lines = LonelyPsuMessages(strata);
        if (lines.Count > 0)
        {
            throw new MonitorInputException(lines);
        }
    }

    /// <summary>The table name of a <c>--by</c> set: its variables joined by <c>+</c>, or <c>all</c> for none.</summary>
    public static string TableName(IReadOnlyList<string> set) => set.Count == 0 ? AllTable : string.Join('+', set);
}
