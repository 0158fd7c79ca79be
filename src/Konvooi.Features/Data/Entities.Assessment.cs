namespace Konvooi.Features.Data;

/// <summary>
/// The professional's own judgement of a person's type and severity of loneliness, with the reason (issue #16, VT-2:
/// a score is not a diagnosis). One per person, changed in place under the row version; the judgement used for a
/// profile is kept with that profile snapshot (<see cref="ProfileSnapshot.JudgementJson"/>), so earlier ones stay
/// visible there and every change is in the audit log.
/// </summary>
public sealed class ProfessionalJudgementRecord
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }

    /// <summary>A type code of the profile vocabulary, or null when the professional judges only the severity.</summary>
    public string? Type { get; set; }

    /// <summary>A severity code of the profile vocabulary, or null when the professional judges only the type.</summary>
    public string? Severity { get; set; }
    public required string Reason { get; set; }
    public DateOnly JudgedOn { get; set; }
    public Guid JudgedById { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// The recorded follow-up of a safety advice (<c>safety_first</c> or <c>mood_referral</c>) of a profile: who was
/// involved, when, and what was agreed. Only added, never changed. An open safety advice without one blocks closing the plan.
/// </summary>
public sealed class SafetyFollowUpRecord
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ProfileSnapshotId { get; set; }
    public required string AdviceCode { get; set; }

    /// <summary>Who was involved, e.g. "huisarts, met mevrouw samen gebeld".</summary>
    public required string Who { get; set; }
    public DateOnly FollowedUpOn { get; set; }

    /// <summary>What was agreed.</summary>
    public required string Agreed { get; set; }
    public Guid RecordedById { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>
/// A work-list item raised when a convoy map change removes someone from "heel dichtbij" or moves them outward (JG-4):
/// the closest circle shrank, which is a moment to check in. Corrections raise none.
/// </summary>
public sealed class ConvoyAlertRecord
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ConvoyMapId { get; set; }

    /// <summary>The convoy member's first name or role as on the map.</summary>
    public required string MemberName { get; set; }

    /// <summary><c>removed</c> or <c>moved_outward</c>.</summary>
    public required string Change { get; set; }

    /// <summary><c>died</c> or <c>moved_away</c> (see <c>ConvoyAlerts.Reasons</c>).</summary>
    public required string Reason { get; set; }
    public DateOnly RaisedOn { get; set; }
    public Guid RaisedById { get; set; }
    public DateOnly? HandledOn { get; set; }
    public Guid? HandledById { get; set; }
    public string? HandledNote { get; set; }
    public int Version { get; set; }
}
