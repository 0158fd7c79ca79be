namespace Konvooi.Domain.Matching;

/// <summary>
/// The insight ids the software may cite (defined in docs/knowledge.md), e.g. <c>VT-6</c>.
/// Points the source makes together (ES-1/2, JG-2/3, CC-3/4, TF-2/3) are citable by each number.
/// Derived from <see cref="Knowledge.KnowledgeBase"/>, the one place an insight is added.
/// </summary>
public static class Insights
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(
        Knowledge.KnowledgeBase.Insights.Select(i => i.Id), StringComparer.Ordinal);

    public static bool IsKnown(string id) => All.Contains(id);
}
