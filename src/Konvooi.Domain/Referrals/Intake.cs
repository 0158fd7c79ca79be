using Konvooi.Domain.Common;

namespace Konvooi.Domain.Referrals;

/// <summary>Where a signal or referral stands in the receiving organisation's intake queue.</summary>
public enum IntakeState
{
    /// <summary>Waiting for the coordinator: accept, forward or close. Only this state counts towards the deadline.</summary>
    Received,

    /// <summary>Accepted: a person record was made or linked; a professional may be assigned.</summary>
    Accepted,

    /// <summary>The assigned professional recorded the first contact with the person.</summary>
    ContactMade,

    /// <summary>A support plan was agreed with the person (end state).</summary>
    PlanAgreed,

    /// <summary>Closed with a reason code (end state).</summary>
    Closed,
}

/// <summary>What the signaller or sending organisation may see of the outcome: never anything clinical.</summary>
public enum SignallerStatus
{
    Received,
    ContactMade,
    PlanAgreed,
    NoSupportWanted,
    NotReachable,
    Closed,
}

/// <summary>The intake-relevant state of one signal or referral. Person and professional ids belong to the receiver.</summary>
public sealed record IntakeItem(
    IntakeState State,
    Guid ReceivingOrganisationId,
    Guid? PersonId = null,
    Guid? AssignedProfessionalId = null,
    IntakeCloseReason? CloseReason = null,
    DateOnly? ClosedOn = null)
{
    public bool IsEnded => State is IntakeState.PlanAgreed or IntakeState.Closed;
}

/// <summary>
/// The intake queue's transitions. Each returns the new item or an <see cref="Error"/> with a stable code and a
/// Dutch message; nothing else changes state. The signaller hears back through <see cref="StatusForSignaller"/>.
/// </summary>
public static class Intake
{
    /// <summary>Accept the item and link it to a (new or existing) person record of the receiving organisation.</summary>
    public static Result Accept(IntakeItem item, Guid personId)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.State == IntakeState.Received
            ? Ok(item with { State = IntakeState.Accepted, PersonId = personId })
            : Refuse("intake.not-waiting", "Deze melding is al in behandeling genomen of afgesloten.");
    }

    /// <summary>Assign (or re-assign) the professional who makes contact; only after acceptance and before the end.</summary>
    public static Result Assign(IntakeItem item, Guid professionalId)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.State is IntakeState.Accepted or IntakeState.ContactMade
            ? Ok(item with { AssignedProfessionalId = professionalId })
            : Refuse("intake.assign-not-possible", "Wijs een professional toe nadat u de melding hebt aangenomen, en voordat die is afgesloten.");
    }

    /// <summary>
    /// Hand a waiting item to another organisation of the same coalition. The caller checks coalition membership;
    /// an item can only be forwarded before it was accepted (after that the person record stays where it is).
    /// </summary>
    public static Result Forward(IntakeItem item, Guid toOrganisationId, string? reason)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.State != IntakeState.Received)
        {
            return Refuse("intake.forward-not-waiting", "Alleen een melding die nog wacht, kunt u doorsturen.");
        }

        if (toOrganisationId == item.ReceivingOrganisationId)
        {
            return Refuse("intake.forward-same-organisation", "Kies een andere organisatie dan uw eigen organisatie.");
        }

        return string.IsNullOrWhiteSpace(reason)
            ? Refuse("intake.forward-reason-required", "Schrijf op waarom u de melding doorstuurt.")
            : Ok(item with { ReceivingOrganisationId = toOrganisationId });
    }

    /// <summary>The assigned professional records the first contact with the person.</summary>
    public static Result RecordFirstContact(IntakeItem item, Guid byProfessionalId)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.State != IntakeState.Accepted)
        {
            return Refuse("intake.first-contact-not-possible", item.State == IntakeState.Received
                ? "Neem de melding eerst aan."
                : "Het eerste contact is al vastgelegd of de melding is afgesloten.");
        }

        return item.AssignedProfessionalId == byProfessionalId
            ? Ok(item with { State = IntakeState.ContactMade })
            : Refuse("intake.first-contact-not-assigned", "Alleen de toegewezen professional legt het eerste contact vast.");
    }

    /// <summary>A support plan was agreed for the linked person (set when the plan is made).</summary>
    public static Result PlanAgreed(IntakeItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.State is IntakeState.Accepted or IntakeState.ContactMade
            ? Ok(item with { State = IntakeState.PlanAgreed })
            : Refuse("intake.plan-not-possible", "Er is voor deze melding geen lopend contact.");
    }

    /// <summary>Close the item with a reason; <see cref="IntakeCloseReason.Other"/> needs a note.</summary>
    public static Result Close(IntakeItem item, IntakeCloseReason reason, string? note, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.IsEnded)
        {
            return Refuse("intake.already-ended", "Deze melding is al afgesloten.");
        }

        return reason == IntakeCloseReason.Other && string.IsNullOrWhiteSpace(note)
            ? Refuse("intake.close-note-required", "Schrijf kort op waarom u de melding afsluit.")
            : Ok(item with { State = IntakeState.Closed, CloseReason = reason, ClosedOn = on });
    }

    /// <summary>
    /// What the signaller (or the sending organisation) may see. Without the person's agreement to hear back, the
    /// signaller sees only that the signal was received.
    /// </summary>
    public static SignallerStatus StatusForSignaller(IntakeItem item, bool mayHearBack)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!mayHearBack)
        {
            return SignallerStatus.Received;
        }

        return item.State switch
        {
            IntakeState.ContactMade => SignallerStatus.ContactMade,
            IntakeState.PlanAgreed => SignallerStatus.PlanAgreed,
            IntakeState.Closed => item.CloseReason switch
            {
                IntakeCloseReason.NotReachable => SignallerStatus.NotReachable,
                IntakeCloseReason.DeclinedContact or IntakeCloseReason.NotNeeded => SignallerStatus.NoSupportWanted,
                _ => SignallerStatus.Closed,
            },
            _ => SignallerStatus.Received,
        };
    }

    /// <summary>Dutch text of a signaller status (B1).</summary>
    public static string Label(SignallerStatus status) => status switch
    {
        SignallerStatus.Received => "Ontvangen",
        SignallerStatus.ContactMade => "Contact gemaakt",
        SignallerStatus.PlanAgreed => "Afspraken gemaakt",
        SignallerStatus.NoSupportWanted => "Geen ondersteuning gewenst",
        SignallerStatus.NotReachable => "Niet bereikbaar",
        SignallerStatus.Closed => "Afgehandeld",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// Whether a signal still shows on the signaller's own list: open items always; ended items until
    /// <paramref name="retentionMonths"/> months after they ended (default 12).
    /// </summary>
    public static bool ShowsOnSignallerList(IntakeItem item, DateOnly? endedOn, DateOnly today, int retentionMonths = 12)
    {
        ArgumentNullException.ThrowIfNull(item);
        return !item.IsEnded || endedOn is not { } ended || ended.AddMonths(retentionMonths) > today;
    }

    private static Result Ok(IntakeItem item) => new(item, null);

    private static Result Refuse(string code, string message) => new(null, new Error(code, message));

    /// <summary>The new item, or the error that refused the transition.</summary>
    public sealed record Result(IntakeItem? Item, Error? Error)
    {
        public bool Succeeded => Item is not null;
    }
}
