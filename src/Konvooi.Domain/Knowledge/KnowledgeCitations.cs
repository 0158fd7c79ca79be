using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Knowledge;

/// <summary>Where one insight is put to use: the rules, advice, profile flags and catalogue entries that cite it.</summary>
public sealed record InsightCitations(
    string InsightId,
    IReadOnlyList<MatchingRule> Rules,
    IReadOnlyList<AdviceDefinition> Advice,
    IReadOnlyList<string> Flags,
    IReadOnlyList<Intervention> Interventions)
{
    /// <summary>True when nothing in the software cites the insight yet (it is background knowledge).</summary>
    public bool IsBackground => Rules.Count == 0 && Advice.Count == 0 && Flags.Count == 0 && Interventions.Count == 0;
}

/// <summary>Cross-references between the knowledge base and the rest of the domain.</summary>
public static class KnowledgeCitations
{
    /// <summary>
    /// Weight keys that belong to a rule although their name differs from the rule code: the penalty
    /// part of a rule that both adds and subtracts.
    /// </summary>
    private static readonly Dictionary<string, string> ExtraWeightKeys = new(StringComparer.Ordinal)
    {
        ["type_mismatch"] = "type_fit",
        ["money_worries_cost"] = "money_worries",
    };

    /// <summary>Where <paramref name="insightId"/> is cited in the rules, advice, profile flags and <paramref name="catalogue"/>.</summary>
    public static InsightCitations Of(string insightId, InterventionCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(insightId);
        ArgumentNullException.ThrowIfNull(catalogue);
        bool Cites(IReadOnlyList<string> ids) => ids.Contains(insightId, StringComparer.Ordinal);
        return new InsightCitations(
            insightId,
            MatchingRules.All.Where(r => Cites(r.Insights)).ToList(),
            MatchingRules.AllAdvice.Where(a => Cites(a.Insights)).ToList(),
            KnowledgeBase.FlagInsights.Where(f => Cites(f.Value)).Select(f => f.Key).ToList(),
            catalogue.Interventions.Where(i => Cites(i.Insights)).ToList());
    }

    /// <summary>Every insight id cited anywhere in the domain: rules, advice, profile flags and <paramref name="catalogue"/>.</summary>
    public static IReadOnlySet<string> AllCitedIds(InterventionCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return new HashSet<string>(
            MatchingRules.All.SelectMany(r => r.Insights)
                .Concat(MatchingRules.AllAdvice.SelectMany(a => a.Insights))
                .Concat(KnowledgeBase.FlagInsights.Values.SelectMany(ids => ids))
                .Concat(catalogue.Interventions.SelectMany(i => i.Insights)),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The weight keys of <see cref="MatchingWeights.Defaults"/> that tune <paramref name="rule"/>, with
    /// their default values; empty for a rule without weight (exclusions).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, double>> WeightsOf(MatchingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return MatchingWeights.Defaults
            .Where(w => string.Equals(RuleOfWeight(w.Key), rule.Code, StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>The rule code a weight key belongs to.</summary>
    public static string RuleOfWeight(string weightKey) =>
        ExtraWeightKeys.TryGetValue(weightKey, out var rule) ? rule : weightKey;
}
