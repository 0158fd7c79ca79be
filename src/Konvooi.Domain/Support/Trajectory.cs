using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Support;

/// <summary>The states of one chosen intervention, from proposal to its end.</summary>
public enum TrajectoryState
{
    Proposed,
    Referred,
    Waiting,
    Started,
    Completed,
    Declined,
    NeverStarted,
    DroppedOut,
}

/// <summary>One step of a trajectory. Exit steps (declined, never started, dropped out) carry a <c>dropout_reason</c>.</summary>
public sealed record TrajectoryEvent
{
    public required TrajectoryState State { get; init; }

    /// <summary>The date the step happened (not the date it was typed in).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Id of the user who recorded the step.</summary>
    public required string RecordedBy { get; init; }

    /// <summary>A <c>dropout_reason</c> code; required for exit steps, not allowed otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>Free text; required when the reason is <c>other</c>.</summary>
    public string? Note { get; init; }

    /// <summary>A planned date, e.g. the expected start while waiting; today or later.</summary>
    public DateOnly? PlannedDate { get; init; }
}

/// <summary>Settings of the trajectory rules.</summary>
/// <param name="FollowUpDays">Days after a decline, dropout or never-start within which the professional follows up (default 14, own choice; docs/support-plan.md).</param>
public sealed record TrajectoryRules(int FollowUpDays = 14)
{
    public static TrajectoryRules Default { get; } = new();
}

/// <summary>A follow-up for the responsible professional after a trajectory ended without completion (RK-5).</summary>
/// <remarks>One trajectory ends at most once, so <see cref="TrajectoryId"/> identifies the task.</remarks>
public sealed record FollowUpTask
{
    public required string TrajectoryId { get; init; }

    public required string PlanId { get; init; }

    public required string PersonId { get; init; }

    public required string InterventionId { get; init; }

    public required string ResponsibleProfessional { get; init; }

    /// <summary>The exit state that created the task.</summary>
    public required TrajectoryState Cause { get; init; }

    /// <summary>The <c>dropout_reason</c> code of the exit.</summary>
    public required string Reason { get; init; }

    /// <summary>The date of the exit step.</summary>
    public required DateOnly CreatedOn { get; init; }

    public required DateOnly DueOn { get; init; }

    public DateOnly? DoneOn { get; init; }

    public bool IsDone => DoneOn is not null;

    /// <summary>Marks the task done; the date may not lie after today or before the task was created.</summary>
    public SupportOutcome<FollowUpTask> MarkDone(DateOnly doneOn, DateOnly today)
    {
        var errors = new List<Error>();
        if (IsDone)
        {
            errors.Add(new Error("follow_up.already_done", $"Deze opvolging is al gedaan op {SupportText.Date(DoneOn!.Value)}."));
        }

        if (doneOn > today)
        {
            errors.Add(new Error("follow_up.done_in_future", $"De datum {SupportText.Date(doneOn)} ligt na vandaag ({SupportText.Date(today)})."));
        }

        if (doneOn < CreatedOn)
        {
            errors.Add(new Error("follow_up.done_before_created",
                $"De datum {SupportText.Date(doneOn)} ligt vóór het moment dat de opvolging nodig werd ({SupportText.Date(CreatedOn)})."));
        }

        return errors.Count > 0
            ? new SupportOutcome<FollowUpTask>.Refused(errors)
            : new SupportOutcome<FollowUpTask>.Accepted(this with { DoneOn = doneOn });
    }
}

/// <summary>What an accepted step yields: the new trajectory, a follow-up task after an exit, and the profile's <c>droppedOut</c> entry.</summary>
public sealed record TrajectoryStep(Trajectory Trajectory, FollowUpTask? FollowUp, Dropout? ProfileDropout);

/// <summary>The course of one chosen intervention of a plan: its steps, oldest first.</summary>
public sealed record Trajectory
{
    private static readonly Dictionary<TrajectoryState, TrajectoryState[]> Next = new Dictionary<TrajectoryState, TrajectoryState[]>
    {
        [TrajectoryState.Proposed] = [TrajectoryState.Referred, TrajectoryState.Declined],
        [TrajectoryState.Referred] = [TrajectoryState.Waiting, TrajectoryState.Started, TrajectoryState.Declined, TrajectoryState.NeverStarted],
        [TrajectoryState.Waiting] = [TrajectoryState.Started, TrajectoryState.Declined, TrajectoryState.NeverStarted],
        [TrajectoryState.Started] = [TrajectoryState.Completed, TrajectoryState.DroppedOut],
        [TrajectoryState.Completed] = [],
        [TrajectoryState.Declined] = [],
        [TrajectoryState.NeverStarted] = [],
        [TrajectoryState.DroppedOut] = [],
    };

    private Trajectory()
    {
    }

    public required string Id { get; init; }

    public required string PlanId { get; init; }

    public required string PersonId { get; init; }

    /// <summary>The catalogue id of the intervention.</summary>
    public required string InterventionId { get; init; }

