using Konvooi.Domain.Common;

namespace Konvooi.Domain.DailyContact;

/// <summary>
/// The pure state machine of one slot: scheduled → due → confirmed, or missed at window end → retry → second
/// contact → coordinator → resolved. Time is always passed in.
/// </summary>
public static class SlotMachine
{
    /// <summary>The longest note a contact can leave with a confirmation: a short remark, not a report.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>
    /// Brings <paramref name="state"/> up to <paramref name="nowUtc"/>: opens the window, marks it missed at the
    /// window end and takes every escalation step whose time has come and that is after the last step taken.
    /// Running it twice with the same or an earlier time yields no actions; running it after a restart with a later
    /// time catches up on every missed step exactly once.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="state"/> is null.</exception>
    public static SlotTransition Advance(SlotState state, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsClosed)
        {
            return new SlotTransition(state, []);
        }

        var slot = state.Slot;
        var log = state.Log.ToList();
        var status = state.Status;
        var lastStep = state.LastStep;
        var actions = new List<SlotAction>();

        if (nowUtc >= slot.StartUtc && status == SlotStatus.Scheduled)
        {
            log.Add(new SlotEvent(SlotEventKind.WindowOpened, slot.StartUtc, nowUtc));
            status = SlotStatus.Due;
        }

        if (nowUtc >= slot.EndUtc && status == SlotStatus.Due)
        {
            log.Add(new SlotEvent(SlotEventKind.Missed, slot.EndUtc, nowUtc));
            status = SlotStatus.Missed;
        }

        if (status is SlotStatus.Missed or SlotStatus.Escalated)
        {
            for (var step = lastStep + 1; step <= EscalationStep.Coordinator; step++)
            {
                var dueAt = StepDueAt(slot, step);
                if (nowUtc < dueAt)
                {
                    break;
                }

                var (kind, action) = TakeStep(slot, step);
                log.Add(new SlotEvent(kind, dueAt, nowUtc));
                actions.Add(action);
                lastStep = step;
                status = SlotStatus.Escalated;
            }
        }

