using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.People.Assignments;

namespace Konvooi.Features.People;

/// <summary>Ends a professional's assignment to a person; removing twice is not an error.</summary>
public static class UnassignProfessional
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor)
    {
        public async Task<Outcome> HandleAsync(Guid personId, Guid userId, CancellationToken cancellationToken)
        {
            var check = await CheckAsync(db, actor, personId, cancellationToken).ConfigureAwait(false);
            if (check is not null)
            {
                return check;
            }

            var assignment = await db.PersonAssignments.SingleOrDefaultAsync(a => a.PersonId == personId && a.UserId == userId, cancellationToken).ConfigureAwait(false);
            if (assignment is null)
            {
                return new Outcome.Done(); // already gone: removing twice is not an error
            }

            db.PersonAssignments.Remove(assignment);
            audit.Add(AuditActions.AssignmentRemove, nameof(PersonAssignment), assignment.Id, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Done();
        }
    }
}
