namespace Konvooi.Domain.Reach;

/// <summary>
/// Turns one table of a monitor result into figure rows for reach against need (docs/reach.md, "Figures from a
/// monitor analysis"): the by-variable holding the wijk is found by matching its values to the coalition's wijk list
/// (code or name, as <see cref="WijkAssignment"/> does for people), every other by-variable is fixed to one value (a
/// wave, an age group), and each chosen proportion indicator gives one row per wijk as a percentage with its interval.
/// </summary>
public static class MonitorFigures
{
    /// <summary>One estimate of a monitor table: group values, indicator, proportion (0–1) with its interval, suppressed.</summary>
    public sealed record Cell(IReadOnlyList<string> Values, string Indicator, double? Estimate, double? CiLow, double? CiHigh, bool Suppressed);

    /// <summary>What to take: the wijk variable's position, a value for every other variable (by name), the indicators.</summary>
    public sealed record Choice(int WijkVariable, IReadOnlyDictionary<string, string> Fixed, IReadOnlyList<string> Indicators);

    /// <summary>The figure rows, the wijken left out (suppressed or not estimable), and the problems (nothing to store when any).</summary>
    public sealed record Outcome(IReadOnlyList<FigureRow> Rows, IReadOnlyList<string> Skipped, IReadOnlyList<string> Problems);

    /// <summary>
    /// The position of the variable whose distinct values match the most wijken on the list (at least one), or null
    /// when no variable has a value on the list. Ties go to the first variable.
    /// </summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static int? WijkVariable(IReadOnlyList<string> variables, IReadOnlyList<Cell> cells, IReadOnlyDictionary<string, string> wijkLookup)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(wijkLookup);
        int? best = null;
        var bestCount = 0;
        for (var v = 0; v < variables.Count; v++)
        {
            var matched = cells.Select(c => c.Values[v]).Distinct(StringComparer.Ordinal)
                .Count(value => WijkAssignment.CodeFor(value, wijkLookup) != WijkAssignment.Unknown);
            if (matched > bestCount)
            {
                best = v;
                bestCount = matched;
            }
        }

        return best;
    }

    /// <summary>
    /// The figure rows for <paramref name="choice"/>. Estimates and interval ends are proportions (0–1) and become
    /// percentages (indicator names in lower case, as an imported table has them); an interval end outside 0–100 % (a Wald interval near 0 or 1) is clipped to it. A suppressed cell
    /// or one without an estimate or interval is skipped and named. Problems: an unknown wijk value (each named), two
    /// values for one wijk code, a missing or unknown fixed value, an unknown indicator, or nothing left to store.
    /// </summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static Outcome Build(IReadOnlyList<string> variables, IReadOnlyList<Cell> cells, Choice choice, IReadOnlyDictionary<string, string> wijkLookup)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(wijkLookup);
        var problems = new List<string>();
        if (choice.WijkVariable < 0 || choice.WijkVariable >= variables.Count)
        {
            return new Outcome([], [], ["Kies de kolom met de wijk."]);
        }

        for (var v = 0; v < variables.Count; v++)
        {
            if (v == choice.WijkVariable)
            {
                continue;
            }

            if (!choice.Fixed.TryGetValue(variables[v], out var value) || string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"Kies een waarde voor ‘{variables[v]}’.");
            }
            else if (!cells.Any(c => c.Values[v] == value))
            {
                problems.Add($"‘{value}’ komt niet voor bij ‘{variables[v]}’.");
            }
        }

        if (choice.Indicators.Count == 0)
        {
            problems.Add("Kies ten minste één indicator.");
        }

        var known = cells.Select(c => c.Indicator).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(choice.Indicators.Where(i => !known.Contains(i)).Select(i => $"De indicator ‘{i}’ staat niet in deze tabel."));
        if (problems.Count > 0)
        {
            return new Outcome([], [], problems);
        }

        var wanted = choice.Indicators.ToHashSet(StringComparer.Ordinal);
        var selected = cells.Where(c => wanted.Contains(c.Indicator) && Enumerable.Range(0, variables.Count)
            .All(v => v == choice.WijkVariable || c.Values[v] == choice.Fixed[variables[v]])).ToList();
        var codeOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in selected.Select(c => c.Values[choice.WijkVariable]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var code = WijkAssignment.CodeFor(value, wijkLookup);
            if (code == WijkAssignment.Unknown)
            {
                problems.Add($"‘{value}’ staat niet op de wijkenlijst van de coalitie (als code of als naam).");
            }
            else if (codeOf.FirstOrDefault(p => p.Value == code) is { Key: { } other })
            {
                problems.Add($"‘{other}’ en ‘{value}’ zijn allebei wijk {code}.");
            }
            else
            {
                codeOf[value] = code;
            }
        }

        var rows = new List<FigureRow>();
        var skipped = new List<string>();
        foreach (var cell in selected.Where(c => codeOf.ContainsKey(c.Values[choice.WijkVariable])))
        {
            var wijk = cell.Values[choice.WijkVariable];
            if (cell.Suppressed || cell.Estimate is not { } estimate || cell.CiLow is not { } low || cell.CiHigh is not { } high
                || !double.IsFinite(estimate) || !double.IsFinite(low) || !double.IsFinite(high))
            {
                skipped.Add($"{wijk}: {cell.Indicator}");
                continue;
            }

            rows.Add(new FigureRow(codeOf[wijk], cell.Indicator.ToLowerInvariant(), Percent(estimate), Percent(Math.Min(low, estimate)), Percent(Math.Max(high, estimate))));
        }

        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add("Er blijft geen cijfer over om op te slaan: elke wijk heeft te weinig personen of geen schatting.");
        }

        return problems.Count > 0 ? new Outcome([], skipped, problems) : new Outcome(rows, skipped, []);
    }

    private static double Percent(double proportion) => Math.Clamp(proportion * 100, 0, 100);
}
