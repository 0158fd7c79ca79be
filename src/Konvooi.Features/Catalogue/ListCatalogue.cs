using Konvooi.Domain.Matching;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Catalogue.CatalogueEntries;

namespace Konvooi.Features.Catalogue;

/// <summary>The coalition's shared catalogue, filtered; null when the actor has no coalition.</summary>
public static class ListCatalogue
{
    /// <param name="Search">Words in the name or description.</param>
    /// <param name="Aim">An aim code, or null for any.</param>
    /// <param name="Cause">A cause code the entry addresses, or null for any.</param>
    /// <param name="Setting">A setting code, or null for any.</param>
    /// <param name="IncludeRetired">Also list retired entries.</param>
    public sealed record Filter(string? Search = null, string? Aim = null, string? Cause = null, string? Setting = null, bool IncludeRetired = false);

    public sealed record EntrySummary(Guid Id, Intervention Intervention, string ProviderName, bool IsRetired, bool CanEdit);

    public sealed record ListView(IReadOnlyList<EntrySummary> Entries, int ActiveCount, string CatalogueVersion, bool CanCreate, string OrganisationName);

    public sealed class Handler(KonvooiDbContext db, CurrentActor actor, TimeProvider time)
    {
        public async Task<ListView?> HandleAsync(Filter filter, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(filter);
            if (await CatalogueStore.ScopeAsync(db, actor, cancellationToken).ConfigureAwait(false) is not { } scope)
            {
                return null;
            }

            await CatalogueStore.EnsureSeededAsync(db, actor, time, scope.CoalitionId, null, cancellationToken).ConfigureAwait(false);
            var rows = await (from e in db.CatalogueEntries.AsNoTracking()
                              join o in db.Organisations.AsNoTracking() on e.ProviderOrganisationId equals o.Id
                              where e.CoalitionId == scope.CoalitionId
                              select new { e.Id, e.InterventionJson, e.IsRetired, e.ProviderOrganisationId, Provider = o.Name })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var search = filter.Search?.Trim();
            var entries = rows
                .Select(r => new EntrySummary(r.Id, CatalogueStore.Read(r.InterventionJson) with { Provider = r.Provider }, r.Provider, r.IsRetired,
                    MayEditOwnEntries(actor) && r.ProviderOrganisationId == scope.OrganisationId))
                .Where(e => filter.IncludeRetired || !e.IsRetired)
                .Where(e => string.IsNullOrEmpty(filter.Aim) || e.Intervention.Aim == filter.Aim)
                .Where(e => string.IsNullOrEmpty(filter.Cause) || e.Intervention.Causes.Contains(filter.Cause))
                .Where(e => string.IsNullOrEmpty(filter.Setting) || e.Intervention.Setting == filter.Setting)
                .Where(e => string.IsNullOrEmpty(search)
                    || e.Intervention.Name.Contains(search, StringComparison.CurrentCultureIgnoreCase)
                    || e.Intervention.Description.Contains(search, StringComparison.CurrentCultureIgnoreCase)
                    || e.ProviderName.Contains(search, StringComparison.CurrentCultureIgnoreCase))
                .OrderBy(e => e.IsRetired)
                .ThenBy(e => e.Intervention.Name, StringComparer.CurrentCulture)
                .ToList();
            var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == scope.OrganisationId)
                .Select(o => o.Name).SingleAsync(cancellationToken).ConfigureAwait(false);
            return new ListView(entries, rows.Count(r => !r.IsRetired),
                await CatalogueStore.VersionAsync(db, scope.CoalitionId, cancellationToken).ConfigureAwait(false), MayEditOwnEntries(actor), organisation);
        }
    }
}
