using System.Globalization;

namespace Konvooi.Domain.Support;

/// <summary>Formatting shared by the Dutch texts of this folder.</summary>
internal static class SupportText
{
    /// <summary>A date as people in the Netherlands write it: <c>05-03-2026</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>A number with a decimal comma and no thousands separator, e.g. <c>-1,4</c>; the same on every machine.</summary>
    public static string Number(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var text = rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace('.', ',');
        return text.StartsWith('-') && text.Trim('-', '0', ',').Length == 0 ? text[1..] : text;
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
