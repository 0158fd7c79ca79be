namespace Konvooi.Features.Data;

/// <summary>
/// One showing of the matching engine's result for a person (docs/matching.md): the profile snapshot and the
/// catalogue, rule and weight versions it used, what it suggested, excluded and advised, and, once made,
/// the choice with its reason. A showing identical to the previous one without a choice is the same run.
/// </summary>
public sealed class MatchRun
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ProfileSnapshotId { get; set; }
    public required string RulesVersion { get; set; }
    public required string CatalogueVersion { get; set; }
    public required string WeightsVersion { get; set; }
    /// <summary>The matching profile as given to the engine (docs/profile.schema.json v1), including current dropouts.</summary>
    public required string ProfileJson { get; set; }
    /// <summary>The engine's result (suggestions, excluded, advice) in the <c>konvooi match</c> JSON shape.</summary>
    public required string ResultJson { get; set; }
    /// <summary>A hash of everything above, to recognise an identical showing.</summary>
    public required string InputHash { get; set; }
    public Guid ShownById { get; set; }
    public DateTime ShownAtUtc { get; set; }
    public DateTime LastShownAtUtc { get; set; }
    public int ShownCount { get; set; }
    /// <summary>The choice as JSON (<c>{"interventions":[…],"watchfulWaiting":bool}</c>); null until chosen.</summary>
    public string? ChoiceJson { get; set; }
    public string? ChoiceReason { get; set; }
    public Guid? ChosenById { get; set; }
    public DateTime? ChosenAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>A person's support plan (docs/support-plan.md). The content lives in <see cref="SupportPlanVersionRecord"/> rows, never changed.</summary>
public sealed class SupportPlanRecord
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid? MatchRunId { get; set; }
    public Guid ResponsibleProfessionalId { get; set; }
    /// <summary>The number of the current version; the concurrency token of the plan.</summary>
    public int CurrentVersion { get; set; }
    /// <summary>The current version's review date, copied for the work list query.</summary>
    public DateOnly? ReviewDate { get; set; }
    public DateOnly StartDate { get; set; }
    /// <summary>The domain closure as JSON; null while the plan is open.</summary>
    public string? ClosureJson { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>One kept version of a support plan: the domain content as JSON.</summary>
public sealed class SupportPlanVersionRecord
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public int Number { get; set; }
    public required string ContentJson { get; set; }
    public DateOnly RecordedOn { get; set; }
    public Guid RecordedById { get; set; }
    public string? ChangeNote { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>One chosen intervention's way from proposal to its end; the steps as JSON.</summary>
public sealed class TrajectoryRecord
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public required string InterventionId { get; set; }
    /// <summary>The current state code (<c>proposed</c> … <c>dropped_out</c>), for queries.</summary>
    public required string State { get; set; }
    public required string EventsJson { get; set; }
    public int Version { get; set; }
}

/// <summary>A follow-up for the responsible professional after a decline, dropout or never-start (RK-5).</summary>
public sealed class FollowUpTaskRecord
{
    /// <summary>Equal to the trajectory's id: a trajectory ends at most once.</summary>
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public required string InterventionId { get; set; }
    public Guid ResponsibleProfessionalId { get; set; }
    public required string Cause { get; set; }
    public required string Reason { get; set; }
    public DateOnly CreatedOn { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
    public Guid? DoneById { get; set; }
    public string? DoneNote { get; set; }
    public int Version { get; set; }
}
