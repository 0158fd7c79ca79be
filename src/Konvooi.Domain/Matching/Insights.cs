namespace Konvooi.Domain.Matching;

/// <summary>
/// The insight ids the software may cite (../shared/domain/insights.md), e.g. <c>VT-6</c>.
/// Combined entries there (ES-1/2, JG-2/3, CC-3/4, TF-2/3) are citable by each number.
/// </summary>
public static class Insights
{
    private static readonly (string Expert, int Count)[] Experts =
    [
        ("VT", 9), ("AM", 9), ("ES", 8), ("RK", 8), ("JG", 6), ("CC", 6), ("LM", 5), ("TF", 8),
    ];

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(
        Experts.SelectMany(e => Enumerable.Range(1, e.Count).Select(n => $"{e.Expert}-{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}")),
        StringComparer.Ordinal);

    public static bool IsKnown(string id) => All.Contains(id);
}
