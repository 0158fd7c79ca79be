using Konvooi.Domain.Matching.Hsds;
using Konvooi.Features.Data;
using Konvooi.Features.Security;

namespace Konvooi.Features.Catalogue;

/// <summary>Exports the coalition's active catalogue as Open Referral HSDS 3.0 JSON (docs/hsds.md).</summary>
public static class ExportCatalogue
{
    public sealed class Handler(KonvooiDbContext db, CurrentActor actor, TimeProvider time)
    {
        /// <summary>The coalition's active catalogue as Open Referral HSDS 3.0 JSON; null without a coalition.</summary>
        public async Task<string?> HandleAsync(CancellationToken cancellationToken)
        {
            if (await CatalogueStore.ScopeAsync(db, actor, cancellationToken).ConfigureAwait(false) is not { } scope)
            {
                return null;
            }

            await CatalogueStore.EnsureSeededAsync(db, actor, time, scope.CoalitionId, null, cancellationToken).ConfigureAwait(false);
            return HsdsCatalogue.ExportJson(await MatchingSources.ActiveCatalogueAsync(db, scope.CoalitionId, cancellationToken).ConfigureAwait(false));
        }
    }
}
