namespace Konvooi.Domain.Common;

/// <summary>
/// Small-cell suppression for aggregate reports. Primary: a group with fewer than the minimum shows no numbers.
/// Secondary: if exactly one group is hidden, the next smallest is hidden too, so the hidden one cannot be worked out
/// by subtracting the others from a total.
/// </summary>
public static class SmallCells
{
    /// <summary>The groups to hide.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="counts"/> is null.</exception>
    public static IReadOnlySet<string> Hidden(IReadOnlyDictionary<string, int> counts, int minCellSize)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var hidden = counts.Where(c => c.Value < minCellSize).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (hidden.Count == 1)
        {
            var next = counts.Where(c => !hidden.Contains(c.Key))
                .OrderBy(c => c.Value)
                .ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.Key)
                .FirstOrDefault();
            if (next is not null)
            {
                hidden.Add(next);
            }
        }

        return hidden;
    }
}
