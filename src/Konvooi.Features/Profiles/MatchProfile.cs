using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Profiles;

/// <summary>
/// Shows the matching engine's result for the person's latest profile with today's catalogue, weights and dropouts,
/// stored as a match run (<see cref="ShowMatchRun"/>). A POST only: reading the profile never writes a run.
/// </summary>
public static class MatchProfile
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, ShowMatchRun.Handler showRun)
    {
        /// <summary>False when the person is not visible or has no profile yet.</summary>
        public async Task<bool> HandleAsync(Guid personId, CancellationToken cancellationToken)
        {
            if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var snapshot = await db.ProfileSnapshots.AsNoTracking().Where(p => p.PersonId == personId)
                .OrderByDescending(p => p.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (snapshot is null)
            {
                return false;
            }

            var run = await showRun.HandleAsync(snapshot, cancellationToken).ConfigureAwait(false);
            if (run is not null)
            {
                audit.Add(AuditActions.View, nameof(MatchRun), run.Run.Id, personId);
            }

            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }
}