    /// <summary>The steps, oldest first; never empty, the first is <see cref="TrajectoryState.Proposed"/>.</summary>
    public required IReadOnlyList<TrajectoryEvent> Events { get; init; }

    public TrajectoryState State => Events[^1].State;

    public bool IsEnded => Next[State].Length == 0;

    /// <summary>The exit step (declined, never started, dropped out), or null.</summary>
    public TrajectoryEvent? Exit => IsExit(State) ? Events[^1] : null;

    /// <summary>The states that may follow <paramref name="state"/>.</summary>
    public static IReadOnlyList<TrajectoryState> AllowedAfter(TrajectoryState state) => Next[state];

    /// <summary>True for the exit states that need a reason and a follow-up.</summary>
    public static bool IsExit(TrajectoryState state) =>
        state is TrajectoryState.Declined or TrajectoryState.NeverStarted or TrajectoryState.DroppedOut;

    /// <summary>The date the trajectory entered <paramref name="state"/>, or null.</summary>
    public DateOnly? DateOf(TrajectoryState state) => Events.FirstOrDefault(e => e.State == state)?.Date;

    /// <summary>Starts a trajectory in the proposed state.</summary>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    public static SupportOutcome<Trajectory> Propose(string id, string planId, string personId, string interventionId, DateOnly proposedOn, string recordedBy, DateOnly today)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(planId);
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentException.ThrowIfNullOrWhiteSpace(interventionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);

        if (proposedOn > today)
        {
            return new SupportOutcome<Trajectory>.Refused([FutureDate(proposedOn, today)]);
        }

