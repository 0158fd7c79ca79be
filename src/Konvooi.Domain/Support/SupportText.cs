using System.Globalization;

namespace Konvooi.Domain.Support;

/// <summary>Formatting shared by the Dutch texts of this folder.</summary>
internal static class SupportText
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>A date as people in the Netherlands write it: <c>05-03-2026</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>A number with a decimal comma, e.g. <c>-1,4</c>.</summary>
    public static string Number(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), Dutch);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
