using System.Text.RegularExpressions;
using Konvooi.Domain.Referrals;

using Konvooi.Domain.Common;

namespace Konvooi.Domain.Reach;

/// <summary>
/// One survey figure for one wijk: the share of residents with an indicator (for example <c>eenzaam</c>, DJG-11 total
/// ≥ 3 in the GGD/RIVM health monitor) as a percentage, with its 95 % confidence interval.
/// </summary>
public sealed record FigureRow(string WijkCode, string Indicator, double Estimate, double CiLow, double CiHigh);

/// <summary>
/// Reads a figure table (docs/reach.md, "Figure table"): small-area estimates per wijk such as the RIVM/CBS
/// "Gezondheid in wijken" figures. Columns: wijk code, indicator, estimate, CI low, CI high, each a percentage
/// (0–100). Every wijk code must be on the coalition's wijk list. All or nothing: any problem means no table, and
/// every problem is listed with its line, column and reason.
/// </summary>
public static partial class FigureTable
{
    public const int MaxRows = 20000;
    public const int MaxIndicatorLength = 60;
    public const string ExampleHeader = "wijkcode;indicator;schatting;ci_laag;ci_hoog";

    private static readonly string[] WijkHeaders = ["wijkcode", "code", "wijk_code", "wijk"];
    private static readonly string[] IndicatorHeaders = ["indicator", "indicatorcode", "kenmerk"];
    private static readonly string[] EstimateHeaders = ["schatting", "estimate", "percentage", "waarde", "value"];
    private static readonly string[] LowHeaders = ["ci_laag", "ci_low", "ondergrens", "lower", "laag"];
    private static readonly string[] HighHeaders = ["ci_hoog", "ci_high", "bovengrens", "upper", "hoog"];

