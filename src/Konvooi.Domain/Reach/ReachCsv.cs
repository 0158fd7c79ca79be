using System.Globalization;
using System.Text;

using Konvooi.Domain.Common;

namespace Konvooi.Domain.Reach;

/// <summary>
/// One problem in an uploaded figure or population table: the line of the file (1 is the header; null when the problem
/// is not on one line), the column as named in the header (null when it is about the whole line or file) and the
/// reason in plain Dutch.
/// </summary>
public sealed record TableProblem(int? Line, string? Column, string Reason);

/// <summary>
/// The CSV rules shared by the figure and population tables: UTF-8 with or without a byte order mark, a header line,
/// <c>;</c> or <c>,</c> as delimiter (the header decides), double quotes around a field that holds the delimiter. With
/// <c>;</c> a decimal comma is read as a decimal point (Dutch spreadsheets).
/// </summary>
internal static class ReachCsv
{
    public sealed record Sheet(char Delimiter, int HeaderLine, IReadOnlyList<string> Header, IReadOnlyList<(int Line, IReadOnlyList<string> Fields)> Rows);

    /// <summary>Decodes the bytes; null (with a problem) when they are not UTF-8.</summary>
    public static string? Decode(byte[] bytes, List<TableProblem> problems)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new TableProblem(null, null, "Het bestand is geen UTF-8-tekst. Sla het op als ‘CSV UTF-8’ en probeer het opnieuw."));
            return null;
        }
    }

    /// <summary>Splits the text into a header and rows; null (with problems) when there is no usable header.</summary>
    public static Sheet? Read(string text, string exampleHeader, List<TableProblem> problems)
    {
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var headerIndex = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (headerIndex < 0)
        {
            problems.Add(new TableProblem(null, null, $"Het bestand is leeg. De eerste regel noemt de kolommen, bijvoorbeeld: {exampleHeader}."));
            return null;
        }

        var delimiter = lines[headerIndex].Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var header = CsvLine.Split(lines[headerIndex], delimiter);
        if (header is null)
        {
            problems.Add(new TableProblem(headerIndex + 1, null, "De kopregel heeft een aanhalingsteken dat niet wordt gesloten."));
            return null;
        }

        var rows = new List<(int, IReadOnlyList<string>)>();
        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = CsvLine.Split(lines[i], delimiter);
            if (fields is null)
            {
                problems.Add(new TableProblem(i + 1, null, "Deze regel heeft een aanhalingsteken dat niet wordt gesloten."));
                continue;
            }

            rows.Add((i + 1, fields.Select(f => f.Trim()).ToList()));
        }

        return new Sheet(delimiter, headerIndex + 1, header.Select(h => h.Trim()).ToList(), rows);
    }

    /// <summary>The index of the first header that is one of <paramref name="names"/> (case and spaces ignored), or -1.</summary>
    public static int Column(IReadOnlyList<string> header, IEnumerable<string> names)
    {
        var wanted = names.Select(Normalise).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (wanted.Contains(Normalise(header[i])))
            {
                return i;
            }
        }

        return -1;
    }

    public static string Field(IReadOnlyList<string> fields, int column) => column >= 0 && column < fields.Count ? fields[column] : string.Empty;

    /// <summary>Reads a number with a decimal point, or with a decimal comma when the delimiter is <c>;</c>.</summary>
    public static bool TryNumber(string text, char delimiter, out double value)
    {
        var normalised = delimiter == ';' ? text.Replace(',', '.') : text;
        return double.TryParse(normalised, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }


    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Normalise(string name) => name.Trim().ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", "_", StringComparison.Ordinal);
}
