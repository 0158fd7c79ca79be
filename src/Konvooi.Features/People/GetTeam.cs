using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.People;

/// <summary>The professionals assigned to a person besides the responsible one, and who else could be assigned.</summary>
public static class GetTeam
{
    public sealed record Member(Guid UserId, string DisplayName);

    public sealed record Team(IReadOnlyList<Member> Assigned, IReadOnlyList<SavePerson.StaffOption> Available);

    public sealed class Handler(KonvooiDbContext db, SavePerson.Handler people)
    {
        public async Task<Team?> HandleAsync(Guid personId, CancellationToken cancellationToken)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { p.ResponsibleProfessionalId }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return null;
            }

            var assigned = await db.PersonAssignments.AsNoTracking()
                .Where(a => a.PersonId == personId)
                .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => u)
                .OrderBy(u => u.DisplayName)
                .Select(u => new Member(u.Id, u.DisplayName))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var staff = await people.ResponsibleOptionsAsync(cancellationToken).ConfigureAwait(false);
            var available = staff.Where(s => s.UserId != person.ResponsibleProfessionalId && assigned.All(a => a.UserId != s.UserId)).ToList();
            return new Team(assigned, available);
        }
    }
}
