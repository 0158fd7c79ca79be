using Konvooi.Domain.Support;

namespace Konvooi.Domain.Tests.Support;

public sealed class WorkListTests
{
    private static SupportPlan Plan(DateOnly start, string id = "plan-1", string person = "person-1", string professional = "pro-1", string wijk = "Centrum",
        DateOnly? review = null, IReadOnlyList<int>? months = null)
    {
        var content = SupportPlanTests.Content(start) with { ResponsibleProfessional = professional, ReviewDate = review, RemeasurementMonths = months };
        var outcome = SupportPlan.Create(id, person, wijk, content, professional, start);
        return Assert.IsType<SupportOutcome<SupportPlan>.Accepted>(outcome).Value;
    }

    private static IReadOnlyList<WorkItem> Build(DateOnly today, IReadOnlyList<SupportPlan>? plans = null, IReadOnlyList<Trajectory>? trajectories = null,
        IReadOnlyList<FollowUpTask>? tasks = null, IReadOnlyList<MeasurementRecord>? measurements = null, WorkListSettings? settings = null, WorkListFilter? filter = null) =>
        WorkList.Build(new WorkListInput(plans ?? [], trajectories ?? [], tasks ?? [], measurements ?? [], today), settings ?? WorkListSettings.Default, filter ?? WorkListFilter.None);

    private static FollowUpTask Task(DateOnly due, string professional = "pro-1", DateOnly? done = null, string plan = "plan-1") => new()
    {
        TrajectoryId = "t-1",
        PlanId = plan,
        PersonId = "person-1",
        InterventionId = "daily_contact_moment",
        ResponsibleProfessional = professional,
        Cause = TrajectoryState.DroppedOut,
        Reason = "did_not_feel_at_home",
        CreatedOn = due.AddDays(-14),
        DueOn = due,
        DoneOn = done,
    };

    [Theory]
    [InlineData("2026-01-31", 3, "2026-04-30")]   // month end: April has 30 days
    [InlineData("2026-01-31", 6, "2026-07-31")]
    [InlineData("2025-08-31", 6, "2026-02-28")]   // February in a common year
    [InlineData("2027-11-30", 3, "2028-02-29")]   // leap day 2028
    [InlineData("2028-02-29", 6, "2028-08-29")]
    [InlineData("2028-02-29", 12, "2029-02-28")]  // leap day to a common year
    [InlineData("2026-03-15", 3, "2026-06-15")]
    public void RemeasurementDates_CalendarMonths_KeepMonthEnds(string start, int month, string expected)
    {
        var plan = Plan(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), months: [month]);

        var due = Assert.Single(WorkList.RemeasurementDates(plan, WorkListSettings.Default));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public void RemeasurementDates_Default_AreThreeAndSixMonths()
    {
        var plan = Plan(new DateOnly(2026, 1, 31));

        Assert.Equal([new DateOnly(2026, 4, 30), new DateOnly(2026, 7, 31)], WorkList.RemeasurementDates(plan, WorkListSettings.Default));
    }

    [Theory]
    [InlineData("2026-04-15", null)]          // 15 days before the 3-month date: no reminder yet
    [InlineData("2026-04-16", Urgency.Upcoming)] // reminder 14 days before 30 April
    [InlineData("2026-04-30", Urgency.Due)]
    [InlineData("2026-05-01", Urgency.Overdue)]
    [InlineData("2026-07-17", null)]          // the 6-month reminder (31 July − 14 days) began: the missed 3-month one is dropped
    public void Build_ThreeMonthRemeasurement_ShowsFromReminder(string today, Urgency? expected)
    {
        var plan = Plan(new DateOnly(2026, 1, 31));

        var items = Build(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), [plan])
            .Where(i => i.Kind == WorkItemKind.Remeasurement && i.DueOn == new DateOnly(2026, 4, 30)).ToList();

