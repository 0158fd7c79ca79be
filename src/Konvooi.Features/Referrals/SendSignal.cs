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
/// A signaller sends a signal (with the person's consent) or an anonymous advice request (without). The server
/// applies <see cref="SignalValidator"/>, routes the signal (<see cref="Routing"/>) and sets its deadline; the form's
/// idempotency key makes a double submit one signal.
/// </summary>
public static class SendSignal
{
    public sealed class Input
    {
        public SignalKind Kind { get; set; } = SignalKind.Signal;

        public string? Name { get; set; }

        public DateOnly? DateOfBirth { get; set; }

        public int? Age { get; set; }

        public string? Address { get; set; }

        public string? Postcode { get; set; }

        public string? WijkCode { get; set; }

        public string? Phone { get; set; }

        public string? PreferredLanguage { get; set; }

        public List<string> Signs { get; set; } = [];

        public string? Observation { get; set; }

        public SignalUrgency? Urgency { get; set; }

        public bool? ConsentToContact { get; set; }

        public DateOnly? ConsentGivenOn { get; set; }

        public string? PreferredApproach { get; set; }

        public bool MayHearBack { get; set; }

        public bool NoPersonalDataConfirmed { get; set; }

        /// <summary>Made when the form is first shown; the same key twice stores one signal.</summary>
        public Guid IdempotencyKey { get; set; }

        public SignalDraft ToDraft() => new()
        {
            Kind = Kind,
            Name = Name,
            DateOfBirth = DateOfBirth,
            Age = Age,
            Address = Address,
            Postcode = Postcode,
            WijkCode = WijkCode,
            Phone = Phone,
            PreferredLanguage = PreferredLanguage,
            Signs = Signs,
            Observation = Observation,
            Urgency = Urgency,
            ConsentToContact = ConsentToContact,
            ConsentGivenOn = ConsentGivenOn,
            PreferredApproach = PreferredApproach,
            MayHearBack = MayHearBack,
            NoPersonalDataConfirmed = NoPersonalDataConfirmed,
        };
    }

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Sent(Guid Id, SignalKind Kind, SignalUrgency Urgency) : Outcome;

        public sealed record Invalid(IReadOnlyList<FieldProblem> Problems, IReadOnlyList<FieldProblem> Warnings) : Outcome;

        public sealed record Forbidden : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, SignalScope scope, IOptions<IntakeOptions> options)
    {
        /// <summary>The coalition's wijken for the form's list.</summary>
        public async Task<IReadOnlyList<(string Code, string Name)>> WijkenAsync(CancellationToken cancellationToken)
        {
            var coalition = await scope.CoalitionAsync(cancellationToken).ConfigureAwait(false);
            return coalition is null ? [] : await scope.WijkenAsync(coalition.CoalitionId, cancellationToken).ConfigureAwait(false);
        }

        public async Task<Outcome> SendAsync(Input input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            if (!actor.Has(Permissions.CanSendSignals))
            {
                return new Outcome.Forbidden();
            }

            if (input.IdempotencyKey == Guid.Empty)
            {
                return new Outcome.Invalid([new FieldProblem(nameof(Input.IdempotencyKey), "Het formulier is niet volledig geladen. Open het opnieuw.")], []);
            }

            if (await ExistingAsync(input.IdempotencyKey, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return existing;
            }

            var coalition = (await scope.CoalitionAsync(cancellationToken).ConfigureAwait(false))!;
            var today = DutchDate.Today(time);
            var draft = input.ToDraft();
            var check = SignalValidator.Validate(draft, today, coalition.WijkCodes);
            if (!check.CanBeStored)
            {
                return new Outcome.Invalid(check.Problems, check.Warnings);
            }

            var origin = new SignalStore.Origin(SignalSource.Form, actor.OrganisationId!.Value, actor.UserId!.Value, input.IdempotencyKey, time.GetUtcNow().UtcDateTime, today);
            var signal = SignalStore.Add(db, draft, coalition, origin, options.Value.Deadlines);
            audit.Add(ReferralAuditActions.Send, ReferralAuditActions.Entity, signal.Id, null);
            var storedId = await SignalStore.SaveOnceAsync(db, audit, signal, cancellationToken).ConfigureAwait(false);
            if (storedId != signal.Id)
            {
                // The same form was submitted twice at once and the other request stored it.
                return (await ExistingAsync(input.IdempotencyKey, cancellationToken).ConfigureAwait(false))!;
            }

            return new Outcome.Sent(signal.Id, signal.Kind, signal.Urgency);
        }

        private async Task<Outcome.Sent?> ExistingAsync(Guid key, CancellationToken cancellationToken)
        {
            var userId = actor.UserId;
            var existing = await db.Signals.AsNoTracking()
                .Where(s => s.SubmittedById == userId && s.IdempotencyKey == key)
                .Select(s => new { s.Id, s.Kind, s.Urgency })
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return existing is null ? null : new Outcome.Sent(existing.Id, existing.Kind, existing.Urgency);
        }
    }
}
