namespace Konvooi.Domain.Statistics;

/// <summary>Ordinal equality of grouping-value tuples.</summary>
internal sealed class ValuesComparer : IEqualityComparer<string[]>
{
    public static ValuesComparer Instance { get; } = new();

    public bool Equals(string[]? x, string[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(string[] obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        foreach (var value in obj)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
