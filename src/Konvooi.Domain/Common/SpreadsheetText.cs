using System.Globalization;

namespace Konvooi.Domain.Common;

/// <summary>
/// The one rule against formula injection (CSV injection) in every CSV and XLSX file Konvooi writes (issue #17,
/// finding 10; OWASP "CSV Injection"). A spreadsheet runs a cell that starts with <c>= + - @</c>, a tab or a carriage
/// return as a formula, so a respondent id, a rejected value or a wijk name from an uploaded file could run as one when
/// a colleague opens the download. Such a <b>text</b> cell gets a leading apostrophe, which spreadsheets show as "this
/// is text". A cell that is a number (<c>-0.25</c>, <c>-3</c>, <c>+1e-5</c>) is never changed: numeric columns such as
/// negative estimates stay exact.
/// <para>
/// The rule is reversible, so Konvooi's own readers give back exactly what was written: <see cref="Neutralise"/> also
/// prefixes a text that already starts with apostrophes followed by one of those characters, and <see cref="Restore(string)"/>
/// removes exactly one apostrophe from such a cell. <c>Restore(Neutralise(x)) == x</c> for every text.
/// </para>
/// </summary>
public static class SpreadsheetText
{
    /// <summary>True when a spreadsheet would read <paramref name="value"/> as a formula: it starts with one of
    /// <c>= + - @</c>, a tab or a carriage return and is not a number.</summary>
    public static bool StartsLikeFormula(string? value) =>
        !string.IsNullOrEmpty(value) && IsTrigger(value[0]) && !IsNumber(value);

    /// <summary>The text as it is written into a CSV or XLSX text cell (see the class remarks).</summary>
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return NeedsPrefix(value) ? "'" + value : value;
    }

    /// <summary>The text a reader gives back for a cell written by <see cref="Neutralise"/>: one leading apostrophe
    /// removed when what follows the apostrophes starts like a formula. Any other text is returned unchanged.</summary>
    public static string Restore(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 1 && value[0] == '\'' && FollowedByTrigger(value.AsSpan(1)) ? value[1..] : value;
    }

    /// <summary>The byte form of <see cref="Restore(string)"/> for readers that work on UTF-8 or single-byte fields.</summary>
    public static ReadOnlySpan<byte> Restore(ReadOnlySpan<byte> field)
    {
        if (field.Length < 2 || field[0] != (byte)'\'')
        {
            return field;
        }

        var rest = field[1..];
        var i = 0;
        while (i < rest.Length && rest[i] == (byte)'\'')
        {
            i++;
        }

        return i < rest.Length && IsTrigger((char)rest[i]) ? rest : field;
    }

    private static bool NeedsPrefix(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        return value[0] == '\'' ? FollowedByTrigger(value.AsSpan(1)) : IsTrigger(value[0]) && !IsNumber(value);
    }

    private static bool FollowedByTrigger(ReadOnlySpan<char> rest)
    {
        var trimmed = rest.TrimStart('\'');
        return trimmed.Length > 0 && IsTrigger(trimmed[0]);
    }

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static bool IsNumber(string value) =>
        value[0] is '-' or '+'
        && value.Length > 1
        && (char.IsAsciiDigit(value[1]) || value[1] == '.')
        && double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _);
}
