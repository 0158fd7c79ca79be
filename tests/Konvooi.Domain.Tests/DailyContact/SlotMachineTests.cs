using Konvooi.Domain.DailyContact;

namespace Konvooi.Domain.Tests.DailyContact;

public sealed class SlotMachineTests
{
    // Fixtures.SummerSlot: window 08:00–08:30 UTC; default ladder: retry 09:00, second contact 09:30, coordinator 10:30.
    private static readonly Guid CoordinatorUser = Guid.Parse("cccccccc-0000-0000-0000-000000000001");

    private static SlotState Initial() => SlotState.Initial(Fixtures.SummerSlot());

    private static SlotState AdvanceTo(SlotState state, DateTime now) => SlotMachine.Advance(state, now).State;

    private static SlotTransition Accepted(SlotCommandOutcome outcome) =>
        Assert.IsType<SlotCommandOutcome.Accepted>(outcome).Transition;

    private static string Rejected(SlotCommandOutcome outcome) =>
        Assert.IsType<SlotCommandOutcome.Rejected>(outcome).Error.Code;

    [Fact]
    public void Advance_BeforeWindow_StaysScheduled()
    {
        var transition = SlotMachine.Advance(Initial(), Fixtures.Utc(2026, 6, 10, 7, 59));

        Assert.Equal(SlotStatus.Scheduled, transition.State.Status);
        Assert.Empty(transition.Actions);
    }

    [Fact]
    public void Advance_InsideWindow_BecomesDueWithoutActions()
    {
        var transition = SlotMachine.Advance(Initial(), Fixtures.Utc(2026, 6, 10, 8, 10));

        Assert.Equal(SlotStatus.Due, transition.State.Status);
        Assert.Empty(transition.Actions);
    }

    [Fact]
    public void Advance_AtWindowEnd_IsMissedWithoutActionsYet()
    {
        var transition = SlotMachine.Advance(Initial(), Fixtures.Utc(2026, 6, 10, 8, 30));

        Assert.Equal(SlotStatus.Missed, transition.State.Status);
        Assert.Equal(EscalationStep.None, transition.State.LastStep);
        Assert.Empty(transition.Actions);
    }

    [Fact]
    public void Advance_RetryTimeReached_AsksTheAssignedContactAgain()
    {
        var transition = SlotMachine.Advance(Initial(), Fixtures.Utc(2026, 6, 10, 9, 0));

        var action = Assert.IsType<SlotAction.NotifyContact>(Assert.Single(transition.Actions));
        Assert.Equal(Fixtures.Anna, action.ContactId);
        Assert.Equal(NotifyReason.TryAgain, action.Reason);
        Assert.Equal(Fixtures.SummerSlot().Reference + "/step-1", action.Key);
        Assert.Equal(SlotStatus.Escalated, transition.State.Status);
        Assert.Equal(EscalationStep.Retry, transition.State.LastStep);
    }

    [Fact]
    public void Advance_RunTwiceAtSameTime_SecondRunHasNoActions()
    {
        var first = SlotMachine.Advance(Initial(), Fixtures.Utc(2026, 6, 10, 9, 40));

        var second = SlotMachine.Advance(first.State, Fixtures.Utc(2026, 6, 10, 9, 40));

        Assert.Equal(2, first.Actions.Count);
        Assert.Empty(second.Actions);
        Assert.Equal(first.State, second.State with { Log = first.State.Log });
    }

    [Fact]
    public void Advance_AfterRestartLongAfterWindow_CatchesUpEveryStepOnceInOrder()
    {
        var beforeRestart = AdvanceTo(Initial(), Fixtures.Utc(2026, 6, 10, 8, 5));

        var transition = SlotMachine.Advance(beforeRestart, Fixtures.Utc(2026, 6, 10, 13, 0));

        Assert.Equal(["step-1", "step-2", "step-3"], transition.Actions.Select(a => a.Key.Split('/')[1]));
        Assert.IsType<SlotAction.NotifyContact>(transition.Actions[1]);
        Assert.Equal(NotifyReason.SlotMissed, Assert.IsType<SlotAction.NotifyCoordinator>(transition.Actions[2]).Reason);
        Assert.Empty(SlotMachine.Advance(transition.State, Fixtures.Utc(2026, 6, 10, 14, 0)).Actions);
    }