        if (expected is null)
        {
            Assert.Empty(items);
        }
        else
        {
            Assert.Equal(expected, Assert.Single(items).Urgency);
        }
    }

    [Fact]
    public void Build_SixMonthWindowOpen_ShowsSixMonthRemeasurement()
    {
        var items = Build(new DateOnly(2026, 7, 17), [Plan(new DateOnly(2026, 1, 31))]);

        var item = Assert.Single(items);
        Assert.Equal(new DateOnly(2026, 7, 31), item.DueOn);
        Assert.Equal(Urgency.Upcoming, item.Urgency);
        Assert.Equal("Nieuwe meting (djg11), 6 maanden na de start van het plan: uiterlijk 31-07-2026.", item.Text);
    }

    [Fact]
    public void Build_MeasuredInsideWindow_RemovesReminder()
    {
        var measured = new MeasurementRecord("person-1", "djg11", new DateOnly(2026, 4, 20), 5);

        Assert.Empty(Build(new DateOnly(2026, 5, 5), [Plan(new DateOnly(2026, 1, 31))], measurements: [measured]));
    }

    [Fact]
    public void Build_MeasuredBeforeWindowOrOtherInstrument_KeepsReminder()
    {
        var early = new MeasurementRecord("person-1", "djg11", new DateOnly(2026, 4, 15), 5);
        var otherInstrument = new MeasurementRecord("person-1", "who5", new DateOnly(2026, 4, 20), 12);
        var otherPerson = new MeasurementRecord("person-2", "djg11", new DateOnly(2026, 4, 20), 3);

        var item = Assert.Single(Build(new DateOnly(2026, 5, 5), [Plan(new DateOnly(2026, 1, 31))], measurements: [early, otherInstrument, otherPerson]));

        Assert.Equal(Urgency.Overdue, item.Urgency);
    }

    [Fact]
    public void Build_LeapDayDueDate_IsDueOnLeapDay()
    {
        var item = Assert.Single(Build(new DateOnly(2028, 2, 29), [Plan(new DateOnly(2027, 11, 30), months: [3])]));

        Assert.Equal(new DateOnly(2028, 2, 29), item.DueOn);
        Assert.Equal(Urgency.Due, item.Urgency);
    }

    [Fact]
    public void Build_ConfiguredScheduleAndReminder_AreUsed()
    {
        var settings = new WorkListSettings { RemeasurementMonths = [1], ReminderDays = 0 };

        Assert.Empty(Build(new DateOnly(2026, 2, 27), [Plan(new DateOnly(2026, 1, 31))], settings: settings));
        Assert.Equal(new DateOnly(2026, 2, 28), Assert.Single(Build(new DateOnly(2026, 2, 28), [Plan(new DateOnly(2026, 1, 31))], settings: settings)).DueOn);
    }

    [Fact]
    public void Build_ClosedPlan_HasNoPlanItems()
    {
        var plan = Plan(new DateOnly(2026, 1, 31), review: new DateOnly(2026, 3, 1));
        var closed = ((SupportOutcome<SupportPlan>.Accepted)plan.Close(1, new PlanClosure("goal_reached", new DateOnly(2026, 2, 2), "pro-1"), new DateOnly(2026, 2, 2))).Value;

        Assert.Empty(Build(new DateOnly(2026, 5, 1), [closed]));
    }

    [Theory]
    [InlineData("2026-02-14", null)]             // 15 days before: not yet
    [InlineData("2026-02-15", Urgency.Upcoming)] // 14 days before
    [InlineData("2026-03-01", Urgency.Due)]
    [InlineData("2026-03-02", Urgency.Overdue)]  // past the review date
    public void Build_ReviewDate_ShowsFromReminder(string today, Urgency? expected)
    {
        var plan = Plan(new DateOnly(2026, 1, 2), review: new DateOnly(2026, 3, 1), months: [12]);

        var items = Build(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), [plan]);

        if (expected is null)
        {
            Assert.Empty(items);
        }
        else
        {
            var item = Assert.Single(items);
            Assert.Equal(WorkItemKind.PlanReview, item.Kind);
            Assert.Equal(expected, item.Urgency);
        }
    }

    [Theory]
    [InlineData("2026-03-01", Urgency.Upcoming)]
    [InlineData("2026-03-02", Urgency.Due)]
    [InlineData("2026-03-03", Urgency.Overdue)]
    public void Build_OpenFollowUp_ShownUntilDone(string today, Urgency expected)
    {
        var item = Assert.Single(Build(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), tasks: [Task(new DateOnly(2026, 3, 2))]));

        Assert.Equal(WorkItemKind.FollowUp, item.Kind);
        Assert.Equal(expected, item.Urgency);
        Assert.Equal("Neem contact op: de persoon is voortijdig gestopt met daily_contact_moment (voelde zich er niet thuis). Uiterlijk 02-03-2026.",
            item.Text.Replace(Konvooi.Domain.Matching.InterventionCatalogue.Starter.Find("daily_contact_moment")?.Name ?? "daily_contact_moment", "daily_contact_moment", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_DeclinedFollowUp_SaysDeclined()
    {
        var task = Task(new DateOnly(2026, 3, 2)) with { Cause = TrajectoryState.Declined, Reason = "cost", InterventionId = "local_choir" };

        var item = Assert.Single(Build(new DateOnly(2026, 3, 1), tasks: [task]));

        Assert.Equal("Neem contact op: de persoon wees local_choir af (kosten). Uiterlijk 02-03-2026.", item.Text);
    }

    [Fact]
    public void Build_DoneFollowUp_IsNotShown()
    {
        Assert.Empty(Build(new DateOnly(2026, 3, 10), tasks: [Task(new DateOnly(2026, 3, 2), done: new DateOnly(2026, 3, 3))]));
    }

    [Fact]
    public void Build_DropoutRecorded_FollowUpAppearsOnProfessionalsList()
    {
        var plan = Plan(new DateOnly(2026, 1, 5), months: [12]);
        var started = TrajectoryTests.Accept(TrajectoryTests.Accept(TrajectoryTests.Proposed(), TrajectoryTests.Step(TrajectoryState.Referred, new DateOnly(2026, 1, 6))),
            TrajectoryTests.Step(TrajectoryState.Started, new DateOnly(2026, 1, 20)));
        var today = new DateOnly(2026, 2, 16);
        var step = ((SupportOutcome<TrajectoryStep>.Accepted)started.Apply(TrajectoryTests.Step(TrajectoryState.DroppedOut, today, "mismatch_expectations"), "pro-1", today, TrajectoryRules.Default)).Value;

        var item = Assert.Single(Build(today, [plan], [step.Trajectory], [step.FollowUp!], filter: new WorkListFilter(Professional: "pro-1")));

        Assert.Equal(new DateOnly(2026, 3, 2), item.DueOn);
        Assert.Equal(Urgency.Upcoming, item.Urgency);
    }

    [Theory]
    [InlineData("2026-02-16", false)]  // exactly 6 weeks since the referral: not longer
    [InlineData("2026-02-17", true)]   // 6 weeks and 1 day
    public void Build_WaitingLongerThanLimit_IsListed(string today, bool expected)
    {
        var plan = Plan(new DateOnly(2026, 1, 5), months: [12]);
        var waiting = TrajectoryTests.Accept(TrajectoryTests.Accept(TrajectoryTests.Proposed(), TrajectoryTests.Step(TrajectoryState.Referred, new DateOnly(2026, 1, 5))),
            TrajectoryTests.Step(TrajectoryState.Waiting, new DateOnly(2026, 1, 12)));

        var items = Build(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), [plan], [waiting]);

        Assert.Equal(expected, items.Any(i => i.Kind == WorkItemKind.LongWait));
    }

    [Fact]
    public void Build_LongWait_SaysHowLong()
    {
        var plan = Plan(new DateOnly(2026, 1, 5), months: [12]);
        var referred = TrajectoryTests.Accept(TrajectoryTests.Proposed(), TrajectoryTests.Step(TrajectoryState.Referred, new DateOnly(2026, 1, 5)));

        var item = Assert.Single(Build(new DateOnly(2026, 3, 1), [plan], [referred], settings: new WorkListSettings { LongWaitWeeks = 4 }));

        Assert.Equal(new DateOnly(2026, 2, 2), item.DueOn);
        Assert.StartsWith("De persoon wacht al 7 weken en 6 dagen op ", item.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_StartedTrajectory_IsNotALongWait()
    {
        var plan = Plan(new DateOnly(2026, 1, 5), months: [12]);
        var started = TrajectoryTests.Accept(TrajectoryTests.Accept(TrajectoryTests.Proposed(), TrajectoryTests.Step(TrajectoryState.Referred, new DateOnly(2026, 1, 5))),
            TrajectoryTests.Step(TrajectoryState.Started, new DateOnly(2026, 3, 1)));

        Assert.Empty(Build(new DateOnly(2026, 3, 9), [plan], [started]));
    }

    [Fact]
    public void Build_Filters_ByProfessionalWijkAndIntervention()
    {
        var mine = Plan(new DateOnly(2026, 1, 2), "plan-a", "person-a", "pro-1", "Centrum", review: new DateOnly(2026, 3, 1), months: [12]);
        var theirs = Plan(new DateOnly(2026, 1, 2), "plan-b", "person-b", "pro-2", "Noord", review: new DateOnly(2026, 3, 1), months: [12]);
        var today = new DateOnly(2026, 3, 5);

        Assert.Equal(["plan-a"], Build(today, [mine, theirs], filter: new WorkListFilter(Professional: "pro-1")).Select(i => i.PlanId));
        Assert.Equal(["plan-b"], Build(today, [mine, theirs], filter: new WorkListFilter(Wijk: "Noord")).Select(i => i.PlanId));
        Assert.Equal(2, Build(today, [mine, theirs], filter: new WorkListFilter(InterventionId: "daily_contact_moment")).Count);
        Assert.Empty(Build(today, [mine, theirs], filter: new WorkListFilter(InterventionId: "buddy_walks")));
    }

    [Fact]
    public void Build_Order_OverdueFirstThenByDate()
    {
        var plan = Plan(new DateOnly(2026, 1, 2), review: new DateOnly(2026, 3, 20), months: [12]);
        var today = new DateOnly(2026, 3, 10);

        var items = Build(today, [plan], tasks: [Task(new DateOnly(2026, 3, 12)), Task(new DateOnly(2026, 3, 1)) with { TrajectoryId = "t-2" }]);

        Assert.Equal([new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 20)], items.Select(i => i.DueOn));
        Assert.Equal([Urgency.Overdue, Urgency.Upcoming, Urgency.Upcoming], items.Select(i => i.Urgency));
    }
}