        return new SlotTransition(state with { Status = status, LastStep = lastStep, Log = log }, actions);
    }

    /// <summary>When an escalation step is due: the window end plus the ladder's delay for that step.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For <see cref="EscalationStep.None"/>.</exception>
    public static DateTime StepDueAt(Slot slot, EscalationStep step)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return step switch
        {
            EscalationStep.Retry => slot.EndUtc + slot.Escalation.RetryAfter,
            EscalationStep.SecondContact => slot.EndUtc + slot.Escalation.SecondContactAfter,
            EscalationStep.Coordinator => slot.EndUtc + slot.Escalation.CoordinatorAfter,
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Only ladder steps have a due time."),
        };
    }

    /// <summary>
    /// Records that contact was made. A contact may confirm only their own slot, or the slot they were asked to
    /// look in on as second contact; a coordinator may record it for anyone. A confirmation after the window end
    /// is recorded as late and stops the escalation; those already alerted are told to stand down.
    /// </summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static SlotCommandOutcome Confirm(SlotState state, Confirmation confirmation)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(confirmation);
        var slot = state.Slot;

        if (state.HasContact)
        {
            return Reject("daily-contact.already-confirmed", "Dit contactmoment is al bevestigd.");
        }

        if (state.Status == SlotStatus.Resolved)
        {
            return Reject("daily-contact.already-resolved", "De coördinator heeft dit contactmoment al afgesloten.");
        }

        if (confirmation.AtUtc < slot.StartUtc)
        {
            return Reject("daily-contact.not-started", "Dit contactmoment is nog niet begonnen. Bevestig het contact als het moment begonnen is.");
        }

        if (confirmation.By is Confirmer.ByContact byContact && !MayConfirm(state, byContact.ContactId))
        {
            return Reject("daily-contact.not-your-slot", "Dit contactmoment staat niet op jouw naam. Je kunt alleen je eigen contactmomenten bevestigen.");
        }

        if (confirmation.Note is { Length: > MaxNoteLength })
        {
            return Reject("daily-contact.note-too-long", $"Houd de notitie kort: hoogstens {MaxNoteLength} tekens.");
        }

        var isLate = confirmation.AtUtc >= slot.EndUtc;
        var log = state.Log.ToList();
        log.Add(new SlotEvent(isLate ? SlotEventKind.ConfirmedLate : SlotEventKind.Confirmed, confirmation.AtUtc, confirmation.AtUtc));

        var actions = new List<SlotAction>();
        if (confirmation.SignalsGiven.Count > 0)
        {
            actions.Add(new SlotAction.FlagForFollowUp(slot.Reference, confirmation.SignalsGiven));
        }

        if (state.LastStep >= EscalationStep.SecondContact && slot.SecondContactId is { } second && !IsBy(confirmation, second))
        {
            actions.Add(new SlotAction.NotifyContact(slot.Reference, "stand-down-second-contact", second, NotifyReason.StandDown));
        }

        if (state.LastStep >= EscalationStep.Retry && NotifiedCoordinator(slot, state.LastStep))
        {
            actions.Add(new SlotAction.NotifyCoordinator(slot.Reference, "stand-down-coordinator", NotifyReason.StandDown));
        }

        var confirmed = state with
        {
            Status = isLate ? SlotStatus.ConfirmedLate : SlotStatus.Confirmed,
            Confirmation = confirmation,
            Log = log,
        };
        return new SlotCommandOutcome.Accepted(new SlotTransition(confirmed, actions));
    }

    /// <summary>The coordinator closes a missed or escalated slot (for example after calling the person).</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static SlotCommandOutcome Resolve(SlotState state, Resolution resolution)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(resolution);
        if (state.Status is not (SlotStatus.Missed or SlotStatus.Escalated))
        {
            return Reject("daily-contact.nothing-to-resolve", "Alleen een gemist contactmoment kan worden afgesloten.");
        }

        var log = state.Log.ToList();
        log.Add(new SlotEvent(SlotEventKind.Resolved, resolution.AtUtc, resolution.AtUtc));
        var resolved = state with { Status = SlotStatus.Resolved, Resolution = resolution, Log = log };
        return new SlotCommandOutcome.Accepted(new SlotTransition(resolved, []));
    }

    /// <summary>Whether <paramref name="contactId"/> may confirm this slot: its own slot, or as the asked second contact.</summary>
    public static bool MayConfirm(SlotState state, Guid contactId)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Slot.ContactId == contactId
            || (state.Slot.SecondContactId == contactId && state.LastStep >= EscalationStep.SecondContact);
    }

    private static (SlotEventKind Kind, SlotAction Action) TakeStep(Slot slot, EscalationStep step) => step switch
    {
        EscalationStep.Retry => (SlotEventKind.RetryRequested, slot.ContactId is { } contact
            ? new SlotAction.NotifyContact(slot.Reference, "step-1", contact, NotifyReason.TryAgain)
            : new SlotAction.NotifyCoordinator(slot.Reference, "step-1", NotifyReason.NoContactAvailable)),
        EscalationStep.SecondContact => (SlotEventKind.SecondContactRequested, slot.SecondContactId is { } second
            ? new SlotAction.NotifyContact(slot.Reference, "step-2", second, NotifyReason.PleaseLookIn)
            : new SlotAction.NotifyCoordinator(slot.Reference, "step-2", NotifyReason.NoContactAvailable)),
        _ => (SlotEventKind.CoordinatorAlerted,
            new SlotAction.NotifyCoordinator(slot.Reference, "step-3", NotifyReason.SlotMissed)),
    };

    private static bool NotifiedCoordinator(Slot slot, EscalationStep lastStep) =>
        lastStep == EscalationStep.Coordinator
        || slot.ContactId is null
        || (lastStep >= EscalationStep.SecondContact && slot.SecondContactId is null);

    private static bool IsBy(Confirmation confirmation, Guid contactId) =>
        confirmation.By is Confirmer.ByContact c && c.ContactId == contactId;

    private static SlotCommandOutcome.Rejected Reject(string code, string message) => new(new Error(code, message));
}
