using Konvooi.Domain.Matching;
using Konvooi.Domain.Support;

namespace Konvooi.Domain.Tests.Support;

public sealed class TrajectoryTests
{
    private static readonly DateOnly Day0 = new(2026, 1, 5);
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static readonly Dictionary<TrajectoryState, TrajectoryState[]> PathTo = new()
    {
        [TrajectoryState.Proposed] = [],
        [TrajectoryState.Referred] = [TrajectoryState.Referred],
        [TrajectoryState.Waiting] = [TrajectoryState.Referred, TrajectoryState.Waiting],
        [TrajectoryState.Started] = [TrajectoryState.Referred, TrajectoryState.Started],
        [TrajectoryState.Completed] = [TrajectoryState.Referred, TrajectoryState.Started, TrajectoryState.Completed],
        [TrajectoryState.Declined] = [TrajectoryState.Declined],
        [TrajectoryState.NeverStarted] = [TrajectoryState.Referred, TrajectoryState.NeverStarted],
        [TrajectoryState.DroppedOut] = [TrajectoryState.Referred, TrajectoryState.Started, TrajectoryState.DroppedOut],
    };

    internal static TrajectoryEvent Step(TrajectoryState state, DateOnly date, string? reason = null, string? note = null) =>
        new() { State = state, Date = date, RecordedBy = "pro-1", Reason = reason ?? (Trajectory.IsExit(state) ? "health" : null), Note = note };

    internal static Trajectory Proposed(string intervention = "daily_contact_moment", string id = "t-1", string person = "person-1", DateOnly? on = null) =>
        ((SupportOutcome<Trajectory>.Accepted)Trajectory.Propose(id, "plan-1", person, intervention, on ?? Day0, "pro-1", Today)).Value;

    internal static Trajectory Accept(Trajectory trajectory, TrajectoryEvent step, DateOnly? today = null) =>
        Assert.IsType<SupportOutcome<TrajectoryStep>.Accepted>(trajectory.Apply(step, "pro-1", today ?? Today, TrajectoryRules.Default)).Value.Trajectory;

    private static Trajectory In(TrajectoryState state)
    {
        var trajectory = Proposed();
        var day = Day0;
        foreach (var s in PathTo[state])
        {
            day = day.AddDays(7);
            trajectory = Accept(trajectory, Step(s, day));
        }

        return trajectory;
    }

    private static List<string> Refusals(SupportOutcome<TrajectoryStep> outcome) =>
        Assert.IsType<SupportOutcome<TrajectoryStep>.Refused>(outcome).Errors.Select(e => e.Code).ToList();

