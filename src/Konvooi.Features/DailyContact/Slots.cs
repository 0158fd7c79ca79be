using System.ComponentModel.DataAnnotations;
using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.DailyContact;

/// <summary>
/// Slots as contacts see them, and confirming contact: a volunteer their own slots, a neighbour or family member
/// through their personal link, a coordinator for anyone.
/// </summary>
public static class Slots
{
    public sealed class ConfirmInput
    {
        [StringLength(SlotMachine.MaxNoteLength, ErrorMessage = "Houd de notitie kort: hoogstens 500 tekens.")]
        public string? Note { get; set; }

        public List<DifferenceSignal> Signals { get; set; } = [];
    }

    /// <summary>What a contact sees of one slot: never scores, health or network details.</summary>
    public sealed record ContactSlot(
        string Reference,
        DateOnly LocalDate,
        DateTime StartUtc,
        DateTime EndUtc,
        ContactForm Form,
        SlotStatus Status,
        bool IsAskedAsSecondContact,
        string FirstName,
        string? Address,
        string? Phone,
        IReadOnlyList<string> Topics,
        bool CanConfirm);

    /// <summary>A slot as the coordinator sees it (the target of the link in an alert e-mail).</summary>
    public sealed record Detail(
        Guid PersonId, string PersonName, SlotState State, string? ContactName, string? SecondContactName, DailyContactConfirmation? Confirmation,
        string? KeyHolderName = null, IReadOnlyList<string>? MayBeCalledNames = null);

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Confirmed(bool IsLate) : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Rejected(Error Error) : Outcome;

