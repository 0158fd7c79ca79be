using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using static Konvooi.Features.Catalogue.CatalogueEntries;

namespace Konvooi.Features.Catalogue;

/// <summary>Retires an entry of the actor's own organisation; it stays in the history but is no longer offered.</summary>
public static class RetireCatalogueEntry
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public Task<Outcome> HandleAsync(Guid id, int version, CancellationToken cancellationToken) =>
            ChangeAsync(db, audit, actor, time, id, version, CatalogueChanges.Retired, AuditActions.CatalogueRetire, entry =>
            {
                entry.IsRetired = true;
                return [];
            }, cancellationToken);
    }
}
