namespace Konvooi.Domain.Matching;

/// <summary>
/// What the matching engine returns for one profile: ranked suggestions with their reasons, the
/// interventions it ruled out and why, and advice that is not an intervention.
/// </summary>
public sealed record MatchResult(
    IReadOnlyList<Suggestion> Suggestions,
    IReadOnlyList<Exclusion> Excluded,
    IReadOnlyList<Advice> Advice,
    string CatalogueVersion,
    string RulesVersion);

/// <summary>One suggested intervention; <see cref="Score"/> is the sum of its reasons' points.</summary>
public sealed record Suggestion(Intervention Intervention, double Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>Why a rule raised or lowered a suggestion, with the insights behind the rule.</summary>
public sealed record MatchReason(string Rule, IReadOnlyList<string> Insights, string Text, double Points);

/// <summary>An intervention ruled out, with the first rule that ruled it out.</summary>
public sealed record Exclusion(Intervention Intervention, string Rule, IReadOnlyList<string> Insights, string Reason);

/// <summary>Advice for the professional that is not an intervention, e.g. watchful waiting.</summary>
public sealed record Advice(string Code, IReadOnlyList<string> Insights, string Text);
