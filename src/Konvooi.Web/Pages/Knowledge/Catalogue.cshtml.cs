using Konvooi.Domain.Knowledge;
using Konvooi.Domain.Matching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Knowledge;

public sealed class CatalogueModel : PageModel
{
    public InterventionCatalogue Catalogue => InterventionCatalogue.Starter;

    public static string Labels(IReadOnlyDictionary<string, string> list, IEnumerable<string> codes)
    {
        var labels = codes.Select(c => Vocabulary.Label(list, c)).ToList();
        return labels.Count == 0 ? "–" : string.Join(", ", labels);
    }

    /// <summary>Indications and contra-indications are flag or cause codes.</summary>
    public static string ConditionLabels(IEnumerable<string> codes)
    {
        var labels = codes.Select(c => Vocabulary.Flags.TryGetValue(c, out var flag) ? flag : Vocabulary.Label(Vocabulary.Causes, c)).ToList();
        return labels.Count == 0 ? "–" : string.Join(", ", labels);
    }

    public static string InsightTitle(string id) => KnowledgeBase.Find(id)?.Title ?? id;

    public void OnGet()
    {
    }
}
