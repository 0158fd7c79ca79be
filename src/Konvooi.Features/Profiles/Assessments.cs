using Konvooi.Domain.Conversations;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Profiles;

/// <summary>
/// What the assessment use cases share (issue #16): the outcome of a change, the professional's judgement as kept with
/// a profile snapshot (the domain's <c>ProfessionalJudgement</c> as JSON), and which safety advice of the person's latest profile is still open.
/// </summary>
public static class Assessments
{
    public const int MaxTextLength = 2000;

    public const int MaxWhoLength = 200;

    /// <summary>The advice codes that ask for a recorded follow-up before a plan may close.</summary>
    public static IReadOnlyList<string> SafetyAdviceCodes => Domain.Profiles.SafetyAdvice.Codes;

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Saved : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Conflict : Outcome;

        public sealed record Invalid(IReadOnlyList<FieldProblem> Problems) : Outcome;
    }

    /// <summary>A safety advice of the latest profile, with its recorded follow-ups (none: open).</summary>
    public sealed record SafetyItem(string Code, Guid ProfileSnapshotId, IReadOnlyList<FollowUp> FollowUps)
    {
        public bool IsOpen => FollowUps.Count == 0;
    }

    public sealed record FollowUp(string Who, DateOnly On, string Agreed, string? RecordedBy, DateTime RecordedAtUtc);

    internal static IReadOnlyList<string> SplitCodes(string codes) =>
        codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// The safety advice of the person's latest profile. A follow-up counts for an advice when it was recorded after
    /// the first of the unbroken row of latest profiles that all carried that advice: rebuilding the profile with the
    /// same answers does not ask for it again, but an advice that went away and came back does.
    /// </summary>
    internal static async Task<IReadOnlyList<SafetyItem>> SafetyItemsAsync(this KonvooiDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        var snapshots = await db.ProfileSnapshots.AsNoTracking().Where(p => p.PersonId == personId)
            .OrderByDescending(p => p.CreatedAtUtc)
            .Select(p => new { p.Id, p.CreatedAtUtc, p.SafetyAdvice })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (snapshots.Count == 0 || SplitCodes(snapshots[0].SafetyAdvice) is not { Count: > 0 } codes)
        {
            return [];
        }

        var followUps = await db.SafetyFollowUps.AsNoTracking().Where(f => f.PersonId == personId)
            .OrderBy(f => f.RecordedAtUtc)
            .Select(f => new { f.AdviceCode, f.Who, f.FollowedUpOn, f.Agreed, f.RecordedAtUtc, By = db.Users.Where(u => u.Id == f.RecordedById).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<SafetyItem>();
        foreach (var code in SafetyAdviceCodes.Where(codes.Contains))
        {
            var since = snapshots.TakeWhile(s => SplitCodes(s.SafetyAdvice).Contains(code)).Last().CreatedAtUtc;
            var counted = followUps.Where(f => f.AdviceCode == code && f.RecordedAtUtc >= since)
                .Select(f => new FollowUp(f.Who, f.FollowedUpOn, f.Agreed, f.By, f.RecordedAtUtc)).ToList();
            items.Add(new SafetyItem(code, snapshots[0].Id, counted));
        }

        return items;
    }
}
