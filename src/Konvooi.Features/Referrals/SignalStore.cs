using Microsoft.EntityFrameworkCore;
using Konvooi.Features.Audit;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Data;

namespace Konvooi.Features.Referrals;

/// <summary>
/// How a new signal is stored, whatever brought it in (the form, a FHIR import): routed by the coalition's routing
/// table (<see cref="Routing"/>), given its deadline (<see cref="IntakeDeadlines"/>), personal fields kept only on a
/// signal (never on an advice request), and its first history event, "received".
/// </summary>
public static class SignalStore
{
    /// <summary>Who brought the signal in and when.</summary>
    /// <param name="Source">Form or import.</param>
    /// <param name="OrganisationId">The sender's organisation (for an import: the importing user's).</param>
    /// <param name="UserId">The sender (for an import: the importing user).</param>
    /// <param name="IdempotencyKey">The form's key, or the key derived from the imported identifier.</param>
    /// <param name="NowUtc">The time of receipt.</param>
    /// <param name="Today">The Dutch date of receipt (<c>DutchDate.Today</c>).</param>
    public sealed record Origin(SignalSource Source, Guid OrganisationId, Guid UserId, Guid IdempotencyKey, DateTime NowUtc, DateOnly Today);

    /// <summary>
    /// Adds a signal made from a draft that <see cref="SignalValidator"/> accepted, with its "received" event, to
    /// <paramref name="db"/> (not saved). Without a lead organisation, unrouted signals go to the sender's organisation.
    /// </summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static SignalRecord Add(KonvooiDbContext db, SignalDraft draft, SignalScope.CoalitionFacts coalition, Origin origin, IntakeDeadlineSettings deadlines, string? eventNote = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(coalition);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(deadlines);
        var postcode = Postcodes.Digits(draft.Postcode);
        var wijk = string.IsNullOrWhiteSpace(draft.WijkCode) ? null : draft.WijkCode.Trim().ToUpperInvariant();
        var lead = coalition.LeadOrganisationId ?? origin.OrganisationId;
        var route = Routing.Route(coalition.Rules, lead, postcode, wijk);
        var urgency = draft.Kind == SignalKind.AdviceRequest ? SignalUrgency.Routine : draft.Urgency!.Value;
        var isSignal = draft.Kind == SignalKind.Signal;
        var signal = new SignalRecord
        {
            Id = Guid.NewGuid(),
            CoalitionId = coalition.CoalitionId,
            Kind = draft.Kind,
            Source = origin.Source,
            SourceOrganisationId = origin.OrganisationId,
            SubmittedById = origin.UserId,
            SubmittedAtUtc = origin.NowUtc,
            IdempotencyKey = origin.IdempotencyKey,
            ReceivingOrganisationId = route.OrganisationId,
            RoutingBasis = route.Basis,
            ReceivedOn = origin.Today,
            Deadline = IntakeDeadlines.Deadline(origin.Today, urgency, deadlines),
            Urgency = urgency,
            State = IntakeState.Received,
            Name = isSignal ? Clean(draft.Name) : null,
            DateOfBirth = isSignal ? draft.DateOfBirth : null,
            Age = isSignal ? draft.Age : null,
            Address = isSignal ? Clean(draft.Address) : null,
            Postcode = isSignal ? Postcodes.Normalise(draft.Postcode) : null,
            WijkCode = wijk,
            Phone = isSignal ? Clean(draft.Phone) : null,
            PreferredLanguage = isSignal ? Clean(draft.PreferredLanguage) : null,
            Signs = string.Join(' ', draft.Signs.Distinct(StringComparer.Ordinal)),
            Observation = Clean(draft.Observation),
            ConsentToContact = isSignal && draft.ConsentToContact == true,
            ConsentGivenOn = isSignal ? draft.ConsentGivenOn : null,
            PreferredApproach = isSignal ? Clean(draft.PreferredApproach) : null,
            MayHearBack = isSignal && draft.MayHearBack,
            Version = 1,
        };
        db.Signals.Add(signal);
        db.AddSignalEvent(signal.Id, "received", origin.NowUtc, origin.UserId, origin.OrganisationId, eventNote, to: signal.ReceivingOrganisationId);
        return signal;
    }

    /// <summary>The signal this user already sent with this form key, if any (a double submit or a resubmitted form).</summary>
    public static Task<Guid?> SentWithKeyAsync(KonvooiDbContext db, Guid? userId, Guid key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Signals.AsNoTracking()
            .Where(s => s.SubmittedById == userId && s.IdempotencyKey == key)
            .Select(s => (Guid?)s.Id)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Saves a new signal with the pending audit entries. When another request stored the same form (same user and
    /// key) at the same moment, the unique index refuses this one: the id of the stored signal is returned instead.
    /// </summary>
    public static async Task<Guid> SaveOnceAsync(KonvooiDbContext db, AuditLog audit, SignalRecord signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(signal);
        try
        {
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return signal.Id;
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<SignalRecord>().Any())
        {
            db.ChangeTracker.Clear();
            return await SentWithKeyAsync(db, signal.SubmittedById, signal.IdempotencyKey, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The signal could not be stored.");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
