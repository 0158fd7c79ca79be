using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.People;

public static class PersonQueries
{
    /// <summary>"First Last" of a person the actor may see (the tenant filter applies), or null.</summary>
    public static Task<string?> VisiblePersonNameAsync(this KonvooiDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => p.FirstName + " " + p.LastName)
            .SingleOrDefaultAsync(cancellationToken);
    }
}
