using System.Globalization;

using Konvooi.Domain.Common;

namespace Konvooi.Domain.Reach;

/// <summary>The number of residents of one wijk in one age group (<see cref="PopulationTable.Total"/> for all ages).</summary>
public sealed record PopulationRow(string WijkCode, string AgeGroup, int Residents);

/// <summary>
/// Reads a population table (docs/reach.md, "Population table"): per wijk and age group (or <c>totaal</c>) the number
/// of residents, for example from CBS "Kerncijfers wijken en buurten". Every wijk code must be on the coalition's wijk
/// list. All or nothing: any problem means no table, and every problem is listed with its line, column and reason.
/// </summary>
public static class PopulationTable
{
    public const int MaxRows = 20000;
    public const int MaxAgeGroupLength = 30;
    public const string Total = "totaal";
    public const string ExampleHeader = "wijkcode;leeftijdsgroep;inwoners";

    private static readonly string[] WijkHeaders = ["wijkcode", "code", "wijk_code", "wijk"];
    private static readonly string[] AgeHeaders = ["leeftijdsgroep", "leeftijd", "age_group", "agegroup", "groep"];
    private static readonly string[] ResidentsHeaders = ["inwoners", "aantal", "residents", "aantal_inwoners"];

    /// <summary>Reads the bytes of an uploaded file against the coalition's wijk codes.</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static (IReadOnlyList<PopulationRow> Rows, IReadOnlyList<TableProblem> Problems) Parse(byte[] bytes, IReadOnlyCollection<string> wijkCodes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var problems = new List<TableProblem>();
        var text = ReachCsv.Decode(bytes, problems);
        return text is null ? ([], problems) : Parse(text, wijkCodes);
    }

    /// <summary>Reads the text of a population table (without byte order mark).</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static (IReadOnlyList<PopulationRow> Rows, IReadOnlyList<TableProblem> Problems) Parse(string text, IReadOnlyCollection<string> wijkCodes)
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
        var ageColumn = ReachCsv.Column(sheet.Header, AgeHeaders);
        var residentsColumn = ReachCsv.Column(sheet.Header, ResidentsHeaders);
        if (wijkColumn < 0)
        {
            problems.Add(new TableProblem(sheet.HeaderLine, "wijkcode", "De kopregel mist de kolom ‘wijkcode’ (of ‘code’)."));
        }

        if (ageColumn < 0)
        {
            problems.Add(new TableProblem(sheet.HeaderLine, "leeftijdsgroep", "De kopregel mist de kolom ‘leeftijdsgroep’. Schrijf ‘totaal’ voor alle leeftijden."));
        }

        if (residentsColumn < 0)
        {
            problems.Add(new TableProblem(sheet.HeaderLine, "inwoners", "De kopregel mist de kolom ‘inwoners’ (of ‘aantal’)."));
        }

        if (problems.Count > 0)
        {
            return ([], problems);
        }

        var known = wijkCodes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rows = new List<PopulationRow>();
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
            else if (!Referrals.WijkList.IsWijkCode(code))
            {
                problems.Add(new TableProblem(line, wijkLabel, $"‘{CsvLine.Shorten(code)}’ is geen CBS-wijkcode. Een wijkcode is WK met zes cijfers, bijvoorbeeld WK036301."));
            }
            else if (!known.Contains(code))
            {
                problems.Add(new TableProblem(line, wijkLabel, $"De wijk {code} staat niet op de wijkenlijst van de coalitie."));
            }

            var age = NormaliseAgeGroup(ReachCsv.Field(fields, ageColumn));
            var ageLabel = sheet.Header[ageColumn];
            if (age.Length == 0)
            {
                problems.Add(new TableProblem(line, ageLabel, "De leeftijdsgroep ontbreekt. Schrijf ‘totaal’ voor alle leeftijden, of bijvoorbeeld 18+ of 65-74."));
            }
            else if (age.Length > MaxAgeGroupLength)
            {
                problems.Add(new TableProblem(line, ageLabel, $"De leeftijdsgroep is langer dan {ReachCsv.Number(MaxAgeGroupLength)} tekens."));
            }

            var residentsText = ReachCsv.Field(fields, residentsColumn);
            var residentsLabel = sheet.Header[residentsColumn];
            var residents = 0;
            if (residentsText.Length == 0)
            {
                problems.Add(new TableProblem(line, residentsLabel, "Het aantal inwoners ontbreekt."));
            }
            else if (!int.TryParse(residentsText, NumberStyles.None, CultureInfo.InvariantCulture, out residents))
            {
                problems.Add(new TableProblem(line, residentsLabel, $"‘{CsvLine.Shorten(residentsText)}’ is geen heel getal van 0 of meer. Schrijf het aantal zonder punten, bijvoorbeeld 12500."));
            }

            if (problems.Count > before)
            {
                continue;
            }

            if (seen.TryGetValue((code, age), out var first))
            {
                problems.Add(new TableProblem(line, wijkLabel, $"Wijk {code} met leeftijdsgroep {age} staat ook al op regel {ReachCsv.Number(first)}."));
                continue;
            }

            seen[(code, age)] = line;
            rows.Add(new PopulationRow(code, age, residents));
        }

        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add(new TableProblem(null, null, "Het bestand heeft geen aantallen onder de kopregel."));
        }

        if (rows.Count > MaxRows)
        {
            problems.Add(new TableProblem(null, null, $"Het bestand heeft meer dan {ReachCsv.Number(MaxRows)} regels."));
        }

        return problems.Count == 0 ? (rows, []) : ([], problems);
    }

    /// <summary>Lower case, no spaces; <c>total</c>, <c>alle</c> and <c>alle leeftijden</c> become <see cref="Total"/>.</summary>
    public static string NormaliseAgeGroup(string? text)
    {
        var age = (text ?? string.Empty).Trim().ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        return age is "total" or "alle" or "alleleeftijden" ? Total : age;
    }
}
