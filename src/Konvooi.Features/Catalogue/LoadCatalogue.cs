using Konvooi.Domain.Matching;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Catalogue;

/// <summary>
/// Loads an imported catalogue (already validated by the domain reader) into a coalition's catalogue,
/// all or nothing: each intervention's provider must be an organisation of the coalition (matched by
/// name); new ids become entries, changed ones a new version, entries missing from the file stay as they are.
/// </summary>
public static class LoadCatalogue
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Loaded(int Created, int Updated, int Unchanged, string CatalogueVersion) : Outcome;

        public sealed record Rejected(IReadOnlyList<string> Problems) : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(string coalitionName, InterventionCatalogue catalogue, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(coalitionName);
            ArgumentNullException.ThrowIfNull(catalogue);
            var coalitions = await db.Coalitions.AsNoTracking().Where(c => c.Name == coalitionName.Trim())
                .Select(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (coalitions.Count != 1)
            {
                return new Outcome.Rejected([$"--coalition: no coalition has this name (got '{coalitionName}')"]);
            }

            var coalitionId = coalitions[0];
            var organisations = await db.Organisations.AsNoTracking().Where(o => o.CoalitionId == coalitionId)
                .ToDictionaryAsync(o => o.Name, o => o.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
            var problems = new List<string>();
            for (var i = 0; i < catalogue.Interventions.Count; i++)
            {
                var intervention = catalogue.Interventions[i];
                var path = $"interventions[{i}] ({intervention.Id}).provider";
                if (string.IsNullOrWhiteSpace(intervention.Provider))
                {
                    problems.Add($"{path}: must name the provider organisation");
                }
                else if (!organisations.ContainsKey(intervention.Provider.Trim()))
                {
                    problems.Add($"{path}: is not an organisation of the coalition (got '{intervention.Provider}')");
                }
            }

            if (problems.Count > 0)
            {
                return new Outcome.Rejected(problems);
            }

            await CatalogueStore.EnsureSeededAsync(db, actor, time, coalitionId, null, cancellationToken).ConfigureAwait(false);
            var existing = await db.CatalogueEntries.Where(e => e.CoalitionId == coalitionId)
                .ToDictionaryAsync(e => e.Code, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow().UtcDateTime;
            int created = 0, updated = 0, unchanged = 0;
            foreach (var intervention in catalogue.Interventions)
            {
                var provider = organisations[intervention.Provider!.Trim()];
                var json = CatalogueStore.Write(intervention with { Provider = null });
                if (!existing.TryGetValue(intervention.Id, out var entry))
                {
                    entry = CatalogueStore.NewEntry(coalitionId, provider, intervention, now, actor.UserId);
                    db.CatalogueEntries.Add(entry);
                    created++;
                }
                else if (entry.InterventionJson == json && entry.ProviderOrganisationId == provider && !entry.IsRetired)
                {
                    unchanged++;
                    continue;
                }
                else
                {
                    db.Entry(entry).Property(e => e.Version).OriginalValue = entry.Version;
                    entry.Version++;
                    entry.Name = intervention.Name;
                    entry.InterventionJson = json;
                    entry.ProviderOrganisationId = provider;
                    entry.IsRetired = false;
                    entry.UpdatedAtUtc = now;
                    entry.UpdatedById = actor.UserId;
                    updated++;
                }

                db.CatalogueEntryRevisions.Add(CatalogueStore.RevisionOf(entry, CatalogueChanges.Loaded, actor.UserId, now));
                audit.Add(AuditActions.CatalogueLoad, nameof(CatalogueEntry), entry.Id, personId: null);
            }

            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Loaded(created, updated, unchanged, await CatalogueStore.VersionAsync(db, coalitionId, cancellationToken).ConfigureAwait(false));
        }
    }
}
