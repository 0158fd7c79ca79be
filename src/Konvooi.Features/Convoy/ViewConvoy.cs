using Konvooi.Domain.Convoy;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.People;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Convoy.ConvoyMaps;

namespace Konvooi.Features.Convoy;

/// <summary>A person's convoy map (JG-4) of one date or the latest, with the changes since the snapshot before it; audit-logged.</summary>
public static class ViewConvoy
{
    public sealed record View(
        string PersonName,
        ConvoySnapshot? Snapshot,
        ConvoyChanges? ChangesSincePrevious,
        DateOnly? PreviousDate,
        IReadOnlyList<DateOnly> History,
        int Version,
        DateOnly? LatestDate);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit)
    {
        /// <summary>The map of <paramref name="date"/> (or the latest), with the changes since the snapshot before it.</summary>
        public async Task<View?> HandleAsync(Guid personId, DateOnly? date, CancellationToken cancellationToken)
        {
            var person = await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return null;
            }

            var maps = await db.ConvoyMaps.AsNoTracking().Where(m => m.PersonId == personId)
                .OrderByDescending(m => m.TakenOn).ToListAsync(cancellationToken).ConfigureAwait(false);
            var shown = date is { } d ? maps.FirstOrDefault(m => m.TakenOn == d) : maps.FirstOrDefault();
            var previous = shown is null ? null : maps.FirstOrDefault(m => m.TakenOn < shown.TakenOn);
            var snapshot = shown is null ? null : ToSnapshot(shown);
            audit.Add(AuditActions.View, nameof(ConvoyMap), shown?.Id ?? personId, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new View(
                person,
                snapshot,
                previous is null || snapshot is null ? null : ConvoyChanges.Between(ToSnapshot(previous), snapshot),
                previous?.TakenOn,
                maps.Select(m => m.TakenOn).ToList(),
                maps.FirstOrDefault()?.Version ?? 0,
                maps.FirstOrDefault()?.TakenOn);
        }
    }
}
