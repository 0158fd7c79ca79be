using Konvooi.Domain.Access;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Konvooi.Features.DailyContact;

/// <summary>
/// A coordinator renews a personal link of a contact of an arrangement: the same link works another
/// <see cref="DailyContactOptions.LinkLifetimeDays"/> from now, so a subscribed calendar keeps working (issue #17, finding 1).
/// A revoked link cannot be renewed; issue a new one.
/// </summary>
public static class RenewLink
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Renewed(DateTime ExpiresAtUtc) : Outcome;

        public sealed record NotFound : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, IOptions<DailyContactOptions> options)
    {
        public async Task<Outcome> HandleAsync(Guid personId, Guid arrangementId, Guid tokenId, CancellationToken cancellationToken)
        {
            var contacts = await db.ContactIdsAsync(personId, arrangementId, cancellationToken).ConfigureAwait(false);
            var row = contacts is null || !actor.Has(Permissions.CanRecordContactForOthers)
                ? null
                : await db.DailyContactTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.RevokedAtUtc == null, cancellationToken).ConfigureAwait(false);
            if (row is null || !contacts!.Contains(row.ContactId))
            {
                return new Outcome.NotFound();
            }

            row.ExpiresAtUtc = time.GetUtcNow().UtcDateTime.AddDays(options.Value.LinkLifetimeDays);
            audit.Add(AuditActions.DailyContactLinkRenew, nameof(DailyContactToken), row.Id, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Renewed(row.ExpiresAtUtc.Value);
        }
    }
}
