using System.ComponentModel.DataAnnotations;
using Konvooi.Domain.Common;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.People.Consents;

namespace Konvooi.Features.People;

/// <summary>Records a person's consent for one purpose.</summary>
public static class RecordConsent
{
    public sealed class RecordInput
    {
        [Required(ErrorMessage = "Kies waarvoor de toestemming is.")]
        [Display(Name = "Waarvoor")]
        public ConsentPurpose? Purpose { get; set; }

        [Required(ErrorMessage = "Vul de datum in waarop de toestemming is gegeven.")]
        [Display(Name = "Datum van toestemming")]
        public DateOnly? GivenOn { get; set; }
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(Guid personId, RecordInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return new Outcome.NotFound();
            }

            var now = time.GetUtcNow().UtcDateTime;
            if (input.GivenOn > DutchDate.Today(time))
            {
                return new Outcome.Invalid(nameof(RecordInput.GivenOn), "De datum kan niet in de toekomst liggen.");
            }

            var active = await db.Consents.AnyAsync(
                c => c.PersonId == personId && c.Purpose == input.Purpose && c.WithdrawnOn == null, cancellationToken).ConfigureAwait(false);
            if (active)
            {
                return new Outcome.Invalid(nameof(RecordInput.Purpose), "Voor dit doel is al toestemming vastgelegd. Trek die eerst in als er iets veranderd is.");
            }

            var consent = new Consent
            {
                Id = Guid.NewGuid(),
                PersonId = personId,
                OrganisationId = person.OrganisationId,
                Purpose = input.Purpose!.Value,
                GivenOn = input.GivenOn!.Value,
                RecordedById = actor.UserId!.Value, // a visible person implies a set actor
                RecordedAtUtc = now,
                Version = 1,
            };
            db.Consents.Add(consent);
            audit.Add(AuditActions.ConsentRecord, nameof(Consent), consent.Id, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Done();
        }
    }
}
