using System.Text.Json;
using Konvooi.Domain.Profiles;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.People;
using Konvooi.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Profiles;

/// <summary>
/// The latest stored profile of a person, with the open match run for it (the matching engine's suggestions,
/// exclusions and advice as shown earlier) and the choices made earlier; audit-logged. Reading never creates or
/// counts a match run: that is a POST (<see cref="MatchProfile"/>), so a cross-site link cannot write in someone's name.
/// </summary>
public static class GetProfile
{
    public sealed record View(
        string PersonName,
        ProfileSnapshot? Snapshot,
        IReadOnlyList<ProfileLine> Lines,
        MatchRuns.ShownRun? Run,
        string? CreatedBy,
        IReadOnlyList<ListMatchChoices.PastChoice> Choices,
        RecordJudgement.Current? Judgement,
        IReadOnlyList<Assessments.SafetyItem> Safety)
    {
        /// <summary>The latest profile carries <c>safety_first</c>: the safety panel goes first (issue #16).</summary>
        public bool ShowSafetyPanel => Safety.Any(s => s.Code == "safety_first");
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, ListMatchChoices.Handler choices, RecordJudgement.Handler judgements)
    {
        public async Task<View?> HandleAsync(Guid personId, CancellationToken cancellationToken)
        {
            var person = await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return null;
            }

            var snapshot = await db.ProfileSnapshots.AsNoTracking().Where(p => p.PersonId == personId)
                .OrderByDescending(p => p.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.View, nameof(ProfileSnapshot), snapshot?.Id ?? personId, personId);
            var run = snapshot is null ? null : await db.OpenRunAsync(snapshot.Id, cancellationToken).ConfigureAwait(false);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            var pastChoices = await choices.HandleAsync(personId, cancellationToken).ConfigureAwait(false);
            var judgement = await judgements.CurrentAsync(personId, cancellationToken).ConfigureAwait(false);
            var safety = await db.SafetyItemsAsync(personId, cancellationToken).ConfigureAwait(false);
            if (snapshot is null)
            {
                return new View(person, null, [], null, null, pastChoices, judgement, safety);
            }

            var lines = JsonSerializer.Deserialize<List<ProfileLine>>(snapshot.LinesJson) ?? [];
            var by = await db.Users.AsNoTracking().Where(u => u.Id == snapshot.CreatedById)
                .Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return new View(person, snapshot, lines, run, by, pastChoices, judgement, safety);
        }
    }
}