    [Theory]
    [InlineData(TrajectoryState.Proposed, TrajectoryState.Proposed, "trajectory.same_state")]
    [InlineData(TrajectoryState.Proposed, TrajectoryState.Referred, "ok")]
    [InlineData(TrajectoryState.Proposed, TrajectoryState.Waiting, "trajectory.transition_not_allowed")]
    [InlineData(TrajectoryState.Proposed, TrajectoryState.Started, "trajectory.transition_not_allowed")]
    [InlineData(TrajectoryState.Proposed, TrajectoryState.Completed, "trajectory.completed_before_started")]
    [InlineData(TrajectoryState.Proposed, TrajectoryState.Declined, "ok")]
    [InlineData(TrajectoryState.Proposed, TrajectoryState.NeverStarted, "trajectory.transition_not_allowed")]
    [InlineData(TrajectoryState.Proposed, TrajectoryState.DroppedOut, "trajectory.dropout_before_started")]
    [InlineData(TrajectoryState.Referred, TrajectoryState.Proposed, "trajectory.transition_not_allowed")]
    [InlineData(TrajectoryState.Referred, TrajectoryState.Referred, "trajectory.same_state")]
    [InlineData(TrajectoryState.Referred, TrajectoryState.Waiting, "ok")]
    [InlineData(TrajectoryState.Referred, TrajectoryState.Started, "ok")]
    [InlineData(TrajectoryState.Referred, TrajectoryState.Completed, "trajectory.completed_before_started")]
    [InlineData(TrajectoryState.Referred, TrajectoryState.Declined, "ok")]
    [InlineData(TrajectoryState.Referred, TrajectoryState.NeverStarted, "ok")]
    [InlineData(TrajectoryState.Referred, TrajectoryState.DroppedOut, "trajectory.dropout_before_started")]
    [InlineData(TrajectoryState.Waiting, TrajectoryState.Proposed, "trajectory.transition_not_allowed")]
    [InlineData(TrajectoryState.Waiting, TrajectoryState.Referred, "trajectory.transition_not_allowed")]
    [InlineData(TrajectoryState.Waiting, TrajectoryState.Waiting, "trajectory.same_state")]
    [InlineData(TrajectoryState.Waiting, TrajectoryState.Started, "ok")]
    [InlineData(TrajectoryState.Waiting, TrajectoryState.Completed, "trajectory.completed_before_started")]
    [InlineData(TrajectoryState.Waiting, TrajectoryState.Declined, "ok")]
    [InlineData(TrajectoryState.Waiting, TrajectoryState.NeverStarted, "ok")]
    [InlineData(TrajectoryState.Waiting, TrajectoryState.DroppedOut, "trajectory.dropout_before_started")]
    [InlineData(TrajectoryState.Started, TrajectoryState.Proposed, "trajectory.transition_not_allowed")]
    [InlineData(TrajectoryState.Started, TrajectoryState.Referred, "trajectory.transition_not_allowed")]
    [InlineData(TrajectoryState.Started, TrajectoryState.Waiting, "trajectory.transition_not_allowed")]
    [InlineData(TrajectoryState.Started, TrajectoryState.Started, "trajectory.same_state")]
    [InlineData(TrajectoryState.Started, TrajectoryState.Completed, "ok")]
    [InlineData(TrajectoryState.Started, TrajectoryState.Declined, "trajectory.transition_not_allowed")]
    [InlineData(TrajectoryState.Started, TrajectoryState.NeverStarted, "trajectory.transition_not_allowed")]
    [InlineData(TrajectoryState.Started, TrajectoryState.DroppedOut, "ok")]
    [InlineData(TrajectoryState.Completed, TrajectoryState.Proposed, "trajectory.ended")]
    [InlineData(TrajectoryState.Completed, TrajectoryState.Referred, "trajectory.ended")]
    [InlineData(TrajectoryState.Completed, TrajectoryState.Waiting, "trajectory.ended")]
    [InlineData(TrajectoryState.Completed, TrajectoryState.Started, "trajectory.ended")]
    [InlineData(TrajectoryState.Completed, TrajectoryState.Completed, "trajectory.ended")]
    [InlineData(TrajectoryState.Completed, TrajectoryState.Declined, "trajectory.ended")]
    [InlineData(TrajectoryState.Completed, TrajectoryState.NeverStarted, "trajectory.ended")]
    [InlineData(TrajectoryState.Completed, TrajectoryState.DroppedOut, "trajectory.ended")]
    [InlineData(TrajectoryState.Declined, TrajectoryState.Proposed, "trajectory.ended")]
    [InlineData(TrajectoryState.Declined, TrajectoryState.Referred, "trajectory.ended")]
    [InlineData(TrajectoryState.Declined, TrajectoryState.Waiting, "trajectory.ended")]
    [InlineData(TrajectoryState.Declined, TrajectoryState.Started, "trajectory.ended")]
    [InlineData(TrajectoryState.Declined, TrajectoryState.Completed, "trajectory.ended")]
    [InlineData(TrajectoryState.Declined, TrajectoryState.Declined, "trajectory.ended")]
    [InlineData(TrajectoryState.Declined, TrajectoryState.NeverStarted, "trajectory.ended")]
    [InlineData(TrajectoryState.Declined, TrajectoryState.DroppedOut, "trajectory.ended")]
    [InlineData(TrajectoryState.NeverStarted, TrajectoryState.Proposed, "trajectory.ended")]
    [InlineData(TrajectoryState.NeverStarted, TrajectoryState.Referred, "trajectory.ended")]
    [InlineData(TrajectoryState.NeverStarted, TrajectoryState.Waiting, "trajectory.ended")]
    [InlineData(TrajectoryState.NeverStarted, TrajectoryState.Started, "trajectory.ended")]
    [InlineData(TrajectoryState.NeverStarted, TrajectoryState.Completed, "trajectory.ended")]
    [InlineData(TrajectoryState.NeverStarted, TrajectoryState.Declined, "trajectory.ended")]
    [InlineData(TrajectoryState.NeverStarted, TrajectoryState.NeverStarted, "trajectory.ended")]
    [InlineData(TrajectoryState.NeverStarted, TrajectoryState.DroppedOut, "trajectory.ended")]
    [InlineData(TrajectoryState.DroppedOut, TrajectoryState.Proposed, "trajectory.ended")]
    [InlineData(TrajectoryState.DroppedOut, TrajectoryState.Referred, "trajectory.ended")]
    [InlineData(TrajectoryState.DroppedOut, TrajectoryState.Waiting, "trajectory.ended")]
    [InlineData(TrajectoryState.DroppedOut, TrajectoryState.Started, "trajectory.ended")]
    [InlineData(TrajectoryState.DroppedOut, TrajectoryState.Completed, "trajectory.ended")]
    [InlineData(TrajectoryState.DroppedOut, TrajectoryState.Declined, "trajectory.ended")]
    [InlineData(TrajectoryState.DroppedOut, TrajectoryState.NeverStarted, "trajectory.ended")]
    [InlineData(TrajectoryState.DroppedOut, TrajectoryState.DroppedOut, "trajectory.ended")]
    public void Apply_EveryPairOfStates_AllowsOnlyTheTransitionTable(TrajectoryState from, TrajectoryState to, string expected)
    {
        // docs/support-plan.md, transition table; every from/to pair, 64 rows.
        var trajectory = In(from);

        var outcome = trajectory.Apply(Step(to, Today), "pro-1", Today, TrajectoryRules.Default);

        if (expected == "ok")
        {
            var accepted = Assert.IsType<SupportOutcome<TrajectoryStep>.Accepted>(outcome).Value;
            Assert.Equal(to, accepted.Trajectory.State);
            Assert.Equal(Today, accepted.Trajectory.DateOf(to));
        }
        else
        {
            Assert.Equal([expected], Refusals(outcome));
        }
    }