    /// <summary>Reads the bytes of an uploaded file against the coalition's wijk codes.</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static (IReadOnlyList<FigureRow> Rows, IReadOnlyList<TableProblem> Problems) Parse(byte[] bytes, IReadOnlyCollection<string> wijkCodes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var problems = new List<TableProblem>();
        var text = ReachCsv.Decode(bytes, problems);
        return text is null ? ([], problems) : Parse(text, wijkCodes);
    }

    /// <summary>Reads the text of a figure table (without byte order mark).</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static (IReadOnlyList<FigureRow> Rows, IReadOnlyList<TableProblem> Problems) Parse(string text, IReadOnlyCollection<string> wijkCodes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(wijkCodes);
        var problems = new List<TableProblem>();
        var sheet = ReachCsv.Read(text, ExampleHeader, problems);
        if (sheet is null)
        {
            return ([], problems);
        }

        var wijkColumn = ReachCsv.Column(sheet.Header, WijkHeaders);
        var indicatorColumn = ReachCsv.Column(sheet.Header, IndicatorHeaders);
        var estimateColumn = ReachCsv.Column(sheet.Header, EstimateHeaders);
        var lowColumn = ReachCsv.Column(sheet.Header, LowHeaders);
        var highColumn = ReachCsv.Column(sheet.Header, HighHeaders);
        foreach (var (column, name, alternatives) in new[]
        {
            (wijkColumn, "wijkcode", "(of ‘code’)"),
            (indicatorColumn, "indicator", string.Empty),
            (estimateColumn, "schatting", "(of ‘percentage’)"),
            (lowColumn, "ci_laag", "(of ‘ondergrens’)"),
            (highColumn, "ci_hoog", "(of ‘bovengrens’)"),
        })
        {
            if (column < 0)
            {
                problems.Add(new TableProblem(sheet.HeaderLine, name, $"De kopregel mist de kolom ‘{name}’{(alternatives.Length > 0 ? " " + alternatives : string.Empty)}."));
            }
        }

        if (problems.Count > 0)
        {
            return ([], problems);
        }

        var known = wijkCodes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rows = new List<FigureRow>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var (line, fields) in sheet.Rows)
        {
            var before = problems.Count;
            var code = ReachCsv.Field(fields, wijkColumn).ToUpperInvariant();
            var wijkLabel = sheet.Header[wijkColumn];
            if (code.Length == 0)
            {
                problems.Add(new TableProblem(line, wijkLabel, "De wijkcode ontbreekt."));
            }
            else if (!WijkList.IsWijkCode(code))
            {
                problems.Add(new TableProblem(line, wijkLabel, $"‘{CsvLine.Shorten(code)}’ is geen CBS-wijkcode. Een wijkcode is WK met zes cijfers, bijvoorbeeld WK036301."));
            }
            else if (!known.Contains(code))
            {
                problems.Add(new TableProblem(line, wijkLabel, $"De wijk {code} staat niet op de wijkenlijst van de coalitie."));
            }

            var indicator = ReachCsv.Field(fields, indicatorColumn).ToLowerInvariant();
            var indicatorLabel = sheet.Header[indicatorColumn];
            if (indicator.Length == 0)
            {
                problems.Add(new TableProblem(line, indicatorLabel, "De indicator ontbreekt, bijvoorbeeld eenzaam."));
            }
            else if (indicator.Length > MaxIndicatorLength || !IndicatorCode().IsMatch(indicator))
            {
                problems.Add(new TableProblem(line, indicatorLabel, $"‘{CsvLine.Shorten(indicator)}’ is geen geldige indicator. Gebruik letters, cijfers en _, bijvoorbeeld eenzaam of ernstig_eenzaam."));
            }

            var estimate = Percentage(fields, estimateColumn, sheet, line, problems);
            var low = Percentage(fields, lowColumn, sheet, line, problems);
            var high = Percentage(fields, highColumn, sheet, line, problems);
            if (estimate is { } e && low is { } l && high is { } h && !(l <= e && e <= h))
            {
                problems.Add(new TableProblem(line, sheet.Header[estimateColumn], "De schatting moet tussen de ondergrens en de bovengrens liggen (ci_laag ≤ schatting ≤ ci_hoog)."));
            }

            if (problems.Count > before)
            {
                continue;
            }

            if (seen.TryGetValue((code, indicator), out var first))
            {
                problems.Add(new TableProblem(line, wijkLabel, $"Wijk {code} met indicator {indicator} staat ook al op regel {ReachCsv.Number(first)}."));
                continue;
            }

            seen[(code, indicator)] = line;
            rows.Add(new FigureRow(code, indicator, estimate!.Value, low!.Value, high!.Value));
        }

        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add(new TableProblem(null, null, "Het bestand heeft geen cijfers onder de kopregel."));
        }

        if (rows.Count > MaxRows)
        {
            problems.Add(new TableProblem(null, null, $"Het bestand heeft meer dan {ReachCsv.Number(MaxRows)} regels."));
        }

        return problems.Count == 0 ? (rows, []) : ([], problems);
    }

    private static double? Percentage(IReadOnlyList<string> fields, int column, ReachCsv.Sheet sheet, int line, List<TableProblem> problems)
    {
        var text = ReachCsv.Field(fields, column);
        var label = sheet.Header[column];
        if (text.Length == 0)
        {
            problems.Add(new TableProblem(line, label, "Het getal ontbreekt."));
            return null;
        }

        if (!ReachCsv.TryNumber(text, sheet.Delimiter, out var value))
        {
            problems.Add(new TableProblem(line, label, $"‘{CsvLine.Shorten(text)}’ is geen getal. Schrijf een percentage zoals 47.5{(sheet.Delimiter == ';' ? " of 47,5" : string.Empty)}."));
            return null;
        }

        if (value is < 0 or > 100)
        {
            problems.Add(new TableProblem(line, label, $"‘{CsvLine.Shorten(text)}’ is geen percentage tussen 0 en 100."));
            return null;
        }

        return value;
    }

    [GeneratedRegex("^[a-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IndicatorCode();
}
