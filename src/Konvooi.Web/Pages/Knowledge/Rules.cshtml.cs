using System.Globalization;
using Konvooi.Domain.Knowledge;
using Konvooi.Domain.Matching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Knowledge;

public sealed class RulesModel : PageModel
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public IReadOnlyList<MatchingRule> Rules => MatchingRules.All;

    public IReadOnlyList<AdviceDefinition> Advice => MatchingRules.AllAdvice;

    public string Version => MatchingRules.Version;

    public static string KindText(MatchingRuleKind kind) => kind switch
    {
        MatchingRuleKind.Scores => "geeft punten of trekt punten af",
        MatchingRuleKind.Excludes => "sluit aanbod uit",
        MatchingRuleKind.Orders => "bepaalt de volgorde bij gelijke punten",
        MatchingRuleKind.Informs => "geeft extra informatie bij het aanbod",
        _ => kind.ToString(),
    };

    public static IReadOnlyList<string> WeightTexts(MatchingRule rule) =>
        KnowledgeCitations.WeightsOf(rule)
            .Select(w => $"{w.Key}: {w.Value.ToString("0.##", Dutch)} {(w.Value == 1 ? "punt" : "punten")}")
            .ToList();

    public static string InsightTitle(string id) => KnowledgeBase.Find(id)?.Title ?? id;

    public void OnGet()
    {
    }
}
