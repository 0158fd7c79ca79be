using Konvooi.Domain.Access;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.People;

/// <summary>
/// Professionals assigned to a person besides the responsible one (they then see the record too).
/// Only coordinators assign; every change is audit-logged.
/// </summary>
public static class Assignments
{
    public sealed record Member(Guid UserId, string DisplayName);

    public sealed record Team(IReadOnlyList<Member> Assigned, IReadOnlyList<SavePerson.StaffOption> Available);

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Done : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Forbidden : Outcome;

        public sealed record Invalid(string Message) : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, SavePerson.Handler people)
    {
        public async Task<Team?> TeamAsync(Guid personId, CancellationToken cancellationToken)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { p.ResponsibleProfessionalId }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return null;
            }

            var assigned = await db.PersonAssignments.AsNoTracking()
                .Where(a => a.PersonId == personId)
                .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new Member(u.Id, u.DisplayName))
                .OrderBy(m => m.DisplayName)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var staff = await people.ResponsibleOptionsAsync(cancellationToken).ConfigureAwait(false);
            var available = staff.Where(s => s.UserId != person.ResponsibleProfessionalId && assigned.All(a => a.UserId != s.UserId)).ToList();
            return new Team(assigned, available);
        }

        public async Task<Outcome> AddAsync(Guid personId, Guid userId, CancellationToken cancellationToken)
        {
            var check = await CheckAsync(personId, cancellationToken).ConfigureAwait(false);
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

        public async Task<Outcome> RemoveAsync(Guid personId, Guid userId, CancellationToken cancellationToken)
        {
            var check = await CheckAsync(personId, cancellationToken).ConfigureAwait(false);
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

        private async Task<Outcome?> CheckAsync(Guid personId, CancellationToken cancellationToken)
        {
            if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false))
            {
                return new Outcome.NotFound();
            }

            return actor.Has(Permissions.CanAssignProfessionals) ? null : new Outcome.Forbidden();
        }
    }
}
