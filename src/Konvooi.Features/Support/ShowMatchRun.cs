using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Catalogue;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Support.MatchRuns;

namespace Konvooi.Features.Support;

/// <summary>
/// Shows the matching engine's result for a profile snapshot and stores the showing as a match run.
/// Dropouts recorded in the person's trajectories are added to the profile first, so an intervention the
/// person left because it did not fit is never proposed again (RK-5).
/// </summary>
public static class ShowMatchRun
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, MatchingSources.Handler sources)
    {
        /// <summary>
        /// Matches the snapshot's profile (with the person's current dropouts) and records the showing:
        /// an identical showing of a run without a choice counts on that run; otherwise a new run is added.
        /// The caller saves (it audit-logs the view in the same transaction).
        /// </summary>
        public async Task<ShownRun?> HandleAsync(ProfileSnapshot snapshot, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(snapshot);
            if (ProfileJson.Read(snapshot.MatchingProfileJson) is not ReadResult<Profile>.Success read)
            {
                return null;
            }

            var trajectories = await db.Trajectories.AsNoTracking().Where(t => t.PersonId == snapshot.PersonId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var dropouts = Trajectory.ProfileDropouts(trajectories.Select(SupportStore.ToDomain));
            var profile = read.Value with { DroppedOut = MergeDropouts(read.Value.DroppedOut, dropouts) };
            var loaded = await sources.LoadAsync(cancellationToken).ConfigureAwait(false);
            var result = Matcher.Match(profile, loaded.Catalogue, loaded.Weights);
            var profileJson = ProfileJson.Write(profile);
            var hash = Hash(string.Join('\n', snapshot.Id.ToString(), loaded.CatalogueVersion, loaded.WeightsVersion, MatchingRules.Version, profileJson));
            var now = time.GetUtcNow().UtcDateTime;

            var latest = await db.MatchRuns.Where(r => r.PersonId == snapshot.PersonId)
                .OrderByDescending(r => r.ShownAtUtc).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (latest is not null && latest.ChoiceJson is null && latest.InputHash == hash)
            {
                latest.LastShownAtUtc = now;
                latest.ShownCount++; // not the concurrency token: two people looking at once both count
                return new ShownRun(latest, SupportStore.Read<StoredMatch>(latest.ResultJson), null);
            }

            var stored = ToStored(result);
            var run = new MatchRun
            {
                Id = Guid.NewGuid(),
                PersonId = snapshot.PersonId,
                OrganisationId = snapshot.OrganisationId,
                ProfileSnapshotId = snapshot.Id,
                RulesVersion = MatchingRules.Version,
                CatalogueVersion = loaded.CatalogueVersion,
                WeightsVersion = loaded.WeightsVersion,
                ProfileJson = profileJson,
                ResultJson = SupportStore.Write(stored),
                InputHash = hash,
                ShownById = actor.UserId!.Value, // a visible snapshot implies a set actor
                ShownAtUtc = now,
                LastShownAtUtc = now,
                ShownCount = 1,
                Version = 1,
            };
            db.MatchRuns.Add(run);
            audit.Add(AuditActions.Create, nameof(MatchRun), run.Id, snapshot.PersonId);
            return new ShownRun(run, stored, null);
        }
    }
}
