using Konvooi.Domain.Access;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.People;

/// <summary>Create or edit a person record. Stale edits are refused, never silently overwritten.</summary>
public static class SavePerson
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Saved(Guid Id) : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Stale : Outcome;

        public sealed record Forbidden : Outcome;

        public sealed record Invalid(string Field, string Message) : Outcome;
    }

    public sealed record StaffOption(Guid UserId, string DisplayName);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        /// <summary>Staff of the actor's organisation who can be responsible for a person.</summary>
        public async Task<IReadOnlyList<StaffOption>> ResponsibleOptionsAsync(CancellationToken cancellationToken)
        {
            var organisationId = actor.OrganisationId;
            return await db.Memberships.AsNoTracking()
                .Where(m => m.OrganisationId == organisationId && (m.Role == Role.Professional || m.Role == Role.Coordinator))
                .OrderBy(m => m.User!.DisplayName)
                .Select(m => new StaffOption(m.UserId, m.User!.DisplayName))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Whether the actor may see (and so edit) this person.</summary>
        public Task<bool> IsVisibleAsync(Guid id, CancellationToken cancellationToken) =>
            db.People.AnyAsync(p => p.Id == id, cancellationToken);

        public async Task<Outcome> CreateAsync(PersonInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            if (!actor.Has(Permissions.CanCreatePeople))
            {
                return new Outcome.Forbidden();
            }

            var (responsibleId, problem) = await ResolveResponsibleAsync(input.ResponsibleProfessionalId, null, isNew: true, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var person = new Person
            {
                Id = Guid.NewGuid(),
                OrganisationId = actor.OrganisationId!.Value, // Has() above implies a set actor.
                FirstName = string.Empty,
                LastName = string.Empty,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                Version = 1,
                ResponsibleProfessionalId = responsibleId,
            };
            input.ApplyTo(person);
            db.People.Add(person);
            audit.Add(AuditActions.Create, nameof(Person), person.Id, person.Id);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Saved(person.Id);
        }

        public async Task<Outcome> UpdateAsync(Guid id, PersonInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var person = await db.People.SingleOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return new Outcome.NotFound();
            }

            if (person.Version != input.Version)
            {
                return new Outcome.Stale();
            }

            var (responsibleId, problem) = await ResolveResponsibleAsync(input.ResponsibleProfessionalId, person.ResponsibleProfessionalId, isNew: false, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            input.ApplyTo(person);
            person.ResponsibleProfessionalId = responsibleId;
            person.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
            // The row is updated only if it still has the version the form was loaded with.
            db.Entry(person).Property(p => p.Version).OriginalValue = input.Version;
            person.Version = input.Version + 1;
            audit.Add(AuditActions.Update, nameof(Person), person.Id, person.Id);
            try
            {
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Outcome.Stale();
            }

            return new Outcome.Saved(person.Id);
        }

        /// <summary>
        /// Coordinators choose the responsible professional. A professional becomes responsible only when creating the
        /// record (otherwise they could not see it); on an update the current choice stays as it is, even when nobody is
        /// responsible: saving the form of a person one is assigned to must not make one responsible (issue #17,
        /// finding 7; docs/permissions.md).
        /// </summary>
        private async Task<(Guid? Id, Outcome.Invalid? Problem)> ResolveResponsibleAsync(Guid? requested, Guid? current, bool isNew, CancellationToken cancellationToken)
        {
            if (!actor.Has(Permissions.CanAssignProfessionals))
            {
                return (isNew ? actor.UserId : current, null);
            }

            if (requested is null)
            {
                return (null, null);
            }

            var options = await ResponsibleOptionsAsync(cancellationToken).ConfigureAwait(false);
            return options.Any(o => o.UserId == requested)
                ? (requested, null)
                : (null, new Outcome.Invalid(nameof(PersonInput.ResponsibleProfessionalId), "Kies een medewerker van uw eigen organisatie."));
        }
    }
}
