using System.Globalization;

namespace Konvooi.Domain.Statistics;

/// <summary>
/// The documented order of grouping values: values that are numbers come first, in numeric order;
/// all other values follow in ordinal text order (so an empty value comes first among them).
/// </summary>
public sealed class ByValueComparer : IComparer<string>, IComparer<IReadOnlyList<string>>
{
    public static ByValueComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var xIsNumber = TryNumber(x, out var xn);
        var yIsNumber = TryNumber(y, out var yn);
        if (xIsNumber && yIsNumber)
        {
            var byValue = xn.CompareTo(yn);
            return byValue != 0 ? byValue : string.CompareOrdinal(x, y);
        }

        if (xIsNumber != yIsNumber)
        {
            return xIsNumber ? -1 : 1;
        }

        return string.CompareOrdinal(x, y);
    }

    /// <summary>Compares tuples value by value.</summary>
    public int Compare(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var c = Compare(x[i], y[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Count.CompareTo(y.Count);
    }

    private static bool TryNumber(string value, out double number) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