    [Fact]
    public void Apply_CompletedBeforeStarted_ExplainsInDutch()
    {
        var error = Assert.Single(Assert.IsType<SupportOutcome<TrajectoryStep>.Refused>(
            In(TrajectoryState.Waiting).Apply(Step(TrajectoryState.Completed, Today), "pro-1", Today, TrajectoryRules.Default)).Errors);

        Assert.Equal("Het traject kan niet afgerond zijn als het nog niet gestart is. Leg eerst de start vast.", error.Message);
    }

    [Fact]
    public void Apply_NotAllowed_ListsPossibleNextSteps()
    {
        var error = Assert.Single(Assert.IsType<SupportOutcome<TrajectoryStep>.Refused>(
            In(TrajectoryState.Started).Apply(Step(TrajectoryState.Waiting, Today), "pro-1", Today, TrajectoryRules.Default)).Errors);

        Assert.Equal("Van 'gestart' kan het traject niet naar 'wacht op start'. Mogelijke volgende stappen: 'afgerond', 'voortijdig gestopt'.", error.Message);
    }

    [Fact]
    public void Apply_DateAfterToday_IsRefused()
    {
        var outcome = Proposed().Apply(Step(TrajectoryState.Referred, Today.AddDays(1)), "pro-1", Today, TrajectoryRules.Default);

        Assert.Equal(["trajectory.date_in_future"], Refusals(outcome));
    }

    [Fact]
    public void Apply_DateToday_IsAccepted()
    {
        Assert.Equal(TrajectoryState.Referred, Accept(Proposed(), Step(TrajectoryState.Referred, Today)).State);
    }

    [Fact]
    public void Apply_DateBeforePreviousStep_IsRefused()
    {
        var outcome = Proposed().Apply(Step(TrajectoryState.Referred, Day0.AddDays(-1)), "pro-1", Today, TrajectoryRules.Default);

        Assert.Equal(["trajectory.date_out_of_order"], Refusals(outcome));
    }

