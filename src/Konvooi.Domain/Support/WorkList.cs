using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Support;

/// <summary>
/// One administered instrument of a person: what the work list and the outcome statistics need. The total is
/// null when it is missing under the instrument's missing-data rule.
/// </summary>
public sealed record MeasurementRecord(string PersonId, string InstrumentId, DateOnly Date, int? Total = null);

/// <summary>Defaults of the work list; an organisation may change them.</summary>
public sealed record WorkListSettings
{
    public static WorkListSettings Default { get; } = new();

    /// <summary>Months after the plan's start when a re-measurement is due (own choice: 3 and 6).</summary>
    public IReadOnlyList<int> RemeasurementMonths { get; init; } = [3, 6];

    /// <summary>How many days before a due date the reminder appears (own choice: 14).</summary>
    public int ReminderDays { get; init; } = 14;

    /// <summary>People waiting longer than this many weeks since the referral are listed (own choice: 6).</summary>
    public int LongWaitWeeks { get; init; } = 6;
}

/// <summary>Filters; null means "all".</summary>
public sealed record WorkListFilter(string? Professional = null, string? Wijk = null, string? InterventionId = null)
{
    public static WorkListFilter None { get; } = new();
}

/// <summary>Everything the work list is computed from.</summary>
public sealed record WorkListInput(
    IReadOnlyList<SupportPlan> Plans,
    IReadOnlyList<Trajectory> Trajectories,
    IReadOnlyList<FollowUpTask> Tasks,
    IReadOnlyList<MeasurementRecord> Measurements,
    DateOnly Today);

public enum WorkItemKind
{
    /// <summary>An open follow-up after a decline, a never-start or a dropout.</summary>
    FollowUp,

    /// <summary>A scheduled re-measurement that has not been done.</summary>
    Remeasurement,

    /// <summary>A plan whose review date is near or past.</summary>
    PlanReview,

    /// <summary>A person waiting longer than the limit since the referral.</summary>
    LongWait,
}

/// <summary>Overdue first when sorting.</summary>
public enum Urgency
{
    Overdue,
    Due,
    Upcoming,
}

/// <summary>One line on a professional's or coordinator's work list.</summary>
public sealed record WorkItem
{
    public required WorkItemKind Kind { get; init; }

    public required Urgency Urgency { get; init; }

    /// <summary>The date by which it should be done (for a long wait: the day the limit was passed).</summary>
    public required DateOnly DueOn { get; init; }

    public required string PersonId { get; init; }

    public required string PlanId { get; init; }

    public required string Professional { get; init; }

    public string? Wijk { get; init; }

    public string? InterventionId { get; init; }

    public string? TrajectoryId { get; init; }

    /// <summary>What to do, in Dutch.</summary>
    public required string Text { get; init; }
}

