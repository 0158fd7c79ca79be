using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Support;

/// <summary>One event to mark on the person's score chart. Kind codes: <c>plan_agreed</c>, <c>plan_revised</c>, <c>plan_closed</c>, or a trajectory state code.</summary>
public sealed record TimelineEvent(DateOnly Date, string Kind, string Label);

/// <summary>The plan's events, in date order, for marking on the trajectory chart next to the scores (docs/support-plan.md).</summary>
public static class PlanTimeline
{
    /// <summary>
    /// Plan agreed, revised (when the agreed date moved) and closed; every trajectory step after the proposal.
    /// Same-day events keep this order: plan events first, then trajectory steps in their own order.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<TimelineEvent> Events(SupportPlan plan, IEnumerable<Trajectory> trajectories)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(trajectories);

        var events = new List<TimelineEvent> { new(plan.StartDate, "plan_agreed", "Plan afgesproken") };
        for (var i = 1; i < plan.Versions.Count; i++)
        {
            var agreed = plan.Versions[i].Content.AgreedOn;
            if (agreed != plan.Versions[i - 1].Content.AgreedOn)
            {
                events.Add(new TimelineEvent(agreed, "plan_revised", $"Plan bijgesteld (versie {plan.Versions[i].Number})"));
            }
        }

        if (plan.Closure is { } closure)
        {
            events.Add(new TimelineEvent(closure.ClosedOn, "plan_closed",
                $"Plan afgesloten: {Vocabulary.Label(SupportVocabulary.CloseReasons, closure.Reason)}"));
        }

        foreach (var trajectory in trajectories.Where(t => string.Equals(t.PlanId, plan.Id, StringComparison.Ordinal)))
        {
            var name = SupportPlan.InterventionName(trajectory.InterventionId);
            foreach (var step in trajectory.Events.Where(e => e.State != TrajectoryState.Proposed))
            {
                var label = step.Reason is { } reason
                    ? $"{name}: {step.State.Label()} ({Vocabulary.Label(Vocabulary.DropoutReasons, reason)})"
                    : $"{name}: {step.State.Label()}";
                events.Add(new TimelineEvent(step.Date, step.State.Code(), label));
            }
        }

        return events.OrderBy(e => e.Date).ToList();
    }
}
