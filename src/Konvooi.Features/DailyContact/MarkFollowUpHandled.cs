using Konvooi.Domain.Access;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.DailyContact;

/// <summary>
/// Marks a "seemed different" signal as followed up from the dashboard; the person's support plan can follow it up
/// too (docs/daily-contact.md).
/// </summary>
public static class MarkFollowUpHandled
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        /// <summary>False when the signal is not found or the actor may not handle it.</summary>
        public async Task<bool> HandleAsync(Guid confirmationId, CancellationToken cancellationToken)
        {
            if (!actor.Has(Permissions.CanRecordContactForOthers))
            {
                return false;
            }

            var row = await db.DailyContactConfirmations.SingleOrDefaultAsync(c => c.Id == confirmationId, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return false;
            }

            row.FollowUpHandled = true;
            row.FollowUpHandledById = actor.UserId;
            row.FollowUpHandledAtUtc = time.GetUtcNow().UtcDateTime;
            audit.Add(AuditActions.DailyContactFollowUpHandled, nameof(DailyContactConfirmation), row.Id, row.PersonId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }
}
