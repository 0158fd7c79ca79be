using System.ComponentModel.DataAnnotations;
using Konvooi.Domain.Common;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.People;

/// <summary>Record and withdraw consent per purpose. Withdrawal keeps the row (and its history).</summary>
public static class Consents
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

    public sealed class WithdrawInput
    {
        public Guid ConsentId { get; set; }

        public int Version { get; set; }

        [Required(ErrorMessage = "Vul de datum in waarop de toestemming is ingetrokken.")]
        [Display(Name = "Datum van intrekken")]
        public DateOnly? WithdrawnOn { get; set; }
    }

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Done : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Stale : Outcome;

        public sealed record Invalid(string Field, string Message) : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<Outcome> RecordAsync(Guid personId, RecordInput input, CancellationToken cancellationToken)
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

        public async Task<Outcome> WithdrawAsync(Guid personId, WithdrawInput input, CancellationToken cancellationToken)
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
