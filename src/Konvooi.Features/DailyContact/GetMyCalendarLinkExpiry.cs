using Konvooi.Domain.DailyContact;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.DailyContact;

/// <summary>
/// For the signed-in volunteer: when their calendar link expires, if that is within
/// <see cref="AccessTokens.ExpiryWarningDays"/> days, so the page can warn them in time (issue #17, finding 1).
/// </summary>
public static class GetMyCalendarLinkExpiry
{
    public sealed class Handler(KonvooiDbContext db, CurrentActor actor, TimeProvider time)
    {
        /// <summary>The expiry of the volunteer's working calendar link when it is near; null when none is near.</summary>
        public async Task<DateTime?> HandleAsync(CancellationToken cancellationToken)
        {
            if (actor.UserId is not { } userId)
            {
                return null;
            }

            var purpose = nameof(TokenPurpose.CalendarFeed);
            var rows = await db.DailyContactTokens.AsNoTracking()
                .Where(t => t.ContactId == userId && t.Purpose == purpose && t.RevokedAtUtc == null)
                .Select(t => new { t.IssuedAtUtc, t.ExpiresAtUtc })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow().UtcDateTime;
            var expiry = rows.Select(t => t.ExpiresAtUtc ?? t.IssuedAtUtc.AddDays(AccessTokens.DefaultLifetimeDays))
                .Where(e => e > now).DefaultIfEmpty().Max();
            return expiry != default && expiry <= now.AddDays(AccessTokens.ExpiryWarningDays) ? expiry : null;
        }
    }
}
