using System.Security.Cryptography;
using System.Text;
using Konvooi.Domain.Matching;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Support;

/// <summary>
/// What the match run use cases share. Every showing of the matching engine's result is stored as a match run:
/// the profile snapshot, the catalogue, rule and weight versions, the suggestions, exclusions and advice exactly as
/// shown, and later the choice made with the person and why, including "no intervention now" (AM-5, TF-6).
/// </summary>
public static class MatchRuns
{
    public sealed record StoredReason(string Rule, IReadOnlyList<string> Insights, string Text);

    public sealed record StoredSuggestion(
        string Id, string Name, double Score, string Aim, string Setting, string Mode, string Intensity,
        string? Provider, int? Capacity, int? WaitingListWeeks, string Recognition, IReadOnlyList<StoredReason> Reasons);

    public sealed record StoredExclusion(string Id, string Name, string Rule, IReadOnlyList<string> Insights, string Reason);

    public sealed record StoredAdvice(string Code, IReadOnlyList<string> Insights, string Text);

    /// <summary>What was shown, as stored with the run.</summary>
    public sealed record StoredMatch(IReadOnlyList<StoredSuggestion> Suggestions, IReadOnlyList<StoredExclusion> Excluded, IReadOnlyList<StoredAdvice> Advice);

    /// <summary>The choice made with the person: suggested interventions, or explicitly none for now.</summary>
    public sealed record Choice(IReadOnlyList<string> Interventions, bool WatchfulWaiting);

    public sealed record ShownRun(MatchRun Run, StoredMatch Match, Choice? Choice);

    public const int MaxReasonLength = 2000;

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A stored run of a visible person (for the plan form), or null.</summary>
    internal static async Task<ShownRun?> FindRunAsync(this KonvooiDbContext db, Guid personId, Guid runId, CancellationToken cancellationToken)
    {
        var run = await db.MatchRuns.AsNoTracking().Where(r => r.Id == runId && r.PersonId == personId)
            .Where(r => db.People.Any(p => p.Id == r.PersonId))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return run is null ? null : new ShownRun(run, SupportStore.Read<StoredMatch>(run.ResultJson), run.ChoiceJson is null ? null : SupportStore.Read<Choice>(run.ChoiceJson));
    }

    /// <summary>The newest run of a profile snapshot without a choice yet (read only), or null.</summary>
    internal static async Task<ShownRun?> OpenRunAsync(this KonvooiDbContext db, Guid snapshotId, CancellationToken cancellationToken)
    {
        var run = await db.MatchRuns.AsNoTracking().Where(r => r.ProfileSnapshotId == snapshotId && r.ChoiceJson == null)
            .OrderByDescending(r => r.ShownAtUtc).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return run is null ? null : new ShownRun(run, SupportStore.Read<StoredMatch>(run.ResultJson), null);
    }

    /// <summary>The profile's own dropouts and those from trajectories, one per intervention, a misfit winning.</summary>
    public static IReadOnlyList<Dropout> MergeDropouts(IReadOnlyList<Dropout> fromProfile, IReadOnlyList<Dropout> fromTrajectories)
    {
        ArgumentNullException.ThrowIfNull(fromProfile);
        ArgumentNullException.ThrowIfNull(fromTrajectories);
        return fromTrajectories.Concat(fromProfile)
            .GroupBy(d => d.Intervention, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(d => d.IsMisfit) ?? g.First())
            .ToList();
    }

    public static StoredMatch ToStored(MatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new StoredMatch(
            result.Suggestions.Select(s => new StoredSuggestion(
                s.Intervention.Id, s.Intervention.Name, s.Score, s.Intervention.Aim, s.Intervention.Setting, s.Intervention.Mode,
                s.Intervention.Intensity, s.Intervention.Provider, s.Intervention.Capacity, s.Intervention.WaitingListWeeks,
                s.Intervention.Recognition, s.Reasons.Select(r => new StoredReason(r.Rule, r.Insights, r.Text)).ToList())).ToList(),
            result.Excluded.Select(e => new StoredExclusion(e.Intervention.Id, e.Intervention.Name, e.Rule, e.Insights, e.Reason)).ToList(),
            result.Advice.Select(a => new StoredAdvice(a.Code, a.Insights, a.Text)).ToList());
    }
}