/// <summary>
/// The work list: a pure function of plans, trajectories, tasks, measurement dates and today.
/// Rules and defaults: docs/support-plan.md, "Work list".
/// </summary>
public static class WorkList
{
    /// <summary>The items for <paramref name="filter"/>, overdue first, then by due date.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is negative.</exception>
    public static IReadOnlyList<WorkItem> Build(WorkListInput input, WorkListSettings settings, WorkListFilter filter)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.ReminderDays);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.LongWaitWeeks);

        var plans = input.Plans.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var items = new List<WorkItem>();
        AddFollowUps(input, plans, items);
        foreach (var plan in input.Plans.Where(p => !p.IsClosed))
        {
            AddRemeasurements(plan, input, settings, items);
            AddReview(plan, input.Today, settings, items);
        }

        AddLongWaits(input, plans, settings, items);

        return items
            .Where(i => Matches(i, filter, plans))
            .OrderBy(i => i.Urgency)
            .ThenBy(i => i.DueOn)
            .ThenBy(i => i.Kind)
            .ThenBy(i => i.PersonId, StringComparer.Ordinal)
            .ThenBy(i => i.TrajectoryId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The re-measurement due dates of a plan: the start plus each scheduled month (a month end is kept as the last day of the target month).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<DateOnly> RemeasurementDates(SupportPlan plan, WorkListSettings settings)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        var months = plan.Current.RemeasurementMonths ?? settings.RemeasurementMonths;
        return months.Select(m => plan.StartDate.AddMonths(m)).ToList();
    }

    private static Urgency UrgencyOf(DateOnly due, DateOnly today) =>
        today < due ? Urgency.Upcoming : today == due ? Urgency.Due : Urgency.Overdue;

    private static void AddFollowUps(WorkListInput input, Dictionary<string, SupportPlan> plans, List<WorkItem> items)
    {
        foreach (var task in input.Tasks.Where(t => !t.IsDone))
        {
            var name = SupportPlan.InterventionName(task.InterventionId);
            var what = task.Cause switch
            {
                TrajectoryState.Declined => $"wees {name} af",
                TrajectoryState.NeverStarted => $"is nooit begonnen met {name}",
                _ => $"is voortijdig gestopt met {name}",
            };
            items.Add(new WorkItem
            {
                Kind = WorkItemKind.FollowUp,
                Urgency = UrgencyOf(task.DueOn, input.Today),
                DueOn = task.DueOn,
                PersonId = task.PersonId,
                PlanId = task.PlanId,
                Professional = task.ResponsibleProfessional,
                Wijk = plans.GetValueOrDefault(task.PlanId)?.Wijk,
                InterventionId = task.InterventionId,
                TrajectoryId = task.TrajectoryId,
                Text = $"Neem contact op: de persoon {what} ({Vocabulary.Label(Vocabulary.DropoutReasons, task.Reason)}). Uiterlijk {SupportText.Date(task.DueOn)}.",
            });
        }
    }

    private static void AddRemeasurements(SupportPlan plan, WorkListInput input, WorkListSettings settings, List<WorkItem> items)
    {
        var months = plan.Current.RemeasurementMonths ?? settings.RemeasurementMonths;
        var dues = RemeasurementDates(plan, settings);
        var instrument = plan.Current.RemeasurementInstrument;
        var measured = input.Measurements
            .Where(m => string.Equals(m.PersonId, plan.PersonId, StringComparison.Ordinal)
                && string.Equals(m.InstrumentId, instrument, StringComparison.Ordinal))
            .Select(m => m.Date)
            .ToList();

        for (var k = 0; k < dues.Count; k++)
        {
            // A measurement counts for point k from its reminder until the next point's reminder.
            var windowStart = dues[k].AddDays(-settings.ReminderDays);
            DateOnly? nextWindowStart = k + 1 < dues.Count ? dues[k + 1].AddDays(-settings.ReminderDays) : null;
            if (input.Today < windowStart || (nextWindowStart is { } next && input.Today >= next))
            {
                continue;
            }

            if (measured.Any(d => d >= windowStart && (nextWindowStart is not { } end || d < end)))
            {
                continue;
            }

            items.Add(PlanItem(plan, WorkItemKind.Remeasurement, dues[k], input.Today,
                $"Nieuwe meting ({instrument}), {months[k]} maanden na de start van het plan: uiterlijk {SupportText.Date(dues[k])}."));
        }
    }

    private static void AddReview(SupportPlan plan, DateOnly today, WorkListSettings settings, List<WorkItem> items)
    {
        if (plan.Current.ReviewDate is not { } review || today < review.AddDays(-settings.ReminderDays))
        {
            return;
        }

        var text = plan.Current.IsWatchfulWaiting
            ? $"Bekijk opnieuw hoe het gaat: er is afgesproken af te wachten tot {SupportText.Date(review)}."
            : $"Bespreek het plan opnieuw: afgesproken op {SupportText.Date(review)}.";
        items.Add(PlanItem(plan, WorkItemKind.PlanReview, review, today, text));
    }

    private static void AddLongWaits(WorkListInput input, Dictionary<string, SupportPlan> plans, WorkListSettings settings, List<WorkItem> items)
    {
        var limitDays = settings.LongWaitWeeks * 7;
        foreach (var trajectory in input.Trajectories.Where(t => t.State is TrajectoryState.Referred or TrajectoryState.Waiting))
        {
            // Trajectories whose plan is not in the input are left out: the plan says who is responsible.
            if (!plans.TryGetValue(trajectory.PlanId, out var plan) || trajectory.DateOf(TrajectoryState.Referred) is not { } referred)
            {
                continue;
            }

            var waited = input.Today.DayNumber - referred.DayNumber;
            if (waited <= limitDays)
            {
                continue;
            }

            items.Add(new WorkItem
            {
                Kind = WorkItemKind.LongWait,
                Urgency = Urgency.Overdue,
                DueOn = referred.AddDays(limitDays),
                PersonId = trajectory.PersonId,
                PlanId = plan.Id,
                Professional = plan.Current.ResponsibleProfessional,
                Wijk = plan.Wijk,
                InterventionId = trajectory.InterventionId,
                TrajectoryId = trajectory.Id,
                Text = $"De persoon wacht al {waited / 7} weken en {waited % 7} dagen op {SupportPlan.InterventionName(trajectory.InterventionId)} (aangemeld op {SupportText.Date(referred)}). Vraag hoe het gaat en wat er nodig is.",
            });
        }
    }

    private static WorkItem PlanItem(SupportPlan plan, WorkItemKind kind, DateOnly due, DateOnly today, string text) => new()
    {
        Kind = kind,
        Urgency = UrgencyOf(due, today),
        DueOn = due,
        PersonId = plan.PersonId,
        PlanId = plan.Id,
        Professional = plan.Current.ResponsibleProfessional,
        Wijk = plan.Wijk,
        Text = text,
    };

    private static bool Matches(WorkItem item, WorkListFilter filter, Dictionary<string, SupportPlan> plans)
    {
        if (filter.Professional is { } professional && !string.Equals(item.Professional, professional, StringComparison.Ordinal))
        {
            return false;
        }

        if (filter.Wijk is { } wijk && !string.Equals(item.Wijk, wijk, StringComparison.Ordinal))
        {
            return false;
        }

        if (filter.InterventionId is not { } intervention)
        {
            return true;
        }

        return item.InterventionId is { } own
            ? string.Equals(own, intervention, StringComparison.Ordinal)
            : plans.TryGetValue(item.PlanId, out var plan) && plan.Current.Interventions.Any(i => string.Equals(i.InterventionId, intervention, StringComparison.Ordinal));
    }
}