    [Fact]
    public void Advance_CatchUp_LogsScheduledAndHandledTimes()
    {
        var state = AdvanceTo(Initial(), Fixtures.Utc(2026, 6, 10, 13, 0));

        Assert.Equal(
            [SlotEventKind.WindowOpened, SlotEventKind.Missed, SlotEventKind.RetryRequested, SlotEventKind.SecondContactRequested, SlotEventKind.CoordinatorAlerted],
            state.Log.Select(e => e.Kind));
        Assert.Equal(Fixtures.Utc(2026, 6, 10, 10, 30), state.Log[^1].DueAtUtc);
        Assert.All(state.Log, e => Assert.Equal(Fixtures.Utc(2026, 6, 10, 13, 0), e.HandledAtUtc));
    }

    [Fact]
    public void Advance_MinuteByMinuteOrInOneGo_TakesTheSameSteps()
    {
        var state = Initial();
        var keys = new List<string>();
        for (var now = Fixtures.Utc(2026, 6, 10, 7, 0); now <= Fixtures.Utc(2026, 6, 10, 12, 0); now = now.AddMinutes(1))
        {
            var transition = SlotMachine.Advance(state, now);
            keys.AddRange(transition.Actions.Select(a => a.Key));
            state = transition.State;
        }

        var oneGo = SlotMachine.Advance(Initial(), Fixtures.Utc(2026, 6, 10, 12, 0));

        Assert.Equal(oneGo.Actions.Select(a => a.Key), keys);
    }

    [Fact]
    public void Advance_ClockGoesBackAfterAStep_TakesNothingAgain()
    {
        var state = AdvanceTo(Initial(), Fixtures.Utc(2026, 6, 10, 9, 35));

        var transition = SlotMachine.Advance(state, Fixtures.Utc(2026, 6, 10, 9, 10));

        Assert.Empty(transition.Actions);
        Assert.Equal(EscalationStep.SecondContact, transition.State.LastStep);
    }

    [Fact]
    public void Advance_TwoInstancesFromTheSameStoredState_ProduceTheSameActionKeys()
    {
        var stored = AdvanceTo(Initial(), Fixtures.Utc(2026, 6, 10, 8, 45));

        var first = SlotMachine.Advance(stored, Fixtures.Utc(2026, 6, 10, 9, 31));
        var second = SlotMachine.Advance(stored, Fixtures.Utc(2026, 6, 10, 9, 32));

        Assert.Equal(first.Actions.Select(a => a.Key), second.Actions.Select(a => a.Key));
        Assert.Equal(first.State.LastStep, second.State.LastStep);
    }

    [Fact]
    public void Advance_GapInRota_AlertsTheCoordinatorAtTheRetryStep()
    {
        var state = SlotState.Initial(Fixtures.SummerSlot(noSecond: true) with { ContactId = null });

        var transition = SlotMachine.Advance(state, Fixtures.Utc(2026, 6, 10, 9, 30));

        Assert.All(transition.Actions, a => Assert.Equal(NotifyReason.NoContactAvailable, Assert.IsType<SlotAction.NotifyCoordinator>(a).Reason));
        Assert.Equal(2, transition.Actions.Count);
    }

    [Fact]
    public void Advance_NoSecondContact_AlertsTheCoordinatorAtTheSecondStep()
    {
        var state = AdvanceTo(SlotState.Initial(Fixtures.SummerSlot(noSecond: true)), Fixtures.Utc(2026, 6, 10, 9, 0));

        var transition = SlotMachine.Advance(state, Fixtures.Utc(2026, 6, 10, 9, 30));

        var action = Assert.IsType<SlotAction.NotifyCoordinator>(Assert.Single(transition.Actions));
        Assert.Equal(NotifyReason.NoContactAvailable, action.Reason);
    }

    [Fact]
    public void Advance_LadderAcrossFallBack_CountsRealElapsedMinutes()
    {
        // 2026-10-25: window 01:30–02:30 local (first occurrence) = 23:30–00:30 UTC. The clocks go back at 01:00 UTC,
        // so the second-contact step (60 minutes after the end, 01:30 UTC) shows as 02:30 local for the second time.
        var (start, end) = LocalTime.WindowToUtc(
            new DateOnly(2026, 10, 25), new TimeWindow(new TimeOnly(1, 30), new TimeOnly(2, 30)), Fixtures.Amsterdam);
        var slot = Fixtures.SummerSlot() with { LocalDate = new DateOnly(2026, 10, 25), StartUtc = start, EndUtc = end };
        var state = AdvanceTo(SlotState.Initial(slot), Fixtures.Utc(2026, 10, 25, 1, 29));

        var transition = SlotMachine.Advance(state, Fixtures.Utc(2026, 10, 25, 1, 30));

        Assert.Equal(Fixtures.Utc(2026, 10, 25, 0, 30), end);
        Assert.Equal(EscalationStep.Retry, state.LastStep);
        Assert.Equal(NotifyReason.PleaseLookIn, Assert.IsType<SlotAction.NotifyContact>(Assert.Single(transition.Actions)).Reason);
    }