    [Fact]
    public void Apply_SameDateAsPreviousStep_IsAccepted()
    {
        Assert.Equal(TrajectoryState.Referred, Accept(Proposed(), Step(TrajectoryState.Referred, Day0)).State);
    }

    [Fact]
    public void Apply_PlannedDateInPast_IsRefused()
    {
        var referred = Accept(Proposed(), Step(TrajectoryState.Referred, Today));

        var outcome = referred.Apply(Step(TrajectoryState.Waiting, Today) with { PlannedDate = Today.AddDays(-1) }, "pro-1", Today, TrajectoryRules.Default);

        Assert.Equal(["trajectory.planned_in_past"], Refusals(outcome));
    }

    [Fact]
    public void Apply_PlannedDateToday_IsAccepted()
    {
        var referred = Accept(Proposed(), Step(TrajectoryState.Referred, Today));

        var waiting = Accept(referred, Step(TrajectoryState.Waiting, Today) with { PlannedDate = Today });

        Assert.Equal(Today, waiting.Events[^1].PlannedDate);
    }

    [Theory]
    [InlineData(TrajectoryState.Declined)]
    [InlineData(TrajectoryState.NeverStarted)]
    [InlineData(TrajectoryState.DroppedOut)]
    public void Apply_ExitWithoutReason_IsRefused(TrajectoryState exit)
    {
        var from = exit == TrajectoryState.DroppedOut ? In(TrajectoryState.Started) : In(TrajectoryState.Referred);

        var outcome = from.Apply(Step(exit, Today) with { Reason = null }, "pro-1", Today, TrajectoryRules.Default);

        Assert.Equal(["trajectory.reason_required"], Refusals(outcome));
    }

    [Fact]
    public void Apply_UnknownReason_IsRefused()
    {
        var outcome = In(TrajectoryState.Started).Apply(Step(TrajectoryState.DroppedOut, Today, "bored"), "pro-1", Today, TrajectoryRules.Default);

        Assert.Equal(["trajectory.reason_unknown"], Refusals(outcome));
    }

    [Fact]
    public void Apply_OtherReasonWithoutNote_IsRefused()
    {
        var outcome = In(TrajectoryState.Started).Apply(Step(TrajectoryState.DroppedOut, Today, "other"), "pro-1", Today, TrajectoryRules.Default);

        Assert.Equal(["trajectory.note_required"], Refusals(outcome));
    }

    [Fact]
    public void Apply_OtherReasonWithNote_IsAccepted()
    {
        var stopped = Accept(In(TrajectoryState.Started), Step(TrajectoryState.DroppedOut, Today, "other", "de groep viel uit elkaar"));

        Assert.Equal("de groep viel uit elkaar", stopped.Exit!.Note);
    }

    [Fact]
    public void Apply_ReasonOnNonExitStep_IsRefused()
    {
        var outcome = Proposed().Apply(Step(TrajectoryState.Referred, Today, "health"), "pro-1", Today, TrajectoryRules.Default);

        Assert.Equal(["trajectory.reason_not_expected"], Refusals(outcome));
    }

    [Fact]
    public void Apply_SeveralProblems_ReportsAll()
    {
        var outcome = In(TrajectoryState.Referred).Apply(Step(TrajectoryState.Completed, Today.AddDays(2)) with { RecordedBy = "" }, "pro-1", Today, TrajectoryRules.Default);

        Assert.Equal(["trajectory.completed_before_started", "trajectory.date_in_future", "trajectory.recorded_by_required"], Refusals(outcome));
    }

