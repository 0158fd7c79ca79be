using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.People;

/// <summary>Search and page through the people the actor may see; every id shown is audit-logged.</summary>
public static class ListPeople
{
    public const int PageSize = 25;

    public sealed record Query(string? Search, int Page);

    public sealed record Row(Guid Id, string FirstName, string LastName, DateOnly DateOfBirth, string? Wijk, LivingSituation LivingSituation);

    public sealed record Result(IReadOnlyList<Row> Rows, int Page, int PageCount, int Total, string? Search);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit)
    {
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var people = db.People.AsNoTracking();
            var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
            if (search is not null)
            {
                var pattern = "%" + EscapeLike(search.ToLowerInvariant()) + "%";
                people = people.Where(p => EF.Functions.Like(p.SearchName, pattern, "\\"));
            }

            var total = await people.CountAsync(cancellationToken).ConfigureAwait(false);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page, 1, pageCount);
            var rows = await people
                .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(p => new Row(p.Id, p.FirstName, p.LastName, p.DateOfBirth, p.Wijk, p.LivingSituation))
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            audit.Add(AuditActions.List, nameof(Person), rows.Select(r => r.Id), personId: null);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Result(rows, page, pageCount, total, search);
        }

        private static string EscapeLike(string text) =>
            text.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal);
    }
}
