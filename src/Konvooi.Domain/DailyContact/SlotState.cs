namespace Konvooi.Domain.DailyContact;

/// <summary>Where a slot is in its life.</summary>
public enum SlotStatus
{
    /// <summary>The window has not started.</summary>
    Scheduled,

    /// <summary>The window is open and nobody has confirmed yet.</summary>
    Due,

    /// <summary>Contact was made within the window.</summary>
    Confirmed,

    /// <summary>Contact was confirmed after the window ended; any escalation stopped there.</summary>
    ConfirmedLate,

    /// <summary>The window passed without a confirmation; no escalation step has been taken yet.</summary>
    Missed,

    /// <summary>At least one escalation step has been taken and nobody has confirmed yet.</summary>
    Escalated,

    /// <summary>The coordinator closed a missed slot.</summary>
    Resolved,
}

/// <summary>The structured "something seemed different" signal a contact can give with a confirmation.</summary>
public enum DifferenceSignal
{
    Confused,
    Unwell,
    VeryLow,
    NeedsHelp,
}

/// <summary>The steps of the escalation ladder, in order. The number is the persisted "last step taken".</summary>
public enum EscalationStep
{
    None = 0,
    Retry = 1,
    SecondContact = 2,
    Coordinator = 3,
}

/// <summary>Who confirmed a contact.</summary>
public abstract record Confirmer
{
    private Confirmer()
    {
    }

    /// <summary>A rota member confirming their own slot (with an account or through their personal link).</summary>
    public sealed record ByContact(Guid ContactId) : Confirmer;

    /// <summary>A coordinator recording the contact on someone's behalf.</summary>
    public sealed record ByCoordinator(Guid UserId) : Confirmer;
}

/// <summary>A confirmation that contact was made, with an optional short note and signals.</summary>
public sealed record Confirmation(DateTime AtUtc, Confirmer By, string? Note = null, IReadOnlySet<DifferenceSignal>? Signals = null)
{
    public IReadOnlySet<DifferenceSignal> SignalsGiven => Signals ?? new HashSet<DifferenceSignal>();
}

/// <summary>The coordinator's closing of a missed slot.</summary>
public sealed record Resolution(DateTime AtUtc, Guid CoordinatorUserId, string? Note);

/// <summary>What happened to a slot.</summary>
public enum SlotEventKind
{
    WindowOpened,
    Missed,
    RetryRequested,
    SecondContactRequested,
    CoordinatorAlerted,
    Confirmed,
    ConfirmedLate,
    Resolved,
}

/// <summary>One line of a slot's log: when it was due by the schedule and when it was actually handled.</summary>
public sealed record SlotEvent(SlotEventKind Kind, DateTime DueAtUtc, DateTime HandledAtUtc);

/// <summary>
/// The persisted state of one slot. <see cref="LastStep"/> is the "last step taken": an escalation step is only
/// ever emitted when it is greater than this value, which is what makes duplicate alerts impossible when the
/// update is stored with a compare-and-set on it.
/// </summary>
public sealed record SlotState(
    Slot Slot,
    SlotStatus Status,
    EscalationStep LastStep,
    Confirmation? Confirmation,
    Resolution? Resolution,
    IReadOnlyList<SlotEvent> Log)
{
    public static SlotState Initial(Slot slot) => new(slot, SlotStatus.Scheduled, EscalationStep.None, null, null, []);

    public bool IsClosed => Status is SlotStatus.Confirmed or SlotStatus.ConfirmedLate or SlotStatus.Resolved;

    public bool HasContact => Status is SlotStatus.Confirmed or SlotStatus.ConfirmedLate;
}

/// <summary>Why someone is notified.</summary>
public enum NotifyReason
{
    /// <summary>The assigned contact is asked to try again.</summary>
    TryAgain,

    /// <summary>The second contact is asked to look in.</summary>
    PleaseLookIn,

    /// <summary>No contact could be asked (gap in the rota, or no second contact available).</summary>
    NoContactAvailable,

    /// <summary>The slot is still unconfirmed after the ladder: the coordinator must act.</summary>
    SlotMissed,

    /// <summary>Someone confirmed after the escalation started: no need to act any more.</summary>
    StandDown,
}

/// <summary>
/// Something the job must do. <see cref="Key"/> is unique per slot and step; store it with a unique index in the
/// outbox so that even a second app instance racing on the same slot cannot send twice.
/// </summary>
public abstract record SlotAction
{
    private SlotAction(string slotReference, string purpose)
    {
        SlotReference = slotReference;
        Key = slotReference + "/" + purpose;
    }

    public string SlotReference { get; }

    public string Key { get; }

    public sealed record NotifyContact(string Reference, string Purpose, Guid ContactId, NotifyReason Reason)
        : SlotAction(Reference, Purpose);

    public sealed record NotifyCoordinator(string Reference, string Purpose, NotifyReason Reason)
        : SlotAction(Reference, Purpose);

    /// <summary>"Something seemed different": flag the person's plan for follow-up.</summary>
    public sealed record FlagForFollowUp(string Reference, IReadOnlySet<DifferenceSignal> Signals)
        : SlotAction(Reference, "signal");
}

/// <summary>The new state and the actions to take.</summary>
public sealed record SlotTransition(SlotState State, IReadOnlyList<SlotAction> Actions);

/// <summary>The outcome of a confirmation or resolution attempt.</summary>
public abstract record SlotCommandOutcome
{
    private SlotCommandOutcome()
    {
    }

    public sealed record Accepted(SlotTransition Transition) : SlotCommandOutcome;

    public sealed record Rejected(Common.Error Error) : SlotCommandOutcome;
}
