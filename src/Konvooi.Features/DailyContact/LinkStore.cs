using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.DailyContact;

/// <summary>What the personal link use cases (list, issue, revoke) share.</summary>
internal static class LinkStore
{
    /// <summary>The contacts of a visible person's arrangement, or null when the person or arrangement is not visible.</summary>
    public static async Task<HashSet<Guid>?> ContactIdsAsync(this KonvooiDbContext db, Guid personId, Guid arrangementId, CancellationToken cancellationToken)
    {
        // Through the visible person: the arrangement filter and the person filter both apply.
        var visible = await db.People.AsNoTracking().AnyAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false);
        var row = visible
            ? await db.DailyContactArrangements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == arrangementId && a.PersonId == personId, cancellationToken).ConfigureAwait(false)
            : null;
        return row is null ? null : DailyContactStore.ReadArrangement(row).Contacts.Select(c => c.Id).ToHashSet();
    }
}