    [Theory]
    [InlineData(TrajectoryState.Declined)]
    [InlineData(TrajectoryState.NeverStarted)]
    [InlineData(TrajectoryState.DroppedOut)]
    public void Apply_Exit_CreatesFollowUpDueInFourteenDays(TrajectoryState exit)
    {
        // docs/support-plan.md: a follow-up within 14 days of the exit step by default (RK-5).
        var from = exit == TrajectoryState.DroppedOut ? In(TrajectoryState.Started) : In(TrajectoryState.Referred);
        var exitDay = new DateOnly(2026, 3, 2);

        var step = Assert.IsType<SupportOutcome<TrajectoryStep>.Accepted>(from.Apply(Step(exit, exitDay), "pro-7", Today, TrajectoryRules.Default)).Value;

        var task = step.FollowUp!;
        Assert.Equal(new DateOnly(2026, 3, 16), task.DueOn);
        Assert.Equal("pro-7", task.ResponsibleProfessional);
        Assert.Equal(exit, task.Cause);
        Assert.Equal("health", task.Reason);
        Assert.False(task.IsDone);
    }

    [Fact]
    public void Apply_ExitWithConfiguredDays_UsesThem()
    {
        var step = Assert.IsType<SupportOutcome<TrajectoryStep>.Accepted>(
            In(TrajectoryState.Started).Apply(Step(TrajectoryState.DroppedOut, new DateOnly(2026, 2, 20)), "pro-1", Today, new TrajectoryRules(FollowUpDays: 7))).Value;

        Assert.Equal(new DateOnly(2026, 2, 27), step.FollowUp!.DueOn);
    }

    [Fact]
    public void Apply_Completed_CreatesNoFollowUpAndNoDropout()
    {
        var step = Assert.IsType<SupportOutcome<TrajectoryStep>.Accepted>(
            In(TrajectoryState.Started).Apply(Step(TrajectoryState.Completed, Today), "pro-1", Today, TrajectoryRules.Default)).Value;

        Assert.Null(step.FollowUp);
        Assert.Null(step.ProfileDropout);
    }

    [Theory]
    [InlineData("mismatch_expectations")]  // docs/vocabulary.md: misfit
    [InlineData("did_not_feel_at_home")]   // docs/vocabulary.md: misfit
    public void Apply_DropoutForMisfit_YieldsProfileEntryTheMatcherExcludes(string reason)
    {
        // RK-5: never re-propose an intervention the person left because it did not fit.
        var step = Assert.IsType<SupportOutcome<TrajectoryStep>.Accepted>(
            In(TrajectoryState.Started).Apply(Step(TrajectoryState.DroppedOut, Today, reason), "pro-1", Today, TrajectoryRules.Default)).Value;
        var profile = new Profile { DroppedOut = [step.ProfileDropout!] };

        var result = Matcher.Match(profile, InterventionCatalogue.Starter);

        Assert.Equal(new Dropout("daily_contact_moment", reason), step.ProfileDropout);
        Assert.True(step.ProfileDropout!.IsMisfit);
        Assert.DoesNotContain(result.Suggestions, s => s.Intervention.Id == "daily_contact_moment");
        Assert.Contains(result.Excluded, e => e.Intervention.Id == "daily_contact_moment" && e.Rule == "misfit_dropout");
    }

    [Fact]
    public void Apply_DropoutForOtherReason_YieldsInformingEntry()
    {
        var step = Assert.IsType<SupportOutcome<TrajectoryStep>.Accepted>(
            In(TrajectoryState.Started).Apply(Step(TrajectoryState.DroppedOut, Today, "transport_or_distance"), "pro-1", Today, TrajectoryRules.Default)).Value;

        Assert.False(step.ProfileDropout!.IsMisfit);
    }

    [Theory]
    [InlineData(TrajectoryState.Declined, "did_not_feel_at_home", true)]
    [InlineData(TrajectoryState.Declined, "cost", false)]
    [InlineData(TrajectoryState.NeverStarted, "mismatch_expectations", true)]
    [InlineData(TrajectoryState.NeverStarted, "waiting_list", false)]
    public void Apply_DeclineOrNeverStart_YieldsProfileEntryOnlyForMisfit(TrajectoryState exit, string reason, bool expectEntry)
    {
        var step = Assert.IsType<SupportOutcome<TrajectoryStep>.Accepted>(
            In(TrajectoryState.Referred).Apply(Step(exit, Today, reason), "pro-1", Today, TrajectoryRules.Default)).Value;

        Assert.Equal(expectEntry, step.ProfileDropout is not null);
    }

