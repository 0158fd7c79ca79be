using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.People;

/// <summary>One person's record with consents; the view is audit-logged. Null when the actor may not see it.</summary>
public static class GetPerson
{
    public sealed record ConsentRow(Guid Id, ConsentPurpose Purpose, DateOnly GivenOn, string RecordedBy, DateOnly? WithdrawnOn, string? WithdrawnBy, int Version);

    public sealed record Result(Person Person, string? ResponsibleProfessionalName, IReadOnlyList<ConsentRow> Consents);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit)
    {
        public async Task<Result?> HandleAsync(Guid id, string action, CancellationToken cancellationToken)
        {
            var person = await db.People.AsNoTracking()
                .Include(p => p.ResponsibleProfessional)
                .SingleOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return null;
            }

            var consents = await db.Consents.AsNoTracking()
                .Where(c => c.PersonId == id)
                .OrderBy(c => c.Purpose).ThenByDescending(c => c.RecordedAtUtc)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var userIds = consents.Select(c => c.RecordedById)
                .Concat(consents.Where(c => c.WithdrawnById is not null).Select(c => c.WithdrawnById!.Value))
                .Distinct().ToList();
            var names = await db.Users.AsNoTracking()
                .Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);

            audit.Add(action, nameof(Person), id, id);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            return new Result(
                person,
                person.ResponsibleProfessional?.DisplayName,
                consents.Select(c => new ConsentRow(
                    c.Id, c.Purpose, c.GivenOn,
                    names.GetValueOrDefault(c.RecordedById, "onbekend"),
                    c.WithdrawnOn,
                    c.WithdrawnById is { } w ? names.GetValueOrDefault(w, "onbekend") : null,
                    c.Version)).ToList());
        }
    }
}
