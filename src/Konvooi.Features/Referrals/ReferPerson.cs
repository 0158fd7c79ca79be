using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Konvooi.Features.Referrals;

/// <summary>
/// A welfare professional refers a person of their own organisation to another organisation of the coalition (for
/// example a buddy project run elsewhere). It needs the person's active consent "sharing with coalition partners by
/// referral"; the sender ticks, field by field, what is shared (<see cref="ReferralRules"/>). The referral lands in
/// the receiver's intake queue as a signal with source <see cref="SignalSource.Referral"/>; the receiver builds its
/// own record from it, records are never shared. Audited on the person's access history of the sender.
/// </summary>
public static class ReferPerson
{
    public sealed class Input
    {
        public Guid? ToOrganisationId { get; set; }

        /// <summary>Empty when nothing is ticked; the form opens with <see cref="ReferralFields.Defaults"/>.</summary>
        public List<string> Fields { get; set; } = [];

        public string? Request { get; set; }

        public SignalUrgency? Urgency { get; set; } = SignalUrgency.Routine;

        public string? PreferredApproach { get; set; }

        /// <summary>Made when the form is first shown; the same key twice sends one referral.</summary>
        public Guid IdempotencyKey { get; set; }
    }

    /// <summary>What the form shows: the values each field would share, the partners and whether consent is active.</summary>
    public sealed record Form(
        Guid CoalitionId,
        Guid PersonId,
        string PersonName,
        ReferralPersonFacts Facts,
        bool ConsentActive,
        DateOnly? ConsentGivenOn,
        IReadOnlyList<SignalScope.OrganisationOption> Partners);

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Sent(Guid SignalId) : Outcome;

        public sealed record Invalid(IReadOnlyList<FieldProblem> Problems) : Outcome;

        public sealed record NotFound : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, SignalScope scope, IOptions<IntakeOptions> options)
    {
        /// <summary>The form for a person the actor may see and refer; null (404) otherwise. Reading it is audited.</summary>
        public async Task<Form?> FormAsync(Guid personId, CancellationToken cancellationToken)
        {
            var form = await LoadAsync(personId, cancellationToken).ConfigureAwait(false);
            if (form is not null)
            {
                audit.Add(AuditActions.View, nameof(Person), personId, personId);
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return form;
        }

        public async Task<Outcome> SendAsync(Guid personId, Input input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var form = await LoadAsync(personId, cancellationToken).ConfigureAwait(false);
            if (form is null)
            {
                return new Outcome.NotFound();
            }

            if (input.IdempotencyKey == Guid.Empty)
            {
                return new Outcome.Invalid([new FieldProblem(nameof(Input.IdempotencyKey), "Het formulier is niet volledig geladen. Open het opnieuw.")]);
            }

            if (await SignalStore.SentWithKeyAsync(db, actor.UserId, input.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return new Outcome.Sent(existing);
            }

            var draft = new ReferralDraft
            {
                ToOrganisationId = input.ToOrganisationId,
                Fields = input.Fields,
                Request = input.Request,
                Urgency = input.Urgency,
                PreferredApproach = input.PreferredApproach,
            };
            var (problems, shared) = ReferralRules.Check(draft, form.Facts, actor.OrganisationId!.Value, form.Partners.Select(p => p.Id).ToHashSet(), form.ConsentActive);
            if (shared is null)
            {
                return new Outcome.Invalid(problems);
            }

            var today = DutchDate.Today(time);
            var now = time.GetUtcNow().UtcDateTime;
            var urgency = input.Urgency!.Value;
            var signal = new SignalRecord
            {
                Id = Guid.NewGuid(),
                CoalitionId = form.CoalitionId,
                Kind = SignalKind.Signal,
                Source = SignalSource.Referral,
                SourceOrganisationId = actor.OrganisationId!.Value,
                SubmittedById = actor.UserId!.Value,
                SubmittedAtUtc = now,
                IdempotencyKey = input.IdempotencyKey,
                ReceivingOrganisationId = input.ToOrganisationId!.Value,
                RoutingBasis = RoutingBasis.ChosenBySender,
                ReceivedOn = today,
                Deadline = IntakeDeadlines.Deadline(today, urgency, options.Value.Deadlines),
                Urgency = urgency,
                State = IntakeState.Received,
                Name = shared.Name,
                DateOfBirth = shared.DateOfBirth,
                Address = shared.Address,
                Postcode = shared.Postcode,
                WijkCode = shared.WijkCode,
                Phone = shared.Phone,
                PreferredLanguage = shared.PreferredLanguage,
                Observation = input.Request!.Trim(),
                ConsentToContact = true,
                ConsentGivenOn = form.ConsentGivenOn,
                PreferredApproach = string.IsNullOrWhiteSpace(input.PreferredApproach) ? null : input.PreferredApproach.Trim(),

                // The person agreed to sharing by referral; the sender follows the status (never the content).
                MayHearBack = true,
                SourcePersonId = personId,
                SharedFields = string.Join(' ', shared.Fields),
                Version = 1,
            };
            db.Signals.Add(signal);
            db.AddSignalEvent(signal.Id, "referred", now, signal.SubmittedById, signal.SourceOrganisationId, to: signal.ReceivingOrganisationId);
            audit.Add(ReferralAuditActions.Refer, ReferralAuditActions.Entity, signal.Id, personId);
            return new Outcome.Sent(await SignalStore.SaveOnceAsync(db, audit, signal, cancellationToken).ConfigureAwait(false));
        }

        private async Task<Form?> LoadAsync(Guid personId, CancellationToken cancellationToken)
        {
            if (!actor.Has(Permissions.CanReferToPartners))
            {
                return null;
            }

            var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { p.Id, p.FirstName, p.LastName, p.DateOfBirth, p.Street, p.HouseNumber, p.PostalCode, p.Wijk, p.Phone, p.PreferredLanguage })
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return null;
            }

            var today = DutchDate.Today(time);
            var consent = await db.Consents.AsNoTracking()
                .Where(c => c.PersonId == personId && c.Purpose == ConsentPurpose.SharingByReferral && c.WithdrawnOn == null && c.GivenOn <= today)
                .OrderByDescending(c => c.GivenOn)
                .Select(c => (DateOnly?)c.GivenOn)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var coalitionId = (await scope.CoalitionIdAsync(cancellationToken).ConfigureAwait(false))!.Value;
            var wijken = await scope.WijkenAsync(coalitionId, cancellationToken).ConfigureAwait(false);
            var wijkCode = person.Wijk is { Length: > 0 } w
                ? wijken.FirstOrDefault(x => string.Equals(x.Code, w.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(x.Name, w.Trim(), StringComparison.OrdinalIgnoreCase)).Code
                : null;
            var street = string.Join(' ', new[] { person.Street, person.HouseNumber }.Where(x => !string.IsNullOrWhiteSpace(x)));
            var name = $"{person.FirstName} {person.LastName}";
            var facts = new ReferralPersonFacts(
                name,
                person.DateOfBirth,
                street.Length > 0 ? street : null,
                person.PostalCode,
                wijkCode,
                person.Phone,
                person.PreferredLanguage);
            var partners = await scope.PartnersAsync(coalitionId, cancellationToken).ConfigureAwait(false);
            return new Form(coalitionId, person.Id, name, facts, consent is not null, consent, partners);
        }
    }
}
