using Konvooi.Domain.Support;

namespace Konvooi.Domain.Tests.Support;

public sealed class PlanTimelineTests
{
    [Fact]
    public void Events_PlanAndDropout_AreInDateOrderWithDutchLabels()
    {
        var plan = SupportPlanTests.NewPlan();
        var today = new DateOnly(2026, 3, 10);
        var trajectory = TrajectoryTests.Proposed("local_choir", on: new DateOnly(2026, 3, 2));
        trajectory = TrajectoryTests.Accept(trajectory, TrajectoryTests.Step(TrajectoryState.Referred, new DateOnly(2026, 3, 3)));
        trajectory = TrajectoryTests.Accept(trajectory, TrajectoryTests.Step(TrajectoryState.Started, new DateOnly(2026, 3, 5)));
        trajectory = TrajectoryTests.Accept(trajectory, TrajectoryTests.Step(TrajectoryState.DroppedOut, new DateOnly(2026, 3, 9), "did_not_feel_at_home"));
        var closed = ((SupportOutcome<SupportPlan>.Accepted)plan.Close(1, new PlanClosure("declined_further_help", today, "pro-1"), today)).Value;
        var otherPlans = TrajectoryTests.Proposed("x", "t-9") with { PlanId = "plan-2" };

        var events = PlanTimeline.Events(closed, [trajectory, otherPlans]);

        Assert.Equal(
            [
                "Plan afgesproken",
                "local_choir: aangemeld",
                "local_choir: gestart",
                "local_choir: voortijdig gestopt (voelde zich er niet thuis)",
                "Plan afgesloten: de persoon wil geen verdere hulp",
            ],
            events.Select(e => e.Label));
        Assert.Equal(["plan_agreed", "referred", "started", "dropped_out", "plan_closed"], events.Select(e => e.Kind));
    }
}
