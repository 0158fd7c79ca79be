using Konvooi.Domain.Access;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Catalogue;

/// <summary>
/// What the catalogue use cases share. Every organisation of the coalition reads the shared catalogue; only
/// coordinators of an entry's provider organisation create, edit and retire it. Every change is a new
/// version (earlier ones are kept) and an audit entry; stale edits are refused.
/// </summary>
public static class CatalogueEntries
{
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

    /// <summary>Whether the actor may create entries and edit those of their own organisation.</summary>
    internal static bool MayEditOwnEntries(CurrentActor actor) => actor.Has(Permissions.CanEditOwnCatalogueEntries);

    /// <summary>Applies a change to an entry of the actor's own organisation as a new version, refusing stale versions.</summary>
    internal static async Task<Outcome> ChangeAsync(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, Guid id, int version, string change, string auditAction,
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

        if (!MayEditOwnEntries(actor) || entry.ProviderOrganisationId != scope.OrganisationId)
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
