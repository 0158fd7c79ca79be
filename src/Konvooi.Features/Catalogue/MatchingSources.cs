using Konvooi.Domain.Matching;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Catalogue;

/// <summary>
/// What matching needs for the acting organisation: its coalition's active catalogue (seeded from the
/// starter catalogue on first use) and its own weights, each with a stable version to store with a match run.
/// </summary>
public static class MatchingSources
{
    /// <param name="Catalogue">The active (not retired) entries, ordered by id; its <c>Version</c> equals <paramref name="CatalogueVersion"/>.</param>
    /// <param name="Weights">The organisation's weights in force (defaults when never tuned).</param>
    /// <param name="CatalogueVersion"><c>coalition-rN</c>: N changes were ever made to the coalition's catalogue.</param>
    /// <param name="WeightsVersion"><c>default</c>, or <c>weights-vN</c> for the organisation's N-th weights version.</param>
    public sealed record Sources(InterventionCatalogue Catalogue, MatchingWeights Weights, string CatalogueVersion, string WeightsVersion);

    public sealed class Handler(KonvooiDbContext db, CurrentActor actor, TimeProvider time)
    {
        /// <exception cref="InvalidOperationException">No actor is set, or the actor's organisation does not exist.</exception>
        public async Task<Sources> LoadAsync(CancellationToken cancellationToken)
        {
            var scope = await CatalogueStore.ScopeAsync(db, actor, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("Matching sources need an acting user of an existing organisation.");
            await CatalogueStore.EnsureSeededAsync(db, actor, time, scope.CoalitionId, null, cancellationToken).ConfigureAwait(false);
            var catalogue = await ActiveCatalogueAsync(db, scope.CoalitionId, cancellationToken).ConfigureAwait(false);
            var (weights, weightsVersion, _) = await WeightsStore.CurrentAsync(db, scope.OrganisationId, cancellationToken).ConfigureAwait(false);
            return new Sources(catalogue, weights, catalogue.Version, weightsVersion);
        }
    }

    /// <summary>The coalition's active entries as a domain catalogue, with each provider's current name.</summary>
    internal static async Task<InterventionCatalogue> ActiveCatalogueAsync(KonvooiDbContext db, Guid coalitionId, CancellationToken cancellationToken)
    {
        var version = await CatalogueStore.VersionAsync(db, coalitionId, cancellationToken).ConfigureAwait(false);
        var rows = await (from e in db.CatalogueEntries.AsNoTracking()
                          join o in db.Organisations.AsNoTracking() on e.ProviderOrganisationId equals o.Id
                          where e.CoalitionId == coalitionId && !e.IsRetired
                          orderby e.Code
                          select new { e.InterventionJson, Provider = o.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var interventions = rows
            .Select(r => CatalogueStore.Read(r.InterventionJson) with { Provider = r.Provider })
            .OrderBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
        return new InterventionCatalogue(version, interventions);
    }
}
