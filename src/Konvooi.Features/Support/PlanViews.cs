using Konvooi.Domain.Conversations;
using Konvooi.Domain.Support;
using static Konvooi.Features.Support.MatchRuns;

namespace Konvooi.Features.Support;

/// <summary>
/// What the support plan use cases share: the plan form (create and revise), its options, and the outcome of
/// every change to a plan. The rules are the pure domain's (<see cref="SupportPlan"/>, <see cref="Trajectory"/>);
/// the use cases store, audit and detect concurrent edits (docs/support-plan.md).
/// </summary>
public static class PlanViews
{
    /// <summary>The plan form (create and revise).</summary>
    public sealed class PlanInput
    {
        public const int GoalFields = 3;

        public List<string?> Goals { get; set; } = [];

        /// <summary>Ids of the offered interventions that are ticked.</summary>
        public List<string> Interventions { get; set; } = [];

        public string? AddInterventionId { get; set; }

        public string? AddReason { get; set; }

        public bool WatchfulWaiting { get; set; }

        public DateOnly? ReviewDate { get; set; }

        public DateOnly? AgreedOn { get; set; }

        public string? AgreedBy { get; set; }

        public Guid? ResponsibleProfessionalId { get; set; }

        /// <summary>Months after the start for re-measurement, e.g. "3, 6"; empty uses the organisation's default.</summary>
        public string? RemeasurementMonths { get; set; }

        public string? ChangeNote { get; set; }
    }

    /// <summary>An intervention that can be ticked on the plan form.</summary>
    public sealed record Offered(string Id, string Name, InterventionSource Source, string? Reason, bool Checked);

    public sealed record Option(string Value, string Label);

    /// <summary>Everything the plan form needs.</summary>
    public sealed record FormData(
        string PersonName,
        Guid? MatchRunId,
        IReadOnlyList<Offered> Offered,
        IReadOnlyList<Option> Catalogue,
        IReadOnlyList<Option> Professionals,
        IReadOnlyList<StoredAdvice> Advice,
        string? ChoiceReason,
        bool ChoseWatchfulWaiting,
        int? PlanVersion);

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Saved : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Conflict : Outcome;

        public sealed record Invalid(IReadOnlyList<FieldProblem> Problems) : Outcome;
    }
}
