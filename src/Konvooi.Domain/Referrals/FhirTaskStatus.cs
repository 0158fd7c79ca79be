namespace Konvooi.Domain.Referrals;

/// <summary>
/// How intake states map to FHIR R4 <c>Task.status</c> (http://hl7.org/fhir/R4/valueset-task-status.html) when signals
/// and referrals are exchanged as <c>ServiceRequest</c> + <c>Task</c>. The exact close reason travels beside it in
/// <c>Task.statusReason</c> with Konvooi's own code. Only open requests can be imported: they become new signals at
/// the receiving organisation.
/// </summary>
public static class FhirTaskStatus
{
    /// <summary>The rows of the mapping table in docs/referral.md, in order.</summary>
    public static IReadOnlyList<(IntakeState State, IntakeCloseReason? Reason, string Status)> Table { get; } =
    [
        (IntakeState.Received, null, "requested"),
        (IntakeState.Accepted, null, "accepted"),
        (IntakeState.ContactMade, null, "in-progress"),
        (IntakeState.PlanAgreed, null, "completed"),
        (IntakeState.Closed, IntakeCloseReason.NotReachable, "failed"),
        (IntakeState.Closed, IntakeCloseReason.DeclinedContact, "cancelled"),
        (IntakeState.Closed, IntakeCloseReason.AlreadyKnown, "rejected"),
        (IntakeState.Closed, IntakeCloseReason.NotNeeded, "cancelled"),
        (IntakeState.Closed, IntakeCloseReason.Other, "cancelled"),
    ];

    /// <summary>Every status code of the FHIR R4 task-status value set.</summary>
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "draft", "requested", "received", "accepted", "rejected", "ready", "cancelled", "in-progress", "on-hold", "failed", "completed", "entered-in-error",
    };

    /// <summary>Statuses that an import accepts as a new, open signal.</summary>
    public static IReadOnlySet<string> Importable { get; } = new HashSet<string>(StringComparer.Ordinal) { "requested", "received" };

    /// <summary>The <c>Task.status</c> of an intake state (and close reason when closed).</summary>
    public static string Of(IntakeState state, IntakeCloseReason? reason) =>
        Table.First(r => r.State == state && (state != IntakeState.Closed || r.Reason == (reason ?? IntakeCloseReason.Other))).Status;
}
