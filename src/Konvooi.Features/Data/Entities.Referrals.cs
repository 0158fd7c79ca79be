using Konvooi.Domain.Referrals;

namespace Konvooi.Features.Data;

/// <summary>A wijk of the coalition's municipality, with its CBS wijk code (e.g. WK036301). Not person data.</summary>
public sealed class Wijk
{
    public Guid Id { get; set; }
    public Guid CoalitionId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
}

/// <summary>One row of a coalition's routing table (<see cref="Konvooi.Domain.Referrals.Routing"/>).</summary>
public sealed class RoutingRuleRecord
{
    public Guid Id { get; set; }
    public Guid CoalitionId { get; set; }
    public Guid OrganisationId { get; set; }
    public string? WijkCode { get; set; }
    public int? PostcodeFrom { get; set; }
    public int? PostcodeTo { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// One change of a coalition's routing set-up, with what it was before and after in plain words (organisations, wijk
/// codes and postcode ranges: no person data). The routing page shows them; the audit log points to them.
/// </summary>
public sealed class RoutingChangeRecord
{
    public Guid Id { get; set; }
    public Guid CoalitionId { get; set; }
    public DateTime OccurredAtUtc { get; set; }

    /// <summary>Null for the command line.</summary>
    public Guid? ActorId { get; set; }
    public Guid? ActorOrganisationId { get; set; }

    /// <summary>The audit action (<c>routing-rule-add</c>, <c>routing-rule-update</c>, <c>routing-rule-delete</c>, <c>wijken-import</c>, <c>coalition-lead-set</c>).</summary>
    public required string Kind { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>Where a signal came from.</summary>
public enum SignalSource
{
    /// <summary>The signal form, filled in by a signaller (or anyone in the coalition).</summary>
    Form,

    /// <summary>A referral of an existing person by another organisation of the coalition.</summary>
    Referral,

    /// <summary>A FHIR import from another system.</summary>
    Import,
}

/// <summary>
/// A signal, advice request or referral in the receiving organisation's intake queue. It carries the personal data
/// the sender entered (never for an advice request), the person's consent as recorded by the sender, and the intake
/// state. It is not a person record: accepting it makes or links one in the receiving organisation.
/// </summary>
public sealed class SignalRecord
{
    public Guid Id { get; set; }
    public Guid CoalitionId { get; set; }
    public SignalKind Kind { get; set; }
    public SignalSource Source { get; set; }

    /// <summary>The sender's organisation and user.</summary>
    public Guid SourceOrganisationId { get; set; }
    public Guid SubmittedById { get; set; }
    public DateTime SubmittedAtUtc { get; set; }

    /// <summary>From the form: a double submit or a resubmitted form makes one signal.</summary>
    public Guid IdempotencyKey { get; set; }

    public Guid ReceivingOrganisationId { get; set; }
    public RoutingBasis RoutingBasis { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly Deadline { get; set; }
    public SignalUrgency Urgency { get; set; }

    public IntakeState State { get; set; }
    public IntakeCloseReason? CloseReason { get; set; }
    public string? CloseNote { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? AssignedProfessionalId { get; set; }
    public DateOnly? FirstContactOn { get; set; }
    public DateOnly? PlanAgreedOn { get; set; }

    // Who (empty on an advice request)
    public string? Name { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public int? Age { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public string? WijkCode { get; set; }
    public string? Phone { get; set; }
    public string? PreferredLanguage { get; set; }

    // What was noticed
    /// <summary>Sign codes (<see cref="SignalVocabulary.Signs"/>), space-separated.</summary>
    public string Signs { get; set; } = string.Empty;
    public string? Observation { get; set; }

    // Consent as recorded by the sender; becomes the person's consent "contact after a signal" on acceptance.
    public bool ConsentToContact { get; set; }
    public DateOnly? ConsentGivenOn { get; set; }
    public string? PreferredApproach { get; set; }
    public bool MayHearBack { get; set; }

    /// <summary>For a referral: the sender's own person record (visible only to the sender's organisation).</summary>
    public Guid? SourcePersonId { get; set; }

    /// <summary>For a referral: the fields the sender chose to share, space-separated.</summary>
    public string? SharedFields { get; set; }

    public int Version { get; set; }
}

/// <summary>What happened to a signal, in order; the intake page and both sides of a forward read it.</summary>
public sealed class SignalEventRecord
{
    public Guid Id { get; set; }
    public Guid SignalId { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public Guid ActorId { get; set; }
    public Guid ActorOrganisationId { get; set; }
    public required string Kind { get; set; }
    public Guid? FromOrganisationId { get; set; }
    public Guid? ToOrganisationId { get; set; }
    public string? Note { get; set; }
}
