using Konvooi.Domain.Access;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.DailyContact;

/// <summary>A coordinator revokes a personal link of a contact of an arrangement.</summary>
public static class RevokeLink
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Revoked : Outcome;

        public sealed record NotFound : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(Guid personId, Guid arrangementId, Guid tokenId, CancellationToken cancellationToken)
        {
            var contacts = await db.ContactIdsAsync(personId, arrangementId, cancellationToken).ConfigureAwait(false);
            var row = contacts is null || !actor.Has(Permissions.CanRecordContactForOthers)
                ? null
                : await db.DailyContactTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken).ConfigureAwait(false);
            if (row is null || !contacts!.Contains(row.ContactId))
            {
                return new Outcome.NotFound();
            }

            row.RevokedAtUtc ??= time.GetUtcNow().UtcDateTime;
            audit.Add(AuditActions.DailyContactLinkRevoke, nameof(DailyContactToken), row.Id, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Revoked();
        }
    }
}
