using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Tests.Matching;

internal static class MatchAssert
{
    public static MatchResult Run(Profile profile) => Matcher.Match(profile, InterventionCatalogue.Starter);

    public static IReadOnlyList<string> SuggestedIds(this MatchResult result) =>
        result.Suggestions.Select(s => s.Intervention.Id).ToList();

    public static IReadOnlyList<string> TopIds(this MatchResult result, int count) =>
        result.Suggestions.Take(count).Select(s => s.Intervention.Id).ToList();

    public static Suggestion Suggestion(this MatchResult result, string id) =>
        result.Suggestions.SingleOrDefault(s => s.Intervention.Id == id)
        ?? throw new Xunit.Sdk.XunitException($"'{id}' is not suggested; suggested: {string.Join(", ", result.SuggestedIds())}; excluded: {string.Join(", ", result.Excluded.Select(e => $"{e.Intervention.Id}={e.Rule}"))}");

    public static MatchReason Reason(this Suggestion suggestion, string rule) =>
        suggestion.Reasons.FirstOrDefault(r => r.Rule == rule)
        ?? throw new Xunit.Sdk.XunitException($"'{suggestion.Intervention.Id}' has no reason '{rule}'; reasons: {string.Join(", ", suggestion.Reasons.Select(r => r.Rule))}");

    public static Exclusion Exclusion(this MatchResult result, string id) =>
        result.Excluded.SingleOrDefault(e => e.Intervention.Id == id)
        ?? throw new Xunit.Sdk.XunitException($"'{id}' is not excluded; excluded: {string.Join(", ", result.Excluded.Select(e => e.Intervention.Id))}");

    public static IReadOnlyList<string> AdviceCodes(this MatchResult result) => result.Advice.Select(a => a.Code).ToList();

    public static int Rank(this MatchResult result, string id)
    {
        var ids = result.SuggestedIds();
        var index = ids.ToList().IndexOf(id);
        return index >= 0 ? index : throw new Xunit.Sdk.XunitException($"'{id}' is not suggested; suggested: {string.Join(", ", ids)}");
    }

    public static bool IsSuggested(this MatchResult result, string id) => result.Suggestions.Any(s => s.Intervention.Id == id);
}
