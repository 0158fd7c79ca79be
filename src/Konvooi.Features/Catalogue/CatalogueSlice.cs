using Konvooi.Domain.Access;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Matching.Hsds;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Catalogue;

/// <summary>
/// The coalition's shared catalogue in the app: every organisation of the coalition reads it; only
/// coordinators of an entry's provider organisation create, edit and retire it. Every change is a new
/// version (earlier ones are kept) and an audit entry; stale edits are refused.
/// </summary>
public static class CatalogueSlice
{
    /// <param name="Search">Words in the name or description.</param>
    /// <param name="Aim">An aim code, or null for any.</param>
    /// <param name="Cause">A cause code the entry addresses, or null for any.</param>
    /// <param name="Setting">A setting code, or null for any.</param>
    /// <param name="IncludeRetired">Also list retired entries.</param>
    public sealed record Filter(string? Search = null, string? Aim = null, string? Cause = null, string? Setting = null, bool IncludeRetired = false);

    public sealed record EntrySummary(Guid Id, Intervention Intervention, string ProviderName, bool IsRetired, bool CanEdit);

    public sealed record ListView(IReadOnlyList<EntrySummary> Entries, int ActiveCount, string CatalogueVersion, bool CanCreate, string OrganisationName);

    public sealed record RevisionView(int Version, string Change, DateTime ChangedAtUtc, string? ChangedBy, string Name, string ProviderName, bool IsRetired);

    public sealed record EntryView(Guid Id, Intervention Intervention, string ProviderName, bool IsRetired, int Version, bool CanEdit, IReadOnlyList<RevisionView> History);

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Saved(Guid Id) : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Forbidden : Outcome;

        public sealed record Stale : Outcome;

        public sealed record Invalid(IReadOnlyList<FieldMessage> Problems) : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public bool MayEditOwnEntries => actor.Has(Permissions.CanEditOwnCatalogueEntries);

        public async Task<ListView?> ListAsync(Filter filter, CancellationToken cancellationToken)
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
                    MayEditOwnEntries && r.ProviderOrganisationId == scope.OrganisationId))
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
                await CatalogueStore.VersionAsync(db, scope.CoalitionId, cancellationToken).ConfigureAwait(false), MayEditOwnEntries, organisation);
        }

        /// <summary>One entry of the actor's coalition with its history; null when it is not in that coalition.</summary>
        public async Task<EntryView?> GetAsync(Guid id, CancellationToken cancellationToken)
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
                MayEditOwnEntries && entry.ProviderOrganisationId == scope.OrganisationId, history);
        }

        public async Task<Outcome> CreateAsync(CatalogueEntryInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            if (await CatalogueStore.ScopeAsync(db, actor, cancellationToken).ConfigureAwait(false) is not { } scope)
            {
                return new Outcome.NotFound();
            }

            if (!MayEditOwnEntries)
            {
                return new Outcome.Forbidden();
            }

            await CatalogueStore.EnsureSeededAsync(db, actor, time, scope.CoalitionId, null, cancellationToken).ConfigureAwait(false);
            var code = input.Code?.Trim() ?? string.Empty;
            var (intervention, problems) = input.ToIntervention(code);
            if (code.Length > 0 && await db.CatalogueEntries.AnyAsync(e => e.CoalitionId == scope.CoalitionId && e.Code == code, cancellationToken).ConfigureAwait(false))
            {
                problems = [.. problems, new FieldMessage(nameof(CatalogueEntryInput.Code), "Deze code is al in gebruik in de catalogus van de coalitie. Kies een andere code.")];
                intervention = null;
            }

            if (intervention is null)
            {
                return new Outcome.Invalid(problems);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var entry = CatalogueStore.NewEntry(scope.CoalitionId, scope.OrganisationId, intervention, now, actor.UserId);
            db.CatalogueEntries.Add(entry);
            db.CatalogueEntryRevisions.Add(CatalogueStore.RevisionOf(entry, CatalogueChanges.Created, actor.UserId, now));
            audit.Add(AuditActions.CatalogueCreate, nameof(CatalogueEntry), entry.Id, personId: null);
            try
            {
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // Another coordinator took the same code a moment ago.
                db.Entry(entry).State = EntityState.Detached;
                return new Outcome.Invalid([new FieldMessage(nameof(CatalogueEntryInput.Code), "Deze code is net door iemand anders in gebruik genomen. Kies een andere code.")]);
            }

            return new Outcome.Saved(entry.Id);
        }

        public Task<Outcome> UpdateAsync(Guid id, CatalogueEntryInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            return ChangeAsync(id, input.Version, CatalogueChanges.Updated, AuditActions.CatalogueUpdate, entry =>
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

        public Task<Outcome> RetireAsync(Guid id, int version, CancellationToken cancellationToken) =>
            ChangeAsync(id, version, CatalogueChanges.Retired, AuditActions.CatalogueRetire, entry =>
            {
                entry.IsRetired = true;
                return [];
            }, cancellationToken);

        /// <summary>The coalition's active catalogue as Open Referral HSDS 3.0 JSON; null without a coalition.</summary>
        public async Task<string?> ExportHsdsAsync(CancellationToken cancellationToken)
        {
            if (await CatalogueStore.ScopeAsync(db, actor, cancellationToken).ConfigureAwait(false) is not { } scope)
            {
                return null;
            }

            await CatalogueStore.EnsureSeededAsync(db, actor, time, scope.CoalitionId, null, cancellationToken).ConfigureAwait(false);
            return HsdsCatalogue.ExportJson(await MatchingSources.ActiveCatalogueAsync(db, scope.CoalitionId, cancellationToken).ConfigureAwait(false));
        }

        private async Task<Outcome> ChangeAsync(Guid id, int version, string change, string auditAction,
            Func<CatalogueEntry, IReadOnlyList<FieldMessage>> apply, CancellationToken cancellationToken)
        {
            if (await CatalogueStore.ScopeAsync(db, actor, cancellationToken).ConfigureAwait(false) is not { } scope)
            {
                return new Outcome.NotFound();
            }

            var entry = await db.CatalogueEntries
                .SingleOrDefaultAsync(e => e.Id == id && e.CoalitionId == scope.CoalitionId, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                return new Outcome.NotFound();
            }

            if (!MayEditOwnEntries || entry.ProviderOrganisationId != scope.OrganisationId)
            {
                return new Outcome.Forbidden();
            }

            if (entry.Version != version || entry.IsRetired)
            {
                return new Outcome.Stale();
            }

            var problems = apply(entry);
            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            var now = time.GetUtcNow().UtcDateTime;
            db.Entry(entry).Property(e => e.Version).OriginalValue = version;
            entry.Version = version + 1;
            entry.UpdatedAtUtc = now;
            entry.UpdatedById = actor.UserId;
            db.CatalogueEntryRevisions.Add(CatalogueStore.RevisionOf(entry, change, actor.UserId, now));
            audit.Add(auditAction, nameof(CatalogueEntry), entry.Id, personId: null);
            try
            {
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // A concurrency conflict, or a racing writer who stored the same revision number.
                return new Outcome.Stale();
            }

            return new Outcome.Saved(entry.Id);
        }
    }
}