    [Fact]
    public void Advance_SlotOnSpringForwardDay_OpensAtTheMovedTime()
    {
        var (start, end) = LocalTime.WindowToUtc(
            new DateOnly(2026, 3, 29), new TimeWindow(new TimeOnly(2, 15), new TimeOnly(2, 45)), Fixtures.Amsterdam);
        var slot = Fixtures.SummerSlot() with { LocalDate = new DateOnly(2026, 3, 29), StartUtc = start, EndUtc = end };

        var before = SlotMachine.Advance(SlotState.Initial(slot), Fixtures.Utc(2026, 3, 29, 0, 59));
        var after = SlotMachine.Advance(SlotState.Initial(slot), Fixtures.Utc(2026, 3, 29, 1, 0));

        Assert.Equal(SlotStatus.Scheduled, before.State.Status);
        Assert.Equal(SlotStatus.Due, after.State.Status);
    }

    [Fact]
    public void Confirm_InsideWindow_IsConfirmedAndStopsEscalation()
    {
        var due = AdvanceTo(Initial(), Fixtures.Utc(2026, 6, 10, 8, 5));

        var transition = Accepted(SlotMachine.Confirm(due, new Confirmation(Fixtures.Utc(2026, 6, 10, 8, 12), new Confirmer.ByContact(Fixtures.Anna), "Goed gesprek")));

        Assert.Equal(SlotStatus.Confirmed, transition.State.Status);
        Assert.Empty(transition.Actions);
        Assert.Empty(SlotMachine.Advance(transition.State, Fixtures.Utc(2026, 6, 10, 12, 0)).Actions);
    }

    [Fact]
    public void Confirm_WithSignals_FlagsForFollowUp()
    {
        var signals = new HashSet<DifferenceSignal> { DifferenceSignal.Confused, DifferenceSignal.NeedsHelp };

        var transition = Accepted(SlotMachine.Confirm(Initial(), new Confirmation(Fixtures.Utc(2026, 6, 10, 8, 12), new Confirmer.ByContact(Fixtures.Anna), null, signals)));

        var flag = Assert.IsType<SlotAction.FlagForFollowUp>(Assert.Single(transition.Actions));
        Assert.Equal(signals, flag.Signals);
    }

    [Fact]
    public void Confirm_AfterSecondContactWasAsked_IsLateAndStandsDownTheSecondContact()
    {
        var escalated = AdvanceTo(Initial(), Fixtures.Utc(2026, 6, 10, 9, 40));

        var transition = Accepted(SlotMachine.Confirm(escalated, new Confirmation(Fixtures.Utc(2026, 6, 10, 9, 45), new Confirmer.ByContact(Fixtures.Anna))));

        Assert.Equal(SlotStatus.ConfirmedLate, transition.State.Status);
        var standDown = Assert.IsType<SlotAction.NotifyContact>(Assert.Single(transition.Actions));
        Assert.Equal((Fixtures.Bram, NotifyReason.StandDown), (standDown.ContactId, standDown.Reason));
        Assert.Empty(SlotMachine.Advance(transition.State, Fixtures.Utc(2026, 6, 10, 12, 0)).Actions);
        Assert.Equal(SlotEventKind.ConfirmedLate, transition.State.Log[^1].Kind);
    }

    [Fact]
    public void Confirm_LateBeforeTheJobRan_StopsEveryStep()
    {
        var due = AdvanceTo(Initial(), Fixtures.Utc(2026, 6, 10, 8, 5));

        var confirmed = Accepted(SlotMachine.Confirm(due, new Confirmation(Fixtures.Utc(2026, 6, 10, 9, 50), new Confirmer.ByContact(Fixtures.Anna)))).State;

        Assert.Equal(SlotStatus.ConfirmedLate, confirmed.Status);
        Assert.Empty(SlotMachine.Advance(confirmed, Fixtures.Utc(2026, 6, 10, 12, 0)).Actions);
    }

