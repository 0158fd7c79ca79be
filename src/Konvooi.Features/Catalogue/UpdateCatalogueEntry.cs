using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using static Konvooi.Features.Catalogue.CatalogueEntries;

namespace Konvooi.Features.Catalogue;

/// <summary>Saves a change to an entry of the actor's own organisation as a new version.</summary>
public static class UpdateCatalogueEntry
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public Task<Outcome> HandleAsync(Guid id, CatalogueEntryInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            return ChangeAsync(db, audit, actor, time, id, input.Version, CatalogueChanges.Updated, AuditActions.CatalogueUpdate, entry =>
            {
                var (intervention, problems) = input.ToIntervention(entry.Code);
                if (intervention is null)
                {
                    return problems;
                }

                entry.Name = intervention.Name;
                entry.InterventionJson = CatalogueStore.Write(intervention with { Provider = null });
                return [];
            }, cancellationToken);
        }
    }
}
