using System.ComponentModel.DataAnnotations;
using Konvooi.Domain.Common;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.People.Consents;

namespace Konvooi.Features.People;

/// <summary>Withdraws a consent; the row (and its history) is kept, and a stale version is refused.</summary>
public static class WithdrawConsent
{
    public sealed class WithdrawInput
    {
        public Guid ConsentId { get; set; }

        public int Version { get; set; }

        [Required(ErrorMessage = "Vul de datum in waarop de toestemming is ingetrokken.")]
        [Display(Name = "Datum van intrekken")]
        public DateOnly? WithdrawnOn { get; set; }
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(Guid personId, WithdrawInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var visible = await db.People.AnyAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false);
            var consent = visible
                ? await db.Consents.SingleOrDefaultAsync(c => c.Id == input.ConsentId && c.PersonId == personId, cancellationToken).ConfigureAwait(false)
                : null;
            if (consent is null)
            {
                return new Outcome.NotFound();
            }

            if (consent.Version != input.Version || consent.WithdrawnOn is not null)
            {
                return new Outcome.Stale();
            }

            var now = time.GetUtcNow().UtcDateTime;
            if (input.WithdrawnOn > DutchDate.Today(time))
            {
                return new Outcome.Invalid(nameof(WithdrawInput.WithdrawnOn), "De datum kan niet in de toekomst liggen.");
            }

            if (input.WithdrawnOn < consent.GivenOn)
            {
                return new Outcome.Invalid(nameof(WithdrawInput.WithdrawnOn), "De datum van intrekken ligt vóór de datum van toestemming.");
            }

            consent.WithdrawnOn = input.WithdrawnOn;
            consent.WithdrawnById = actor.UserId;
            consent.WithdrawnAtUtc = now;
            db.Entry(consent).Property(c => c.Version).OriginalValue = input.Version;
            consent.Version = input.Version + 1;
            audit.Add(AuditActions.ConsentWithdraw, nameof(Consent), consent.Id, personId);
            try
            {
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Outcome.Stale();
            }

            return new Outcome.Done();
        }
    }
}