        return new SupportOutcome<Trajectory>.Accepted(new Trajectory
        {
            Id = id,
            PlanId = planId,
            PersonId = personId,
            InterventionId = interventionId,
            Events = [new TrajectoryEvent { State = TrajectoryState.Proposed, Date = proposedOn, RecordedBy = recordedBy }],
        });
    }

    /// <summary>
    /// Rebuilds a stored trajectory without the date checks against today. The steps must start with
    /// <c>proposed</c>, follow the transition table and never go back in time.
    /// </summary>
    /// <exception cref="ArgumentException">The stored steps break these rules (corrupt data).</exception>
    public static Trajectory Restore(string id, string planId, string personId, string interventionId, IReadOnlyList<TrajectoryEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(planId);
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentException.ThrowIfNullOrWhiteSpace(interventionId);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0 || events[0].State != TrajectoryState.Proposed)
        {
            throw new ArgumentException("A trajectory starts with a proposed step.", nameof(events));
        }

        for (var i = 1; i < events.Count; i++)
        {
            if (!Next[events[i - 1].State].Contains(events[i].State) || events[i].Date < events[i - 1].Date)
            {
                throw new ArgumentException($"Step {i} ({events[i].State}) cannot follow {events[i - 1].State} on that date.", nameof(events));
            }

            if (IsExit(events[i].State) && string.IsNullOrWhiteSpace(events[i].Reason))
            {
                throw new ArgumentException($"Exit step {i} has no reason.", nameof(events));
            }
        }

        return new Trajectory { Id = id, PlanId = planId, PersonId = personId, InterventionId = interventionId, Events = events };
    }

    /// <summary>
    /// Applies one step. Refuses impossible steps with every reason. An exit step yields a follow-up task
    /// for <paramref name="responsibleProfessional"/>, due <see cref="TrajectoryRules.FollowUpDays"/> after the
    /// step's date, and a <see cref="Dropout"/> for the person's profile when the matching engine must know it.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SupportOutcome<TrajectoryStep> Apply(TrajectoryEvent step, string responsibleProfessional, DateOnly today, TrajectoryRules rules)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentException.ThrowIfNullOrWhiteSpace(responsibleProfessional);
        ArgumentNullException.ThrowIfNull(rules);

        var errors = new List<Error>();
        CheckTransition(step.State, errors);
        CheckDates(step, today, errors);
        CheckReason(step, errors);
        if (string.IsNullOrWhiteSpace(step.RecordedBy))
        {
            errors.Add(new Error("trajectory.recorded_by_required", "Vul in wie deze stap vastlegt."));
        }

        if (errors.Count > 0)
        {
            return new SupportOutcome<TrajectoryStep>.Refused(errors);
        }

        var next = this with { Events = [.. Events, step] };
        FollowUpTask? task = null;
        Dropout? dropout = null;
        if (IsExit(step.State))
        {
            var reason = step.Reason!; // CheckReason refused exit steps without a reason.
            task = new FollowUpTask
            {
                TrajectoryId = Id,
                PlanId = PlanId,
                PersonId = PersonId,
                InterventionId = InterventionId,
                ResponsibleProfessional = responsibleProfessional,
                Cause = step.State,
                Reason = reason,
                CreatedOn = step.Date,
                DueOn = step.Date.AddDays(rules.FollowUpDays),
            };
            dropout = next.ToProfileDropout();
        }

        return new SupportOutcome<TrajectoryStep>.Accepted(new TrajectoryStep(next, task, dropout));
    }

    /// <summary>
    /// The <c>droppedOut</c> entry this trajectory contributes to the person's profile: every dropout (misfit
    /// or not, so the engine can exclude or inform), and a decline or never-start for a misfit reason
    /// (the person judged it does not fit; RK-5). Null otherwise.
    /// </summary>
    public Dropout? ToProfileDropout()
    {
        if (Exit is not { Reason: { } reason } exit)
        {
            return null;
        }

        var entry = new Dropout(InterventionId, reason);
        return exit.State == TrajectoryState.DroppedOut || entry.IsMisfit ? entry : null;
    }

    /// <summary>
    /// The profile's <c>droppedOut</c> list from a person's trajectories: one entry per intervention, a misfit
    /// reason winning over others, then the latest exit.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="trajectories"/> is null.</exception>
    public static IReadOnlyList<Dropout> ProfileDropouts(IEnumerable<Trajectory> trajectories)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        return trajectories
            .Select(t => (Entry: t.ToProfileDropout(), Date: t.Events[^1].Date))
            .Where(x => x.Entry is not null)
            .GroupBy(x => x.Entry!.Intervention, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(x => x.Entry!.IsMisfit).ThenByDescending(x => x.Date).First().Entry!)
            .ToList();
    }

    private void CheckTransition(TrajectoryState to, List<Error> errors)
    {
        if (IsEnded)
        {
            errors.Add(new Error("trajectory.ended",
                $"Dit traject is al beëindigd ({State.Label()}). Begint de persoon opnieuw? Maak dan een nieuw traject."));
            return;
        }

        if (Next[State].Contains(to))
        {
            return;
        }

        if (to == State)
        {
            errors.Add(new Error("trajectory.same_state", $"Het traject staat al op '{State.Label()}'."));
        }
        else if (to == TrajectoryState.Completed)
        {
            errors.Add(new Error("trajectory.completed_before_started",
                "Het traject kan niet afgerond zijn als het nog niet gestart is. Leg eerst de start vast."));
        }
        else if (to == TrajectoryState.DroppedOut)
        {
            errors.Add(new Error("trajectory.dropout_before_started",
                "Voortijdig stoppen kan pas na de start. Begon de persoon nooit? Kies dan 'nooit gestart' of 'afgewezen door de persoon'."));
        }
        else
        {
            var options = string.Join(", ", Next[State].Select(s => $"'{s.Label()}'"));
            errors.Add(new Error("trajectory.transition_not_allowed",
                $"Van '{State.Label()}' kan het traject niet naar '{to.Label()}'. Mogelijke volgende stappen: {options}."));
        }
    }

    private void CheckDates(TrajectoryEvent step, DateOnly today, List<Error> errors)
    {
        if (step.Date > today)
        {
            errors.Add(FutureDate(step.Date, today));
        }

        var previous = Events[^1];
        if (step.Date < previous.Date)
        {
            errors.Add(new Error("trajectory.date_out_of_order",
                $"De datum {SupportText.Date(step.Date)} ligt vóór de vorige stap ('{previous.State.Label()}' op {SupportText.Date(previous.Date)}). Stappen volgen elkaar op in de tijd."));
        }

        if (step.PlannedDate is { } planned && planned < today)
        {
            errors.Add(new Error("trajectory.planned_in_past",
                $"De geplande datum {SupportText.Date(planned)} ligt in het verleden. Kies vandaag of later."));
        }
    }

    private static void CheckReason(TrajectoryEvent step, List<Error> errors)
    {
        if (!IsExit(step.State))
        {
            if (step.Reason is not null)
            {
                errors.Add(new Error("trajectory.reason_not_expected",
                    "Een reden hoort alleen bij afwijzen, nooit starten of voortijdig stoppen."));
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(step.Reason))
        {
            var what = step.State switch
            {
                TrajectoryState.Declined => "de persoon het aanbod afwees",
                TrajectoryState.NeverStarted => "de persoon nooit begon",
                _ => "de persoon voortijdig stopte",
            };
            errors.Add(new Error("trajectory.reason_required", $"Kies een reden waarom {what}. Die reden helpt om beter passend aanbod te vinden."));
        }
        else if (!Vocabulary.DropoutReasons.ContainsKey(step.Reason))
        {
            errors.Add(new Error("trajectory.reason_unknown",
                $"'{step.Reason}' is geen bekende reden. Kies uit: {string.Join(", ", Vocabulary.DropoutReasons.Values)}."));
        }
        else if (step.Reason == "other" && string.IsNullOrWhiteSpace(step.Note))
        {
            errors.Add(new Error("trajectory.note_required", "Bij 'een andere reden' hoort een korte toelichting."));
        }
    }

    private static Error FutureDate(DateOnly date, DateOnly today) =>
        new("trajectory.date_in_future",
            $"De datum {SupportText.Date(date)} ligt na vandaag ({SupportText.Date(today)}). Leg een stap pas vast als die gebeurd is.");
}
