using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Audit;

/// <summary>Administrators read and filter their organisation's audit log (identifiers only).</summary>
public static class ReadAuditLog
{
    public const int PageSize = 50;

    public sealed record Query(DateOnly? From, DateOnly? To, string? Action, Guid? UserId, Guid? RecordId, int Page);

    public sealed record Row(long Sequence, DateTime OccurredAtUtc, string UserName, string? Role, string Action, string EntityType, string RecordIds);

    public sealed record Result(IReadOnlyList<Row> Rows, int Page, bool HasNextPage);

    public sealed class Handler(KonvooiDbContext db, CurrentActor actor)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var organisationId = actor.OrganisationId;
            var entries = db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == organisationId);
            if (query.From is { } from)
            {
                var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                entries = entries.Where(a => a.OccurredAtUtc >= fromUtc);
            }

            if (query.To is { } to)
            {
                var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                entries = entries.Where(a => a.OccurredAtUtc < toUtc);
            }

            if (!string.IsNullOrWhiteSpace(query.Action))
            {
                entries = entries.Where(a => a.Action == query.Action);
            }

            if (query.UserId is { } userId)
            {
                entries = entries.Where(a => a.UserId == userId);
            }

            if (query.RecordId is { } recordId)
            {
                var pattern = "%" + recordId.ToString("D") + "%";
                entries = entries.Where(a => a.PersonId == recordId || EF.Functions.Like(a.RecordIds, pattern));
            }

            var page = Math.Max(1, query.Page);
            var rows = await entries.OrderByDescending(a => a.Sequence)
                .Skip((page - 1) * PageSize).Take(PageSize + 1)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var userIds = rows.Where(r => r.UserId is not null).Select(r => r.UserId!.Value).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
            return new Result(
                rows.Take(PageSize).Select(r => new Row(
                    r.Sequence, r.OccurredAtUtc,
                    r.UserId is { } u ? names.GetValueOrDefault(u, "onbekend") : "systeem",
                    r.Role, r.Action, r.EntityType, r.RecordIds)).ToList(),
                page,
                rows.Count > PageSize);
        }
    }
}
