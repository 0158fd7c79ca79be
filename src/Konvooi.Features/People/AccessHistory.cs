using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.People;

/// <summary>Who looked at or changed this person's record, and when (views, list views and changes).</summary>
public static class AccessHistory
{
    public sealed record Row(DateTime OccurredAtUtc, string UserName, string? Role, string Action, string EntityType);

    public sealed record Result(string PersonName, IReadOnlyList<Row> Rows);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor)
    {
        public async Task<Result?> HandleAsync(Guid personId, CancellationToken cancellationToken)
        {
            var person = await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return null;
            }

            var organisationId = actor.OrganisationId;
            var idText = "%" + personId.ToString("D") + "%";
            var entries = await db.AuditEntries.AsNoTracking()
                .Where(a => a.OrganisationId == organisationId && (a.PersonId == personId || EF.Functions.Like(a.RecordIds, idText)))
                .OrderByDescending(a => a.Sequence)
                .Take(500)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var userIds = entries.Where(e => e.UserId is not null).Select(e => e.UserId!.Value).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);

            audit.Add(AuditActions.AccessHistoryView, nameof(Person), personId, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            return new Result(person, entries.Select(e => new Row(
                e.OccurredAtUtc,
                e.UserId is { } u ? names.GetValueOrDefault(u, "onbekend") : "systeem",
                e.Role,
                e.Action,
                e.EntityType)).ToList());
        }
    }
}
