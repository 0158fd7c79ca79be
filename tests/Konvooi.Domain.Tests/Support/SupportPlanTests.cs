using Konvooi.Domain.Support;

namespace Konvooi.Domain.Tests.Support;

public sealed class SupportPlanTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    internal static SupportPlanContent Content(DateOnly? agreedOn = null) => new()
    {
        Goals = ["Weer iemand hebben om mee te praten over vroeger"],
        Interventions = [new PlannedIntervention("daily_contact_moment", InterventionSource.Suggested)],
        AgreedOn = agreedOn ?? new DateOnly(2026, 3, 2),
        AgreedBy = "mevrouw zelf",
        ResponsibleProfessional = "pro-1",
    };

    internal static SupportPlan NewPlan(SupportPlanContent? content = null, string? wijk = "Centrum", string id = "plan-1", string person = "person-1")
    {
        var outcome = SupportPlan.Create(id, person, wijk, content ?? Content(), "pro-1", Today);
        return Assert.IsType<SupportOutcome<SupportPlan>.Accepted>(outcome).Value;
    }

    private static IEnumerable<string> Codes(SupportOutcome<SupportPlan> outcome) =>
        Assert.IsType<SupportOutcome<SupportPlan>.Refused>(outcome).Errors.Select(e => e.Code);

    [Fact]
    public void Create_ValidContent_IsVersionOne()
    {
        var plan = NewPlan();

        Assert.Equal(1, plan.CurrentVersion.Number);
        Assert.Equal(new DateOnly(2026, 3, 2), plan.StartDate);
        Assert.False(plan.IsClosed);
    }

    [Fact]
    public void Create_WatchfulWaitingWithReviewDate_IsAccepted()
    {
        // AM-5: no intervention is a legitimate outcome when it has a review date.
        var content = Content() with { Interventions = [], IsWatchfulWaiting = true, ReviewDate = new DateOnly(2026, 6, 1) };

        var outcome = SupportPlan.Create("p", "x", null, content, "pro-1", Today);

        Assert.IsType<SupportOutcome<SupportPlan>.Accepted>(outcome);
    }

    [Fact]
    public void Create_WatchfulWaitingWithoutReviewDate_IsRefused()
    {
        var content = Content() with { Interventions = [], IsWatchfulWaiting = true };

        Assert.Contains("plan.review_date_required", Codes(SupportPlan.Create("p", "x", null, content, "pro-1", Today)));
    }

    [Fact]
    public void Create_WatchfulWaitingAndInterventions_IsRefused()
    {
        var content = Content() with { IsWatchfulWaiting = true, ReviewDate = new DateOnly(2026, 6, 1) };

        Assert.Contains("plan.waiting_with_interventions", Codes(SupportPlan.Create("p", "x", null, content, "pro-1", Today)));
    }

    [Fact]
    public void Create_NoInterventionAndNoWatchfulWaiting_IsRefused()
    {
        var content = Content() with { Interventions = [] };

        Assert.Contains("plan.no_choice", Codes(SupportPlan.Create("p", "x", null, content, "pro-1", Today)));
    }

    [Fact]
    public void Create_NoGoal_IsRefused()
    {
        Assert.Contains("plan.no_goal", Codes(SupportPlan.Create("p", "x", null, Content() with { Goals = [] }, "pro-1", Today)));
    }

    [Fact]
    public void Create_BlankGoal_IsRefused()
    {
        Assert.Contains("plan.empty_goal", Codes(SupportPlan.Create("p", "x", null, Content() with { Goals = ["  "] }, "pro-1", Today)));
    }

    [Fact]
    public void Create_AddedByHandWithoutReason_IsRefusedWithName()
    {
        var content = Content() with { Interventions = [new PlannedIntervention("local_choir", InterventionSource.AddedByHand)] };

        var refused = Assert.IsType<SupportOutcome<SupportPlan>.Refused>(SupportPlan.Create("p", "x", null, content, "pro-1", Today));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("plan.reason_required", error.Code);
        Assert.Contains("local_choir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AddedByHandWithReason_IsAccepted()
    {
        var content = Content() with { Interventions = [new PlannedIntervention("local_choir", InterventionSource.AddedByHand, "zong vroeger graag")] };

        Assert.IsType<SupportOutcome<SupportPlan>.Accepted>(SupportPlan.Create("p", "x", null, content, "pro-1", Today));
    }

    [Fact]
    public void Create_SameInterventionTwice_IsRefused()
    {
        var twice = new PlannedIntervention("daily_contact_moment", InterventionSource.Suggested);
        var content = Content() with { Interventions = [twice, twice] };

        Assert.Contains("plan.duplicate_intervention", Codes(SupportPlan.Create("p", "x", null, content, "pro-1", Today)));
    }

    [Fact]
    public void Create_AgreedInFuture_IsRefused()
    {
        Assert.Contains("plan.agreed_in_future", Codes(SupportPlan.Create("p", "x", null, Content(Today.AddDays(1)), "pro-1", Today)));
    }

    [Fact]
    public void Create_AgreedToday_IsAccepted()
    {
        Assert.IsType<SupportOutcome<SupportPlan>.Accepted>(SupportPlan.Create("p", "x", null, Content(Today), "pro-1", Today));
    }

    [Fact]
    public void Create_ReviewDateInPast_IsRefused()
    {
        var content = Content() with { ReviewDate = Today.AddDays(-1) };

        Assert.Contains("plan.review_in_past", Codes(SupportPlan.Create("p", "x", null, content, "pro-1", Today)));
    }

    [Fact]
    public void Create_ReviewDateBeforeAgreedDate_IsRefused()
    {
        var content = Content(Today) with { ReviewDate = Today.AddDays(-3) };

        Assert.Contains("plan.review_before_agreed", Codes(SupportPlan.Create("p", "x", null, content, "pro-1", Today)));
    }

    [Fact]
    public void Create_MissingWhoAgreedAndProfessional_ReportsBoth()
    {
        var content = Content() with { AgreedBy = " ", ResponsibleProfessional = "" };

        var codes = Codes(SupportPlan.Create("p", "x", null, content, "pro-1", Today)).ToList();

        Assert.Contains("plan.agreed_by_required", codes);
        Assert.Contains("plan.professional_required", codes);
    }

    [Theory]
    [InlineData(new[] { 6, 3 })]   // not ascending
    [InlineData(new[] { 0, 3 })]   // month 0 is the start itself
    [InlineData(new[] { 3, 61 })]  // beyond five years
    public void Create_InvalidRemeasurementMonths_IsRefused(int[] months)
    {
        var content = Content() with { RemeasurementMonths = months };

        Assert.Contains("plan.remeasurement_months", Codes(SupportPlan.Create("p", "x", null, content, "pro-1", Today)));
    }

    [Fact]
    public void Revise_ChangedGoal_AddsVersionAndKeepsOld()
    {
        var plan = NewPlan();
        var changed = plan.Current with { Goals = ["Eén keer per week naar buiten met iemand"] };

        var revised = Assert.IsType<SupportOutcome<SupportPlan>.Accepted>(plan.Revise(1, changed, "pro-2", "doel bijgesteld", Today)).Value;

        Assert.Equal(2, revised.CurrentVersion.Number);
        Assert.Equal("Weer iemand hebben om mee te praten over vroeger", Assert.Single(revised.Versions[0].Content.Goals));
        Assert.Equal("pro-2", revised.CurrentVersion.RecordedBy);
    }

    [Fact]
    public void Revise_StaleVersion_IsRefusedAsConcurrentChange()
    {
        var plan = NewPlan();
        var v2 = ((SupportOutcome<SupportPlan>.Accepted)plan.Revise(1, plan.Current with { AgreedBy = "mevrouw en haar zoon" }, "pro-1", null, Today)).Value;

        var outcome = v2.Revise(1, v2.Current with { Goals = ["iets anders"] }, "pro-2", null, Today);

        Assert.Equal(["plan.concurrent_change"], Codes(outcome));
    }

    [Fact]
    public void Revise_NothingChanged_IsRefused()
    {
        var plan = NewPlan();

        Assert.Equal(["plan.no_change"], Codes(plan.Revise(1, plan.Current with { }, "pro-1", null, Today)));
    }

    [Fact]
    public void Revise_AgreedBeforePreviousVersion_IsRefused()
    {
        var plan = NewPlan();

        var outcome = plan.Revise(1, plan.Current with { AgreedOn = new DateOnly(2026, 3, 1) }, "pro-1", null, Today);

        Assert.Contains("plan.agreed_before_previous", Codes(outcome));
    }

    [Fact]
    public void Revise_UnchangedReviewDateNowInPast_IsAccepted()
    {
        var plan = NewPlan(Content() with { ReviewDate = Today });
        var later = Today.AddDays(30);

        var outcome = plan.Revise(1, plan.Current with { AgreedBy = "mevrouw en haar zoon" }, "pro-1", null, later);

        Assert.IsType<SupportOutcome<SupportPlan>.Accepted>(outcome);
    }

    [Fact]
    public void Revise_ClosedPlan_IsRefused()
    {
        var plan = ((SupportOutcome<SupportPlan>.Accepted)NewPlan().Close(1, new PlanClosure("goal_reached", Today, "pro-1"), Today)).Value;

        Assert.Equal(["plan.closed"], Codes(plan.Revise(1, plan.Current with { AgreedBy = "x" }, "pro-1", null, Today)));
    }

    [Theory]
    [InlineData("goal_reached")]
    [InlineData("declined_further_help")]
    [InlineData("moved")]
    [InlineData("died")]
    public void Close_KnownReason_ClosesPlan(string reason)
    {
        var outcome = NewPlan().Close(1, new PlanClosure(reason, Today, "pro-1", FinalMeasurementId: "m-9"), Today);

        var closed = Assert.IsType<SupportOutcome<SupportPlan>.Accepted>(outcome).Value;
        Assert.True(closed.IsClosed);
        Assert.Equal(reason, closed.Closure!.Reason);
    }

    [Fact]
    public void Close_OtherWithoutNote_IsRefused()
    {
        Assert.Equal(["plan.close_note_required"], Codes(NewPlan().Close(1, new PlanClosure("other", Today, "pro-1"), Today)));
    }

    [Fact]
    public void Close_OtherWithNote_IsAccepted()
    {
        Assert.IsType<SupportOutcome<SupportPlan>.Accepted>(NewPlan().Close(1, new PlanClosure("other", Today, "pro-1", "opgenomen"), Today));
    }

    [Fact]
    public void Close_UnknownReason_IsRefused()
    {
        Assert.Equal(["plan.close_reason_unknown"], Codes(NewPlan().Close(1, new PlanClosure("bored", Today, "pro-1"), Today)));
    }

    [Fact]
    public void Close_DateInFutureAndStaleVersion_ReportsBoth()
    {
        var codes = Codes(NewPlan().Close(3, new PlanClosure("moved", Today.AddDays(1), "pro-1"), Today)).ToList();

        Assert.Contains("plan.concurrent_change", codes);
        Assert.Contains("plan.closed_in_future", codes);
    }

    [Fact]
    public void Close_BeforeAgreedDate_IsRefused()
    {
        Assert.Equal(["plan.closed_before_agreed"], Codes(NewPlan().Close(1, new PlanClosure("moved", new DateOnly(2026, 3, 1), "pro-1"), Today)));
    }

    [Fact]
    public void Close_Twice_IsRefused()
    {
        var closed = ((SupportOutcome<SupportPlan>.Accepted)NewPlan().Close(1, new PlanClosure("moved", Today, "pro-1"), Today)).Value;

        Assert.Equal(["plan.closed"], Codes(closed.Close(1, new PlanClosure("died", Today, "pro-1"), Today)));
    }

    [Fact]
    public void Restore_StoredVersions_KeepsHistoryAndVersionCheck()
    {
        var plan = NewPlan();

        var restored = SupportPlan.Restore(plan.Id, plan.PersonId, plan.Wijk, plan.Versions, null);

        Assert.Equal(["plan.concurrent_change"], Codes(restored.Revise(0, restored.Current with { AgreedBy = "x" }, "pro-1", null, Today)));
    }

    [Fact]
    public void Restore_VersionGap_Throws()
    {
        var version = NewPlan().CurrentVersion with { Number = 2 };

        Assert.Throws<ArgumentException>(() => SupportPlan.Restore("p", "x", null, [version], null));
    }

    [Fact]
    public void CloseReasons_AllHaveDutchLabels()
    {
        Assert.Equal(["goal_reached", "declined_further_help", "moved", "died", "other"], SupportVocabulary.CloseReasons.Keys);
        Assert.All(SupportVocabulary.CloseReasons.Values, label => Assert.False(string.IsNullOrWhiteSpace(label)));
    }
}
