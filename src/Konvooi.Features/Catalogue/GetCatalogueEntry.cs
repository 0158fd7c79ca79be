using Konvooi.Domain.Matching;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Catalogue.CatalogueEntries;

namespace Konvooi.Features.Catalogue;

/// <summary>One catalogue entry with its kept versions.</summary>
public static class GetCatalogueEntry
{
    public sealed record RevisionView(int Version, string Change, DateTime ChangedAtUtc, string? ChangedBy, string Name, string ProviderName, bool IsRetired);

    public sealed record EntryView(Guid Id, Intervention Intervention, string ProviderName, bool IsRetired, int Version, bool CanEdit, IReadOnlyList<RevisionView> History);

    public sealed class Handler(KonvooiDbContext db, CurrentActor actor)
    {
        /// <summary>One entry of the actor's coalition with its history; null when it is not in that coalition.</summary>
        public async Task<EntryView?> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            if (await CatalogueStore.ScopeAsync(db, actor, cancellationToken).ConfigureAwait(false) is not { } scope)
            {
                return null;
            }

            var entry = await db.CatalogueEntries.AsNoTracking()
                .SingleOrDefaultAsync(e => e.Id == id && e.CoalitionId == scope.CoalitionId, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                return null;
            }

            var names = await db.Organisations.AsNoTracking().Where(o => o.CoalitionId == scope.CoalitionId)
                .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
            var revisions = await db.CatalogueEntryRevisions.AsNoTracking().Where(r => r.EntryId == id)
                .OrderByDescending(r => r.Version).ToListAsync(cancellationToken).ConfigureAwait(false);
            var userIds = revisions.Where(r => r.ChangedById is not null).Select(r => r.ChangedById!.Value).Distinct().ToList();
            var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
            var history = revisions.Select(r => new RevisionView(
                    r.Version, r.Change, r.ChangedAtUtc,
                    r.ChangedById is { } by && users.TryGetValue(by, out var name) ? name : null,
                    r.Name, names.GetValueOrDefault(r.ProviderOrganisationId, "?"), r.IsRetired))
                .ToList();
            var provider = names.GetValueOrDefault(entry.ProviderOrganisationId, "?");
            return new EntryView(entry.Id, CatalogueStore.Read(entry.InterventionJson) with { Provider = provider }, provider, entry.IsRetired, entry.Version,
                MayEditOwnEntries(actor) && entry.ProviderOrganisationId == scope.OrganisationId, history);
        }
    }
}
