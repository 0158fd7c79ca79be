using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using Konvooi.Domain.Common;

namespace Konvooi.Domain.Referrals;

/// <summary>One wijk of a coalition's wijk list: a CBS wijk code ("WK" and six digits) and a name.</summary>
public sealed record WijkEntry(string Code, string Name);

/// <summary>
/// One problem in an uploaded wijk list: the line of the file (1 is the header; null when the problem is not on a
/// line, e.g. a wijk that is missing from the file), the column and the reason in plain Dutch.
/// </summary>
public sealed record WijkListProblem(int? Line, string? Column, string Reason);

/// <summary>
/// Reads a coalition's wijk list from CSV (docs/referral.md, "The wijk list"): UTF-8 with or without a byte order
/// mark, a header with a code column (<c>code</c>, <c>wijkcode</c>) and a name column (<c>name</c>, <c>naam</c>,
/// <c>wijknaam</c>), <c>;</c> or <c>,</c> as delimiter (the header decides), double quotes around a field that holds
/// the delimiter. Other columns are ignored. All or nothing: any problem means no list, and every problem is listed.
/// </summary>
public static partial class WijkList
{
    public const int MaxNameLength = 100;
    public const int MaxRows = 2000;

    private static readonly string[] CodeHeaders = ["code", "wijkcode", "wijk_code", "wijkcode cbs"];
    private static readonly string[] NameHeaders = ["name", "naam", "wijknaam", "wijk_naam", "wijk"];

    /// <summary>Whether <paramref name="code"/> is a CBS wijk code: "WK" and six digits (case as given).</summary>
    public static bool IsWijkCode(string? code) => code is not null && WijkCode().IsMatch(code);

    /// <summary>Reads the bytes of an uploaded file.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="bytes"/> is null.</exception>
    public static (IReadOnlyList<WijkEntry> Wijken, IReadOnlyList<WijkListProblem> Problems) Parse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ([], [new WijkListProblem(null, null, "Het bestand is geen UTF-8-tekst. Sla het op als ‘CSV UTF-8’ en probeer het opnieuw.")]);
        }

        return Parse(text.TrimStart('\uFEFF'));
    }

    /// <summary>Reads the text of a wijk list (without byte order mark).</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="text"/> is null.</exception>
    public static (IReadOnlyList<WijkEntry> Wijken, IReadOnlyList<WijkListProblem> Problems) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var headerIndex = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (headerIndex < 0)
        {
            return ([], [new WijkListProblem(null, null, "Het bestand is leeg. De eerste regel noemt de kolommen, bijvoorbeeld: code;naam.")]);
        }

        var header = lines[headerIndex];
        var delimiter = header.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var headerLine = headerIndex + 1;
        var problems = new List<WijkListProblem>();
        var columns = CsvLine.Split(header, delimiter);
        if (columns is null)
        {
            return ([], [new WijkListProblem(headerLine, null, "De kopregel heeft een aanhalingsteken dat niet wordt gesloten.")]);
        }

        var names = columns.Select(c => c.Trim().ToLowerInvariant()).ToList();
        var codeColumn = names.FindIndex(n => CodeHeaders.Contains(n));
        var nameColumn = names.FindIndex(n => NameHeaders.Contains(n));
        if (codeColumn < 0)
        {
            problems.Add(new WijkListProblem(headerLine, "code", "De kopregel mist de kolom ‘code’ (of ‘wijkcode’)."));
        }

        if (nameColumn < 0)
        {
            problems.Add(new WijkListProblem(headerLine, "naam", "De kopregel mist de kolom ‘naam’ (of ‘wijknaam’ of ‘name’)."));
        }

        if (problems.Count > 0)
        {
            return ([], problems);
        }

        var codeLabel = columns[codeColumn].Trim();
        var nameLabel = columns[nameColumn].Trim();
        var wijken = new List<WijkEntry>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            var line = i + 1;
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = CsvLine.Split(lines[i], delimiter);
            if (fields is null)
            {
                problems.Add(new WijkListProblem(line, null, "Deze regel heeft een aanhalingsteken dat niet wordt gesloten."));
                continue;
            }

            var code = codeColumn < fields.Count ? fields[codeColumn].Trim().ToUpperInvariant() : string.Empty;
            var name = nameColumn < fields.Count ? fields[nameColumn].Trim() : string.Empty;
            var ok = true;
            if (code.Length == 0)
            {
                problems.Add(new WijkListProblem(line, codeLabel, "De wijkcode ontbreekt."));
                ok = false;
            }
            else if (!IsWijkCode(code))
            {
                problems.Add(new WijkListProblem(line, codeLabel, $"‘{CsvLine.Shorten(code)}’ is geen CBS-wijkcode. Een wijkcode is WK met zes cijfers, bijvoorbeeld WK036301."));
                ok = false;
            }
            else if (seen.TryGetValue(code, out var first))
            {
                problems.Add(new WijkListProblem(line, codeLabel, $"De wijkcode {code} staat ook al op regel {first.ToString(CultureInfo.InvariantCulture)}."));
                ok = false;
            }

            if (name.Length == 0)
            {
                problems.Add(new WijkListProblem(line, nameLabel, "De naam van de wijk ontbreekt."));
                ok = false;
            }
            else if (name.Length > MaxNameLength)
            {
                problems.Add(new WijkListProblem(line, nameLabel, $"De naam is langer dan {MaxNameLength.ToString(CultureInfo.InvariantCulture)} tekens."));
                ok = false;
            }

            if (ok)
            {
                seen[code] = line;
                wijken.Add(new WijkEntry(code, name));
            }
            else if (IsWijkCode(code))
            {
                seen.TryAdd(code, line);
            }
        }

        if (problems.Count == 0 && wijken.Count == 0)
        {
            problems.Add(new WijkListProblem(null, null, "Het bestand heeft geen wijken onder de kopregel."));
        }

        if (wijken.Count > MaxRows)
        {
            problems.Add(new WijkListProblem(null, null, $"Het bestand heeft meer dan {MaxRows.ToString(CultureInfo.InvariantCulture)} wijken."));
        }

        return problems.Count == 0 ? (wijken, []) : ([], problems);
    }



    [GeneratedRegex("^WK[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex WijkCode();
}
