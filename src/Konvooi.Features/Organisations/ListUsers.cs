using Konvooi.Domain.Access;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Organisations;

/// <summary>The accounts of the actor's own organisation, for administrators.</summary>
public static class ListUsers
{
    public sealed record Row(Guid UserId, string DisplayName, string Email, Role Role, bool IsLockedOut);

    public sealed class Handler(KonvooiDbContext db, CurrentActor actor, TimeProvider time)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(CancellationToken cancellationToken)
        {
            var organisationId = actor.OrganisationId;
            var rows = await db.Memberships.AsNoTracking()
                .Where(m => m.OrganisationId == organisationId)
                .OrderBy(m => m.User!.DisplayName)
                .Select(m => new { m.UserId, m.User!.DisplayName, m.User.Email, m.Role, m.User.LockoutEnd })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            return rows.Select(r => new Row(r.UserId, r.DisplayName, r.Email ?? string.Empty, r.Role, r.LockoutEnd > now)).ToList();
        }
    }
}
