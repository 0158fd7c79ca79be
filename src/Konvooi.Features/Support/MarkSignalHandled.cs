using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Support.PlanViews;

namespace Konvooi.Features.Support;

/// <summary>Marks a daily contact "seemed different" signal of a person as followed up in their plan.</summary>
public static class MarkSignalHandled
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        /// <summary>Marks a daily contact "seemed different" signal of this person as followed up in the plan (docs/daily-contact.md).</summary>
        public async Task<Outcome> HandleAsync(Guid personId, Guid confirmationId, CancellationToken cancellationToken)
        {
            var row = await db.DailyContactConfirmations
                .Where(c => c.Id == confirmationId && c.PersonId == personId && c.HasSignals)
                .Where(c => db.People.Any(p => p.Id == c.PersonId))
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return new Outcome.NotFound();
            }

            if (row.FollowUpHandled)
            {
                return new Outcome.Conflict();
            }

            row.FollowUpHandled = true;
            row.FollowUpHandledById = actor.UserId;
            row.FollowUpHandledAtUtc = time.GetUtcNow().UtcDateTime;
            audit.Add(AuditActions.DailyContactFollowUpHandled, nameof(DailyContactConfirmation), row.Id, personId);
            return await audit.SavePlanChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