    [Fact]
    public void ProfileDropouts_SameInterventionTwice_MisfitWins()
    {
        var misfit = Accept(In(TrajectoryState.Started), Step(TrajectoryState.DroppedOut, new DateOnly(2026, 2, 1), "did_not_feel_at_home"));
        var laterHealth = Accept(Accept(Accept(Proposed(id: "t-2", on: new DateOnly(2026, 2, 2)), Step(TrajectoryState.Referred, new DateOnly(2026, 2, 3))),
            Step(TrajectoryState.Started, new DateOnly(2026, 2, 4))), Step(TrajectoryState.DroppedOut, new DateOnly(2026, 3, 1), "health"));
        var other = Accept(Accept(Proposed("buddy_walks", "t-3"), Step(TrajectoryState.Referred, Today)), Step(TrajectoryState.Declined, Today, "cost"));

        var entries = Trajectory.ProfileDropouts([laterHealth, misfit, other]);

        Assert.Equal([new Dropout("daily_contact_moment", "did_not_feel_at_home")], entries);
    }

    [Fact]
    public void Propose_DateInFuture_IsRefused()
    {
        var outcome = Trajectory.Propose("t", "p", "x", "daily_contact_moment", Today.AddDays(1), "pro-1", Today);

        Assert.Equal("trajectory.date_in_future", Assert.Single(Assert.IsType<SupportOutcome<Trajectory>.Refused>(outcome).Errors).Code);
    }

    [Fact]
    public void AllowedAfter_EndStates_AreEmpty()
    {
        Assert.All([TrajectoryState.Completed, TrajectoryState.Declined, TrajectoryState.NeverStarted, TrajectoryState.DroppedOut],
            s => Assert.Empty(Trajectory.AllowedAfter(s)));
    }

    [Fact]
    public void MarkDone_Valid_SetsDate()
    {
        var task = FollowUp();

        var done = Assert.IsType<SupportOutcome<FollowUpTask>.Accepted>(task.MarkDone(Today, Today)).Value;

        Assert.True(done.IsDone);
    }

    [Fact]
    public void MarkDone_InFutureOrBeforeCreated_IsRefused()
    {
        var task = FollowUp();

        Assert.Equal("follow_up.done_in_future", Assert.Single(Assert.IsType<SupportOutcome<FollowUpTask>.Refused>(task.MarkDone(Today.AddDays(1), Today)).Errors).Code);
        Assert.Equal("follow_up.done_before_created", Assert.Single(Assert.IsType<SupportOutcome<FollowUpTask>.Refused>(task.MarkDone(task.CreatedOn.AddDays(-1), Today)).Errors).Code);
    }

    [Fact]
    public void MarkDone_Twice_IsRefused()
    {
        var done = ((SupportOutcome<FollowUpTask>.Accepted)FollowUp().MarkDone(Today, Today)).Value;

        Assert.Equal("follow_up.already_done", Assert.Single(Assert.IsType<SupportOutcome<FollowUpTask>.Refused>(done.MarkDone(Today, Today)).Errors).Code);
    }

    [Fact]
    public void Restore_StoredSteps_RebuildsTrajectory()
    {
        var original = In(TrajectoryState.DroppedOut);

        var restored = Trajectory.Restore(original.Id, original.PlanId, original.PersonId, original.InterventionId, original.Events);

        Assert.Equal(TrajectoryState.DroppedOut, restored.State);
        Assert.Equal(original.ToProfileDropout(), restored.ToProfileDropout());
    }

    [Fact]
    public void Restore_StepsOutOfTable_Throws()
    {
        TrajectoryEvent[] events = [Step(TrajectoryState.Proposed, Day0), Step(TrajectoryState.Completed, Day0)];

        Assert.Throws<ArgumentException>(() => Trajectory.Restore("t", "p", "x", "i", events));
    }

    private static FollowUpTask FollowUp() =>
        ((SupportOutcome<TrajectoryStep>.Accepted)In(TrajectoryState.Started).Apply(Step(TrajectoryState.DroppedOut, Today.AddDays(-3)), "pro-1", Today, TrajectoryRules.Default)).Value.FollowUp!;
}
