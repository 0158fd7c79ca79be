using Konvooi.Domain.Access;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.People;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Referrals;

/// <summary>
/// A coordinator accepts a signal: it becomes a new person record of the receiving organisation, or is linked to an
/// existing one found by the duplicate check. The consent the signaller recorded becomes the person's consent
/// "contact after a signal" (dated as given, recorded by the signaller).
/// </summary>
public static class AcceptSignal
{
    /// <summary>The new person's fields, prefilled from the signal; the age alone is not a date of birth.</summary>
    public static PersonInput NewPersonFrom(SignalRecord signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var words = (signal.Name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var address = (signal.Address ?? string.Empty).Trim();
        var split = address.LastIndexOf(' ');
        var hasNumber = split > 0 && char.IsAsciiDigit(address[(split + 1)..].FirstOrDefault());
        return new PersonInput
        {
            FirstName = words.Length > 0 ? words[0] : null,
            LastName = words.Length > 1 ? string.Join(' ', words[1..]) : null,
            DateOfBirth = signal.DateOfBirth,
            Street = hasNumber ? address[..split] : (address.Length > 0 ? address : null),
            HouseNumber = hasNumber ? address[(split + 1)..] : null,
            PostalCode = signal.Postcode,
            Phone = signal.Phone,
            PreferredLanguage = signal.PreferredLanguage,
        };
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, SignalScope scope)
    {
        /// <summary>
        /// Accepts the signal. With <c>existingPersonId</c> it links to that person of the organisation; otherwise it
        /// makes a new record from <c>newPerson</c>, which the page has validated (DataAnnotations).
        /// </summary>
        public async Task<IntakeOutcome> HandleAsync(Guid signalId, int expectedVersion, Guid? existingPersonId, PersonInput? newPerson, CancellationToken cancellationToken)
        {
            var (signal, refusal) = await scope.ForChangeAsync(signalId, expectedVersion, Permissions.CanWorkIntakeQueue, cancellationToken).ConfigureAwait(false);
            if (signal is null)
            {
                return refusal!;
            }

            if (signal.Kind != SignalKind.Signal)
            {
                return new IntakeOutcome.NotFound();
            }

            var now = time.GetUtcNow().UtcDateTime;
            Guid personId;
            if (existingPersonId is { } linked)
            {
                if (!await db.People.AnyAsync(p => p.Id == linked, cancellationToken).ConfigureAwait(false))
                {
                    return new IntakeOutcome.Refused("ExistingPersonId", "Kies een cliënt van uw eigen organisatie.");
                }

                personId = linked;
            }
            else
            {
                if (newPerson is null)
                {
                    return new IntakeOutcome.Refused("ExistingPersonId", "Kies een bestaande cliënt of vul de gegevens voor een nieuwe cliënt in.");
                }

                var person = new Person
                {
                    Id = Guid.NewGuid(),
                    OrganisationId = actor.OrganisationId!.Value,
                    FirstName = string.Empty,
                    LastName = string.Empty,
                    CreatedAtUtc = now,
                    UpdatedAtUtc = now,
                    Version = 1,
                };
                newPerson.ApplyTo(person);
                db.People.Add(person);
                audit.Add(AuditActions.Create, nameof(Person), person.Id, person.Id);
                personId = person.Id;
            }

            var accepted = Intake.Accept(SignalScope.ItemOf(signal), personId);
            if (!accepted.Succeeded)
            {
                return new IntakeOutcome.Refused("Version", accepted.Error!.Message);
            }

            var consent = new Consent
            {
                Id = Guid.NewGuid(),
                PersonId = personId,
                OrganisationId = signal.ReceivingOrganisationId,
                Purpose = ConsentPurpose.ContactAfterSignal,
                GivenOn = signal.ConsentGivenOn ?? signal.ReceivedOn,
                RecordedById = signal.SubmittedById,
                RecordedAtUtc = now,
                Version = 1,
            };
            db.Consents.Add(consent);
            audit.Add(AuditActions.ConsentRecord, nameof(Consent), consent.Id, personId);
            scope.Apply(signal, accepted.Item!, expectedVersion, "accepted", now, existingPersonId is null ? "nieuwe cliënt" : "bestaande cliënt");
            return await ReferralAuditActions.SaveAsync(audit, ReferralAuditActions.Accept, signal, cancellationToken).ConfigureAwait(false);
        }
    }
}
