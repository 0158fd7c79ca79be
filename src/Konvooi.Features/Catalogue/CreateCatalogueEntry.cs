using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Catalogue.CatalogueEntries;

namespace Konvooi.Features.Catalogue;

/// <summary>Adds an entry offered by the actor's own organisation to the coalition's catalogue.</summary>
public static class CreateCatalogueEntry
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(CatalogueEntryInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            if (await CatalogueStore.ScopeAsync(db, actor, cancellationToken).ConfigureAwait(false) is not { } scope)
            {
                return new Outcome.NotFound();
            }

            if (!MayEditOwnEntries(actor))
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
    }
}
