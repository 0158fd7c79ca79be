using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.People.Assignments;

namespace Konvooi.Features.People;

/// <summary>Assigns a professional of the own organisation to a person, so they see the record too.</summary>
public static class AssignProfessional
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, SavePerson.Handler people)
    {
        public async Task<Outcome> HandleAsync(Guid personId, Guid userId, CancellationToken cancellationToken)
        {
            var check = await CheckAsync(db, actor, personId, cancellationToken).ConfigureAwait(false);
            if (check is not null)
            {
                return check;
            }

            var staff = await people.ResponsibleOptionsAsync(cancellationToken).ConfigureAwait(false);
            if (staff.All(s => s.UserId != userId))
            {
                return new Outcome.Invalid("Kies een medewerker van uw eigen organisatie.");
            }

            if (await db.PersonAssignments.AnyAsync(a => a.PersonId == personId && a.UserId == userId, cancellationToken).ConfigureAwait(false))
            {
                return new Outcome.Invalid("Deze medewerker is al betrokken.");
            }

            var assignment = new PersonAssignment { Id = Guid.NewGuid(), PersonId = personId, UserId = userId };
            db.PersonAssignments.Add(assignment);
            audit.Add(AuditActions.AssignmentAdd, nameof(PersonAssignment), assignment.Id, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Done();
        }
    }
}
