using Konvooi.Domain.DailyContact;
using Konvooi.Features.Data;
using Konvooi.Features.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Konvooi.Features.DailyContact;

/// <summary>
/// One run of the daily contact job: create the slots that are due, walk the escalation ladder of every open slot
/// and send the outbox (every topic). Safe to run from several app instances at once: slots are unique per arrangement and day,
/// a slot state is only stored when its last step and version are unchanged, and each action key is unique in
/// the outbox. Safe to run late: <see cref="SlotMachine.Advance"/> catches up on every missed step exactly once.
/// </summary>
public sealed partial class DailyContactJob(
    KonvooiDbContext db,
    UnfilteredAccess unfiltered,
    OutboxSender outbox,
    IOptions<DailyContactOptions> options,
    TimeProvider time,
    ILogger<DailyContactJob> logger)
{
    public sealed record RunResult(int SlotsCreated, int SlotsAdvanced, int ActionsQueued, int EmailsSent, int EmailsFailed);

    public async Task<RunResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var created = await CreateSlotsAsync(now, cancellationToken).ConfigureAwait(false);
        var (advanced, queued) = await AdvanceSlotsAsync(now, cancellationToken).ConfigureAwait(false);
        // The outbox is shared by every topic (daily contact, signal status): this run sends whatever is due.
        var (sent, failed) = await outbox.SendDueAsync(cancellationToken).ConfigureAwait(false);
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
            var messages = transition.Actions.Select(a => ToOutbox(a, row, now)).OfType<OutboxMessage>().ToList();
            db.Outbox.AddRange(messages);
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
    internal static OutboxMessage? ToOutbox(SlotAction action, DailyContactSlot row, DateTime now) => action switch
    {
        SlotAction.NotifyContact c => NewMessage(action, row, now, c.Reason, c.ContactId),
        SlotAction.NotifyCoordinator c => NewMessage(action, row, now, c.Reason, null),
        _ => null,
    };

    private static OutboxMessage NewMessage(SlotAction action, DailyContactSlot row, DateTime now, NotifyReason reason, Guid? contactId) => new()
    {
        Id = Guid.NewGuid(),
        ActionKey = action.Key,
        Topic = OutboxTopics.DailyContact,
        OrganisationId = row.OrganisationId,
        PersonId = row.PersonId,
        Subject = row.Reference,
        Reason = reason.ToString(),
        ContactId = contactId,
        CreatedAtUtc = now,
        NextAttemptUtc = now,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily contact slot {Reference}: {Kind} (due {DueAtUtc:O}, handled {HandledAtUtc:O})")]
    private partial void LogSlotEvent(string reference, SlotEventKind kind, DateTime dueAtUtc, DateTime handledAtUtc);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily contact slot {Reference} was changed by someone else first; skipped")]
    private partial void LogSlotRace(string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slots of arrangement {ArrangementId} were created by another instance first")]
    private partial void LogSlotsRace(Guid arrangementId);
}