        public sealed record Resolved : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, UnfilteredAccess unfiltered, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        /// <summary>The signed-in volunteer's own slots from yesterday to <paramref name="days"/> days ahead (the query filter limits them).</summary>
        public async Task<IReadOnlyList<ContactSlot>> MineAsync(int days, CancellationToken cancellationToken)
        {
            if (actor.UserId is not { } userId)
            {
                return [];
            }

            var now = time.GetUtcNow().UtcDateTime;
            var rows = await db.DailyContactSlots.AsNoTracking()
                .Where(s => (s.ContactId == userId || (s.SecondContactId == userId && s.LastStep >= 2)) && s.EndUtc >= now.AddDays(-1) && s.StartUtc <= now.AddDays(days))
                .OrderBy(s => s.StartUtc)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return await ToContactSlotsAsync(rows, userId, now, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The slots of the contact behind a personal confirmation link, or null when the link is not valid.</summary>
        public async Task<IReadOnlyList<ContactSlot>?> ByLinkAsync(string? token, CancellationToken cancellationToken)
        {
            var stored = await CheckLinkAsync(token, TokenPurpose.ConfirmationLink, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return null;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var rows = await unfiltered.SlotsOfContactAsync(stored.OrganisationId, stored.ContactId, now.AddDays(-1), now.AddDays(7), cancellationToken).ConfigureAwait(false);
            return await ToContactSlotsAsync(rows, stored.ContactId, now, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The iCalendar feed of the contact behind a calendar link, or null when the link is not valid. It carries
        /// only slot references, times and a link into the app: no name, address or signal.
        /// </summary>
        public async Task<string?> FeedAsync(string? token, string baseUrl, string uidDomain, CancellationToken cancellationToken)
        {
            var stored = await CheckLinkAsync(token, TokenPurpose.CalendarFeed, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return null;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var rows = await unfiltered.SlotsOfContactAsync(stored.OrganisationId, stored.ContactId, now.AddDays(-7), now.AddDays(30), cancellationToken).ConfigureAwait(false);
            var link = new Uri(baseUrl.TrimEnd('/') + "/DailyContact/Mine");
            var events = CalendarFeed.EventsFor(rows.Select(r => DailyContactStore.ReadState(r).Slot), stored.ContactId, _ => link);
            return CalendarFeed.Build(events, now, uidDomain);
        }

        /// <summary>Confirms as the signed-in user: a volunteer for their own slot, a coordinator for anyone's.</summary>
        public async Task<Outcome> ConfirmAsync(string reference, ConfirmInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            if (actor.UserId is not { } userId || actor.Role is not { } role)
            {
                return new Outcome.NotFound();
            }

            Confirmer by = Permissions.CanRecordContactForOthers(role) ? new Confirmer.ByCoordinator(userId) : new Confirmer.ByContact(userId);
            if (!Permissions.CanRecordContactForOthers(role) && !Permissions.CanConfirmOwnDailyContact(role))
            {
                return new Outcome.NotFound();
            }

            for (var attempt = 0; attempt < 3; attempt++)
            {
                var row = await db.DailyContactSlots.SingleOrDefaultAsync(s => s.Reference == reference, cancellationToken).ConfigureAwait(false);
                if (row is null)
                {
                    return new Outcome.NotFound();
                }

                var outcome = await TryConfirmAsync(row, by, userId, input, cancellationToken).ConfigureAwait(false);
                if (outcome is not null)
                {
                    return outcome;
                }
            }

            return new Outcome.Rejected(new Error("daily-contact.busy", "Het lukte niet om het contact op te slaan. Probeer het opnieuw."));
        }

        /// <summary>Confirms through a personal link: only the link holder's own slots.</summary>
        public async Task<Outcome> ConfirmByLinkAsync(string? token, string reference, ConfirmInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var stored = await CheckLinkAsync(token, TokenPurpose.ConfirmationLink, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return new Outcome.NotFound();
            }

            for (var attempt = 0; attempt < 3; attempt++)
            {
                var now = time.GetUtcNow().UtcDateTime;
                var row = (await unfiltered.SlotsOfContactAsync(stored.OrganisationId, stored.ContactId, DateTime.MinValue, DateTime.MaxValue, cancellationToken).ConfigureAwait(false))
                    .FirstOrDefault(s => s.Reference == reference && s.StartUtc <= now.AddDays(7));
                if (row is null)
                {
                    return new Outcome.NotFound();
                }

                var outcome = await TryConfirmAsync(row, new Confirmer.ByContact(stored.ContactId), null, input, cancellationToken).ConfigureAwait(false);
                if (outcome is not null)
                {
                    return outcome;
                }
            }

            return new Outcome.Rejected(new Error("daily-contact.busy", "Het lukte niet om het contact op te slaan. Probeer het opnieuw."));
        }

        /// <summary>One slot with its log, for a coordinator; null when not found or not allowed.</summary>
        public async Task<Detail?> DetailAsync(string reference, CancellationToken cancellationToken)
        {
            if (!actor.Has(Permissions.CanRecordContactForOthers))
            {
                return null;
            }

            var row = await db.DailyContactSlots.AsNoTracking().SingleOrDefaultAsync(s => s.Reference == reference, cancellationToken).ConfigureAwait(false);
            var person = row is null ? null : await db.People.AsNoTracking().Where(p => p.Id == row.PersonId)
                .Select(p => p.FirstName + " " + p.LastName).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var arrangement = row is null ? null : await db.DailyContactArrangements.AsNoTracking()
                .SingleOrDefaultAsync(a => a.Id == row.ArrangementId, cancellationToken).ConfigureAwait(false);
            if (row is null || person is null || arrangement is null)
            {
                return null;
            }

            var read = DailyContactStore.ReadArrangement(arrangement);
            var contacts = read.Contacts;
            var confirmation = await db.DailyContactConfirmations.AsNoTracking().SingleOrDefaultAsync(c => c.SlotId == row.Id, cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.DailyContactSlotView, nameof(DailyContactSlot), row.Id, row.PersonId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            var state = SlotMachine.Advance(DailyContactStore.ReadState(row), time.GetUtcNow().UtcDateTime).State;
            return new Detail(
                row.PersonId,
                person,
                state,
                contacts.FirstOrDefault(c => c.Id == row.ContactId)?.FirstName,
                contacts.FirstOrDefault(c => c.Id == row.SecondContactId)?.FirstName,
                confirmation,
                contacts.FirstOrDefault(c => c.Id == read.Escalation.KeyHolderContactId)?.FirstName,
                contacts.Where(c => read.Escalation.MayBeCalled.Contains(c.Id)).Select(c => c.FirstName).ToList());
        }

        /// <summary>The coordinator closes a missed or escalated slot, for example after calling the person.</summary>
        public async Task<Outcome> ResolveAsync(string reference, string? note, CancellationToken cancellationToken)
        {
            if (!actor.Has(Permissions.CanRecordContactForOthers) || actor.UserId is not { } userId)
            {
                return new Outcome.NotFound();
            }

            var row = await db.DailyContactSlots.SingleOrDefaultAsync(s => s.Reference == reference, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return new Outcome.NotFound();
            }

            var now = time.GetUtcNow().UtcDateTime;
            var current = SlotMachine.Advance(DailyContactStore.ReadState(row), now).State;
            var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            if (trimmed is { Length: > SlotMachine.MaxNoteLength })
            {
                return new Outcome.Rejected(new Error("daily-contact.note-too-long", "Houd de notitie kort: hoogstens 500 tekens."));
            }

            var result = SlotMachine.Resolve(current, new Resolution(now, userId, trimmed));
            if (result is SlotCommandOutcome.Rejected rejected)
            {
                return new Outcome.Rejected(rejected.Error);
            }

            DailyContactStore.Apply(row, ((SlotCommandOutcome.Accepted)result).Transition.State, now);
            audit.Add(AuditActions.DailyContactResolve, nameof(DailyContactSlot), row.Id, row.PersonId);
            try
            {
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                return new Outcome.Rejected(new Error("daily-contact.changed", "Het contactmoment is net veranderd. Bekijk het opnieuw."));
            }

            return new Outcome.Resolved();
        }

        /// <summary>Null when someone else changed the slot first: the caller reloads and tries again.</summary>
        private async Task<Outcome?> TryConfirmAsync(DailyContactSlot row, Confirmer by, Guid? recordedBy, ConfirmInput input, CancellationToken cancellationToken)
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
            db.DailyContactOutbox.AddRange(transition.Actions.Select(a => DailyContactJob.ToOutbox(a, row, now)).OfType<DailyContactOutboxMessage>());
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

        private async Task<DailyContactToken?> CheckLinkAsync(string? token, TokenPurpose purpose, CancellationToken cancellationToken)
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

            var stored = new StoredToken(row.Id, Enum.Parse<TokenPurpose>(row.Purpose), row.ContactId, row.Hash, row.IssuedAtUtc, row.RevokedAtUtc);
            return AccessTokens.Verify(stored, token, purpose) == TokenCheck.Valid ? row : null;
        }

        private async Task<IReadOnlyList<ContactSlot>> ToContactSlotsAsync(List<DailyContactSlot> rows, Guid contactId, DateTime now, CancellationToken cancellationToken)
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
    }
}
