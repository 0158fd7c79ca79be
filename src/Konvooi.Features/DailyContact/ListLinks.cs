using Konvooi.Domain.Access;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.DailyContact;

/// <summary>The personal links (confirmation link, calendar feed) of the contacts of an arrangement, for a coordinator.</summary>
public static class ListLinks
{
    public sealed record LinkRow(Guid Id, Guid ContactId, TokenPurpose Purpose, DateTime IssuedAtUtc, DateTime? RevokedAtUtc, DateTime ExpiresAtUtc);

    public sealed class Handler(KonvooiDbContext db, CurrentActor actor)
    {
        public async Task<IReadOnlyList<LinkRow>> HandleAsync(Guid personId, Guid arrangementId, CancellationToken cancellationToken)
        {
            var contacts = await db.ContactIdsAsync(personId, arrangementId, cancellationToken).ConfigureAwait(false);
            if (contacts is null || !actor.Has(Permissions.CanRecordContactForOthers))
            {
                return [];
            }

            var rows = await db.DailyContactTokens.AsNoTracking().Where(t => contacts.Contains(t.ContactId))
                .OrderBy(t => t.IssuedAtUtc).ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.Select(t => new LinkRow(t.Id, t.ContactId, Enum.Parse<TokenPurpose>(t.Purpose), t.IssuedAtUtc, t.RevokedAtUtc, t.ExpiresAtUtc ?? t.IssuedAtUtc.AddDays(AccessTokens.DefaultLifetimeDays))).ToList();
        }
    }
}
