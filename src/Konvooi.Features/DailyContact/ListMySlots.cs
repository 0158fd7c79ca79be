using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.DailyContact.SlotViews;

namespace Konvooi.Features.DailyContact;

/// <summary>The signed-in volunteer's own slots, as a contact sees them.</summary>
public static class ListMySlots
{
    public sealed class Handler(KonvooiDbContext db, UnfilteredAccess unfiltered, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        /// <summary>The signed-in volunteer's own slots from yesterday to <paramref name="days"/> days ahead (the query filter limits them).</summary>
        public async Task<IReadOnlyList<ContactSlot>> HandleAsync(int days, CancellationToken cancellationToken)
        {
            if (actor.UserId is not { } userId)
            {
                return [];
            }

            var now = time.GetUtcNow().UtcDateTime;
            var rows = await db.DailyContactSlots.AsNoTracking()
                .Where(s => (s.ContactId == userId || (s.SecondContactId == userId && s.LastStep >= 2)) && s.EndUtc >= now.AddDays(-1) && s.StartUtc <= now.AddDays(days))
                .OrderBy(s => s.StartUtc)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return await SlotStore.ToContactSlotsAsync(unfiltered, audit, rows, userId, now, cancellationToken).ConfigureAwait(false);
        }
    }
}
