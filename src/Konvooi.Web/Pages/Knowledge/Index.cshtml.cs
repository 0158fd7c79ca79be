using System.Text.RegularExpressions;
using Konvooi.Domain.Knowledge;
using Konvooi.Domain.Matching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Knowledge;

public sealed partial class IndexModel : PageModel
{
    public bool English { get; private set; }

    public IReadOnlyList<Expert> Experts => KnowledgeBase.Experts;

    public static IReadOnlyList<Insight> InsightsOf(Expert expert) => KnowledgeBase.InsightsOf(expert);

    public static InsightCitations CitationsOf(Insight insight)
    {
        ArgumentNullException.ThrowIfNull(insight);
        return KnowledgeCitations.Of(insight.Id, InterventionCatalogue.Starter);
    }

    /// <summary>Splits a text so that insight ids in it (e.g. "zoals bij VT-1") can be shown as links.</summary>
    public static IReadOnlyList<(string Text, bool IsInsightId)> Segments(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<(string, bool)>();
        var position = 0;
        foreach (Match match in InsightIdPattern().Matches(text))
        {
            if (KnowledgeBase.Find(match.Value) is null)
            {
                continue;
            }

            segments.Add((text[position..match.Index], false));
            segments.Add((match.Value, true));
            position = match.Index + match.Length;
        }

        segments.Add((text[position..], false));
        return segments;
    }

    public void OnGet(string? lang) => English = string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b[A-Z]{2}-[0-9]+\b")]
    private static partial Regex InsightIdPattern();
}
