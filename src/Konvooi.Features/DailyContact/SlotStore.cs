using Konvooi.Domain.Common;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.DailyContact.SlotViews;

namespace Konvooi.Features.DailyContact;

/// <summary>Helpers the slot use cases share: checking a personal link, a contact's view of slots, and confirming.</summary>
internal static class SlotStore
{
    /// <summary>
    /// The stored token behind a personal link, or null when the link is not valid for <paramref name="purpose"/> at
    /// <paramref name="nowUtc"/>: revoked, expired, or its contact no longer in an arrangement of the organisation that
    /// has not ended (the link is then revoked automatically, issue #17 finding 1).
    /// </summary>
    public static async Task<DailyContactToken?> CheckLinkAsync(this UnfilteredAccess unfiltered, string? token, TokenPurpose purpose, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (!AccessTokens.IsWellFormed(token))
        {
            return null;
        }

        var row = await unfiltered.TokenByHashAsync(AccessTokens.Hash(token), cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var stored = new StoredToken(row.Id, Enum.Parse<TokenPurpose>(row.Purpose), row.ContactId, row.Hash, row.IssuedAtUtc, row.RevokedAtUtc, row.ExpiresAtUtc);
        if (AccessTokens.Verify(stored, token, purpose, nowUtc) != TokenCheck.Valid)
        {
            return null;
        }

        if (!await unfiltered.IsActiveContactAsync(row.OrganisationId, row.ContactId, DutchDate.Of(nowUtc), cancellationToken).ConfigureAwait(false))
        {
            await unfiltered.RevokeTokenAsync(row.Id, nowUtc, cancellationToken).ConfigureAwait(false);
            return null;
        }

        return row;
    }

    /// <summary>The slots as <paramref name="contactId"/> sees them; every slot shown is audited.</summary>
    public static async Task<IReadOnlyList<ContactSlot>> ToContactSlotsAsync(
        UnfilteredAccess unfiltered, AuditLog audit, List<DailyContactSlot> rows, Guid contactId, DateTime now, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var cards = await unfiltered.PersonCardsAsync(rows, cancellationToken).ConfigureAwait(false);
        var topics = await unfiltered.TopicsAsync(rows, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            audit.Add(AuditActions.DailyContactSlotView, nameof(DailyContactSlot), row.Id, row.PersonId);
        }

        await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(row =>
        {
            var state = SlotMachine.Advance(DailyContactStore.ReadState(row), now).State;
            var card = cards.TryGetValue(row.PersonId, out var found) ? found : new SlotPersonCard(row.PersonId, "?", null, null);
            return new ContactSlot(
                row.Reference,
                row.LocalDate,
                row.StartUtc,
                row.EndUtc,
                state.Slot.Form,
                state.Status,
                row.ContactId != contactId,
                card.FirstName,
                card.Address,
                card.Phone,
                topics.TryGetValue(row.ArrangementId, out var t) ? t : [],
                !state.IsClosed && now >= row.StartUtc && SlotMachine.MayConfirm(state, contactId));
        }).ToList();
    }

    /// <summary>
    /// Confirms the slot that <paramref name="load"/> finds, reloading and trying again (three times at most) when
    /// someone else changed it first.
    /// </summary>
    public static async Task<Outcome> ConfirmWithRetriesAsync(
        KonvooiDbContext db,
        AuditLog audit,
        TimeProvider time,
        Func<Task<DailyContactSlot?>> load,
        Confirmer by,
        Guid? recordedBy,
        ConfirmInput input,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var row = await load().ConfigureAwait(false);
            if (row is null)
            {
                return new Outcome.NotFound();
            }

            var outcome = await TryConfirmAsync(db, audit, time, row, by, recordedBy, input, cancellationToken).ConfigureAwait(false);
            if (outcome is not null)
            {
                return outcome;
            }
        }

        return new Outcome.Rejected(new Error("daily-contact.busy", "Het lukte niet om het contact op te slaan. Probeer het opnieuw."));
    }

    /// <summary>Null when someone else changed the slot first: the caller reloads and tries again.</summary>
    private static async Task<Outcome?> TryConfirmAsync(
        KonvooiDbContext db, AuditLog audit, TimeProvider time, DailyContactSlot row, Confirmer by, Guid? recordedBy, ConfirmInput input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;

        // Bring the state up to now first, so a late confirmation knows which escalation steps were taken.
        var current = SlotMachine.Advance(DailyContactStore.ReadState(row), now).State;
        var signals = input.Signals.ToHashSet();
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var result = SlotMachine.Confirm(current, new Confirmation(now, by, note, signals));
        if (result is SlotCommandOutcome.Rejected rejected)
        {
            db.ChangeTracker.Clear();
            return new Outcome.Rejected(rejected.Error);
        }

        var transition = ((SlotCommandOutcome.Accepted)result).Transition;
        DailyContactStore.Apply(row, transition.State, now);
        db.DailyContactConfirmations.Add(new DailyContactConfirmation
        {
            Id = Guid.NewGuid(),
            SlotId = row.Id,
            PersonId = row.PersonId,
            OrganisationId = row.OrganisationId,
            LocalDate = row.LocalDate,
            ConfirmedAtUtc = now,
            IsLate = transition.State.Status == SlotStatus.ConfirmedLate,
            ContactId = (by as Confirmer.ByContact)?.ContactId,
            RecordedById = recordedBy,
            Note = note,
            Signals = DailyContactStore.SignalsText(signals),
            HasSignals = signals.Count > 0,
        });
        db.Outbox.AddRange(transition.Actions.Select(a => DailyContactJob.ToOutbox(a, row, now)).OfType<OutboxMessage>());
        audit.Add(AuditActions.DailyContactConfirm, nameof(DailyContactSlot), row.Id, row.PersonId);
        try
        {
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // The job took a step or someone confirmed in the meantime: reload and decide again.
            db.ChangeTracker.Clear();
            return null;
        }

        return new Outcome.Confirmed(transition.State.Status == SlotStatus.ConfirmedLate);
    }
}
