using Konvooi.Domain.DailyContact;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Konvooi.Features.DailyContact;

/// <summary>
/// One run of the daily contact job: create the slots that are due, walk the escalation ladder of every open slot
/// and send the outbox. Safe to run from several app instances at once: slots are unique per arrangement and day,
/// a slot state is only stored when its last step and version are unchanged, and each action key is unique in
/// the outbox. Safe to run late: <see cref="SlotMachine.Advance"/> catches up on every missed step exactly once.
/// </summary>
public sealed partial class DailyContactJob(
    KonvooiDbContext db,
    UnfilteredAccess unfiltered,
    IDailyContactMailer mailer,
    IOptions<DailyContactOptions> options,
    TimeProvider time,
    ILogger<DailyContactJob> logger)
{
    private static readonly TimeSpan SendLease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60)];

    public sealed record RunResult(int SlotsCreated, int SlotsAdvanced, int ActionsQueued, int EmailsSent, int EmailsFailed);

    public async Task<RunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var created = await CreateSlotsAsync(now, cancellationToken).ConfigureAwait(false);
        var (advanced, queued) = await AdvanceSlotsAsync(now, cancellationToken).ConfigureAwait(false);
        var (sent, failed) = await SendOutboxAsync(now, cancellationToken).ConfigureAwait(false);
        return new RunResult(created, advanced, queued, sent, failed);
    }

    private async Task<int> CreateSlotsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var zone = LocalTime.Amsterdam();
        var today = LocalTime.LocalDate(now, zone);
        var from = today.AddDays(-options.Value.CatchUpDays);
        var to = today.AddDays(options.Value.HorizonDays - 1);
        var created = 0;
        foreach (var row in await unfiltered.ArrangementsRunningAsync(from, to, cancellationToken).ConfigureAwait(false))
        {
            var arrangement = DailyContactStore.ReadArrangement(row);
            var existing = (await unfiltered.SlotReferencesAsync(row.Id, from, to, cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            var missing = SlotGenerator.Generate(arrangement, from, to, zone)
                .Where(s => !existing.Contains(s.Reference) && s.EndUtc > row.CreatedAtUtc)
                .ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            db.DailyContactSlots.AddRange(missing.Select(s => DailyContactStore.NewSlotRow(s, row.OrganisationId, now)));
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                created += missing.Count;
            }
            catch (DbUpdateException)
            {
                // Another instance created (some of) these slots at the same moment; the next run fills any rest.
                LogSlotsRace(row.Id);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return created;
    }

    private async Task<(int Advanced, int Queued)> AdvanceSlotsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var advanced = 0;
        var queued = 0;
        var open = await unfiltered.OpenSlotsStartedAsync(now, cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        foreach (var id in open.Select(s => s.Id))
        {
            var row = await unfiltered.SlotAsync(id, cancellationToken).ConfigureAwait(false);
            if (row is null || row.IsClosed)
            {
                continue;
            }

            var before = DailyContactStore.ReadState(row);
            var transition = SlotMachine.Advance(before, now);
            if (transition.State.Status == before.Status && transition.State.LastStep == before.LastStep)
            {
                db.ChangeTracker.Clear();
                continue;
            }

            DailyContactStore.Apply(row, transition.State, now);
            var messages = transition.Actions.Select(a => ToOutbox(a, row, now)).OfType<DailyContactOutboxMessage>().ToList();
            db.DailyContactOutbox.AddRange(messages);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                advanced++;
                queued += messages.Count;
                foreach (var logged in transition.State.Log.Skip(before.Log.Count))
                {
                    LogSlotEvent(row.Reference, logged.Kind, logged.DueAtUtc, logged.HandledAtUtc);
                }
            }
            catch (DbUpdateException)
            {
                // A confirmation or another instance changed the slot first (its last step or version moved, or
                // the action key already exists): that writer's state stands, and this run sends nothing for it.
                LogSlotRace(row.Reference);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return (advanced, queued);
    }

    /// <summary>Turns a notify action into an outbox row; follow-up flags live on the confirmation, not in the outbox.</summary>
    internal static DailyContactOutboxMessage? ToOutbox(SlotAction action, DailyContactSlot row, DateTime now) => action switch
    {
        SlotAction.NotifyContact c => NewMessage(action, row, now, c.Reason, c.ContactId),
        SlotAction.NotifyCoordinator c => NewMessage(action, row, now, c.Reason, null),
        _ => null,
    };

    private static DailyContactOutboxMessage NewMessage(SlotAction action, DailyContactSlot row, DateTime now, NotifyReason reason, Guid? contactId) => new()
    {
        Id = Guid.NewGuid(),
        ActionKey = action.Key,
        OrganisationId = row.OrganisationId,
        PersonId = row.PersonId,
        SlotReference = row.Reference,
        Reason = reason.ToString(),
        ContactId = contactId,
        CreatedAtUtc = now,
        NextAttemptUtc = now,
    };

    private async Task<(int Sent, int Failed)> SendOutboxAsync(DateTime now, CancellationToken cancellationToken)
    {
        var sent = 0;
        var failed = 0;
        foreach (var id in await unfiltered.OutboxDueAsync(now, cancellationToken).ConfigureAwait(false))
        {
            if (!await unfiltered.ClaimAsync(id, now, SendLease, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var message = await unfiltered.OutboxMessageAsync(id, cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                continue;
            }

            message.Attempts++;
            try
            {
                var recipients = await RecipientsAsync(message, cancellationToken).ConfigureAwait(false);
                if (recipients.Count == 0)
                {
                    throw new DailyContactMailException("Er is geen e-mailadres bekend voor de ontvanger.");
                }

                await mailer.SendAsync(DailyContactEmailText.Compose(recipients, message.Reason, message.SlotReference, options.Value.BaseUrl, message.ContactId is null), cancellationToken).ConfigureAwait(false);
                message.SentAtUtc = time.GetUtcNow().UtcDateTime;
                message.LastError = null;
                sent++;
                LogEmailSent(message.SlotReference, message.ActionKey);
            }
            catch (DailyContactMailException ex)
            {
                failed++;
                message.LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                if (message.Attempts >= options.Value.MaxSendAttempts)
                {
                    message.GaveUpAtUtc = now;
                }
                else
                {
                    message.NextAttemptUtc = now + Backoff[Math.Min(message.Attempts - 1, Backoff.Length - 1)];
                }

                LogEmailFailed(message.SlotReference, message.ActionKey, message.Attempts, ex.Message);
            }

            message.ClaimedUntilUtc = null;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        return (sent, failed);
    }

    private async Task<IReadOnlyList<string>> RecipientsAsync(DailyContactOutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.ContactId is not { } contactId)
        {
            return await unfiltered.CoordinatorEmailsAsync(message.OrganisationId, cancellationToken).ConfigureAwait(false);
        }

        var arrangementId = await unfiltered.ArrangementOfSlotAsync(message.SlotReference, cancellationToken).ConfigureAwait(false);
        var contacts = arrangementId is { } arrangement ? await unfiltered.ContactsOfAsync(arrangement, cancellationToken).ConfigureAwait(false) : [];
        var details = contacts.FirstOrDefault(c => c.ContactId == contactId);
        if (details?.Email is { Length: > 0 } email)
        {
            return [email];
        }

        return details?.UserId is { } userId && await unfiltered.UserEmailAsync(userId, cancellationToken).ConfigureAwait(false) is { } userEmail
            ? [userEmail]
            : [];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily contact slot {Reference}: {Kind} (due {DueAtUtc:O}, handled {HandledAtUtc:O})")]
    private partial void LogSlotEvent(string reference, SlotEventKind kind, DateTime dueAtUtc, DateTime handledAtUtc);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily contact slot {Reference} was changed by someone else first; skipped")]
    private partial void LogSlotRace(string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slots of arrangement {ArrangementId} were created by another instance first")]
    private partial void LogSlotsRace(Guid arrangementId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily contact e-mail {ActionKey} sent for slot {Reference}")]
    private partial void LogEmailSent(string reference, string actionKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Daily contact e-mail {ActionKey} for slot {Reference} failed (attempt {Attempts}): {Error}")]
    private partial void LogEmailFailed(string reference, string actionKey, int attempts, string error);
}
