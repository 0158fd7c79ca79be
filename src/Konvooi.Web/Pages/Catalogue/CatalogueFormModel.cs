using Konvooi.Domain.Knowledge;
using Konvooi.Domain.Matching;
using Konvooi.Features.Catalogue;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Catalogue;

/// <summary>Shared by the new and edit pages: the bound form, its choice lists and its messages.</summary>
public abstract class CatalogueFormModel : PageModel
{
    [BindProperty(Name = "Input")]
    public CatalogueEntryInput Input { get; set; } = new();

    public static IReadOnlyDictionary<string, string> Conditions { get; } = Vocabulary.ConditionCodes
        .Order(StringComparer.Ordinal)
        .ToDictionary(c => c, ConditionLabel, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> InsightChoices { get; } = Insights.All
        .Order(StringComparer.Ordinal)
        .ToDictionary(id => id, id => $"{id}: {KnowledgeBase.Find(id)?.Title ?? id}", StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> RecognitionChoices { get; } = Vocabulary.RecognitionLevels
        .ToDictionary(c => c, c => Vocabulary.Label(Vocabulary.RecognitionLabels, c), StringComparer.Ordinal);

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    public static string ConditionLabel(string code) =>
        Vocabulary.Flags.TryGetValue(code, out var flag) ? flag : Vocabulary.Label(Vocabulary.Causes, code);

    /// <summary>The selected codes of a multiple-choice field of <see cref="Input"/>.</summary>
    public IReadOnlyList<string> Selected(string field) => field switch
    {
        nameof(CatalogueEntryInput.Causes) => Input.Causes,
        nameof(CatalogueEntryInput.OtherElements) => Input.OtherElements,
        nameof(CatalogueEntryInput.TargetGroups) => Input.TargetGroups,
        nameof(CatalogueEntryInput.Coping) => Input.Coping,
        nameof(CatalogueEntryInput.Indications) => Input.Indications,
        nameof(CatalogueEntryInput.ContraIndications) => Input.ContraIndications,
        nameof(CatalogueEntryInput.Insights) => Input.Insights,
        _ => [],
    };

    /// <summary>Turns a save outcome into a redirect (PRG) or the same form with messages.</summary>
    protected IActionResult AfterSave(CatalogueEntries.Outcome outcome, string notice)
    {
        switch (outcome)
        {
            case CatalogueEntries.Outcome.Saved saved:
                TempData["Notice"] = notice;
                return Redirect($"/Catalogue/{saved.Id}");
            case CatalogueEntries.Outcome.NotFound:
                return NotFound();
            case CatalogueEntries.Outcome.Forbidden:
                return Forbid();
            case CatalogueEntries.Outcome.Stale:
                ModelState.AddModelError(string.Empty,
                    "Iemand anders heeft dit aanbod net gewijzigd of uit de catalogus gehaald. Uw wijzigingen zijn niet opgeslagen. " +
                    "Open het aanbod opnieuw om de nieuwste gegevens te zien en voer uw wijziging dan nog eens in.");
                break;
            case CatalogueEntries.Outcome.Invalid invalid:
                foreach (var problem in invalid.Problems)
                {
                    ModelState.AddModelError(problem.Field.Length == 0 ? string.Empty : $"Input.{problem.Field}", problem.Message);
                }

                break;
        }

        return Page();
    }
}
