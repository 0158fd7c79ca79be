using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.People;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.DailyContact.ArrangementViews;

namespace Konvooi.Features.DailyContact;

/// <summary>A person's daily contact arrangements, with the volunteers who can be put in a rota (coordinators and professionals).</summary>
public static class GetArrangements
{
    public sealed record View(string PersonName, IReadOnlyList<Stored> Arrangements, IReadOnlyList<VolunteerOption> Volunteers);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor)
    {
        public async Task<View?> HandleAsync(Guid personId, CancellationToken cancellationToken)
        {
            var name = await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false);
            if (name is null)
            {
                return null;
            }

            var rows = await db.DailyContactArrangements.AsNoTracking().Where(a => a.PersonId == personId)
                .OrderBy(a => a.StartDate).ToListAsync(cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.DailyContactArrangementView, nameof(DailyContactArrangement), rows.Count == 0 ? [personId] : rows.Select(r => r.Id), personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new View(name, rows.Select(ToStored).ToList(), await VolunteersAsync(db, actor.OrganisationId, cancellationToken).ConfigureAwait(false));
        }
    }
}