    [Fact]
    public void Confirm_AfterCoordinatorAlert_StandsDownCoordinatorToo()
    {
        var escalated = AdvanceTo(Initial(), Fixtures.Utc(2026, 6, 10, 11, 0));

        var transition = Accepted(SlotMachine.Confirm(escalated, new Confirmation(Fixtures.Utc(2026, 6, 10, 11, 5), new Confirmer.ByContact(Fixtures.Bram))));

        var action = Assert.IsType<SlotAction.NotifyCoordinator>(Assert.Single(transition.Actions));
        Assert.Equal(NotifyReason.StandDown, action.Reason);
    }

    [Fact]
    public void Confirm_ByAnotherContact_IsRefused()
    {
        var outcome = SlotMachine.Confirm(Initial(), new Confirmation(Fixtures.Utc(2026, 6, 10, 8, 12), new Confirmer.ByContact(Fixtures.Cor)));

        Assert.Equal("daily-contact.not-your-slot", Rejected(outcome));
    }

    [Fact]
    public void Confirm_BySecondContactBeforeTheyWereAsked_IsRefused()
    {
        var retried = AdvanceTo(Initial(), Fixtures.Utc(2026, 6, 10, 9, 5));

        var outcome = SlotMachine.Confirm(retried, new Confirmation(Fixtures.Utc(2026, 6, 10, 9, 6), new Confirmer.ByContact(Fixtures.Bram)));

        Assert.Equal("daily-contact.not-your-slot", Rejected(outcome));
    }

    [Fact]
    public void Confirm_ByCoordinatorOnBehalfOfANeighbour_IsAccepted()
    {
        var outcome = SlotMachine.Confirm(Initial(), new Confirmation(Fixtures.Utc(2026, 6, 10, 8, 20), new Confirmer.ByCoordinator(CoordinatorUser)));

        Assert.Equal(SlotStatus.Confirmed, Accepted(outcome).State.Status);
    }

    [Fact]
    public void Confirm_BeforeWindowStarts_IsRefused()
    {
        var outcome = SlotMachine.Confirm(Initial(), new Confirmation(Fixtures.Utc(2026, 6, 10, 7, 50), new Confirmer.ByContact(Fixtures.Anna)));

        Assert.Equal("daily-contact.not-started", Rejected(outcome));
    }

    [Theory]
    [InlineData(500, false)]  // SlotMachine.MaxNoteLength
    [InlineData(501, true)]
    public void Confirm_NoteLength_IsLimited(int length, bool refused)
    {
        var outcome = SlotMachine.Confirm(Initial(), new Confirmation(Fixtures.Utc(2026, 6, 10, 8, 12), new Confirmer.ByContact(Fixtures.Anna), new string('a', length)));

        Assert.Equal(refused, outcome is SlotCommandOutcome.Rejected);
    }

    [Fact]
    public void Confirm_Twice_SecondIsRefused()
    {
        var confirmed = Accepted(SlotMachine.Confirm(Initial(), new Confirmation(Fixtures.Utc(2026, 6, 10, 8, 12), new Confirmer.ByContact(Fixtures.Anna)))).State;

        var outcome = SlotMachine.Confirm(confirmed, new Confirmation(Fixtures.Utc(2026, 6, 10, 8, 13), new Confirmer.ByContact(Fixtures.Anna)));

        Assert.Equal("daily-contact.already-confirmed", Rejected(outcome));
    }

    [Fact]
    public void Resolve_EscalatedSlot_IsResolvedAndStopsEscalation()
    {
        var escalated = AdvanceTo(Initial(), Fixtures.Utc(2026, 6, 10, 9, 5));

        var resolved = Accepted(SlotMachine.Resolve(escalated, new Resolution(Fixtures.Utc(2026, 6, 10, 9, 10), CoordinatorUser, "Gebeld, alles goed"))).State;

        Assert.Equal(SlotStatus.Resolved, resolved.Status);
        Assert.Empty(SlotMachine.Advance(resolved, Fixtures.Utc(2026, 6, 10, 12, 0)).Actions);
        Assert.Equal("daily-contact.already-resolved", Rejected(SlotMachine.Confirm(resolved, new Confirmation(Fixtures.Utc(2026, 6, 10, 9, 20), new Confirmer.ByContact(Fixtures.Anna)))));
    }

    [Fact]
    public void Resolve_SlotStillOpen_IsRefused()
    {
        var outcome = SlotMachine.Resolve(AdvanceTo(Initial(), Fixtures.Utc(2026, 6, 10, 8, 10)), new Resolution(Fixtures.Utc(2026, 6, 10, 8, 10), CoordinatorUser, null));

        Assert.Equal("daily-contact.nothing-to-resolve", Rejected(outcome));
    }
}
