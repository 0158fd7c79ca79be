using Konvooi.Domain.Knowledge;
using Konvooi.Domain.Matching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Knowledge;

public sealed class IndexModel : PageModel
{
    public bool English { get; private set; }

    public IReadOnlyList<Expert> Experts => KnowledgeBase.Experts;

    public static IReadOnlyList<Insight> InsightsOf(Expert expert) => KnowledgeBase.InsightsOf(expert);

    public static InsightCitations CitationsOf(Insight insight)
    {
        ArgumentNullException.ThrowIfNull(insight);
        return KnowledgeCitations.Of(insight.Id, InterventionCatalogue.Starter);
    }

    public void OnGet(string? lang) => English = string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase);
}
