using Konvooi.Domain.Common;
using Konvooi.Domain.Referrals;

namespace Konvooi.Domain.Tests.Referrals;

public sealed class SignalReportTests
{
    private static SignalFact Fact(string received, string source, string? wijk, IntakeState state = IntakeState.Received, IntakeCloseReason? reason = null, string? firstContact = null) =>
        new(D(received), source, wijk, state, reason, firstContact is null ? null : D(firstContact));

    [Fact]
    public void Build_CountsPerMonth_WithPrimaryAndSecondarySuppression()
    {
        var facts = Enumerable.Repeat(Fact("2026-03-02", "fysiotherapie", "WK01"), 12)
            .Concat(Enumerable.Repeat(Fact("2026-03-03", "thuiszorg", "WK01"), 10))
            .Concat(Enumerable.Repeat(Fact("2026-03-04", "apotheek", "WK02"), 3))
            .Concat(Enumerable.Repeat(Fact("2026-04-01", "fysiotherapie", null), 10))
            .ToList();

        var report = SignalReport.Build(facts, minCellSize: 10);

        // March: apotheek (3) is too small; thuiszorg (10, the next smallest) is hidden too, so 25 − 12 reveals nothing.
        Assert.Equal(
            [new("apotheek", "2026-03", null), new("fysiotherapie", "2026-03", 12), new("thuiszorg", "2026-03", null), new("fysiotherapie", "2026-04", 10)],
            report.BySourceKind);
        // WK02 (3) is too small, and WK01 is the only other wijk that month: both are hidden.
        Assert.Equal(
            [new("WK01", "2026-03", null), new("WK02", "2026-03", null), new("Onbekend", "2026-04", 10)],
            report.ByWijk);
    }

    [Fact]
    public void Build_MedianWorkingDaysAndShareWithPlan_HandComputed()
    {
        // Received Friday 6 March 2026; first contact after 1, 1, 2, 3 working days (Mon 9, Mon 9, Tue 10, Wed 11).
        var facts = new List<SignalFact>
        {
            Fact("2026-03-06", "fysiotherapie", "WK01", IntakeState.PlanAgreed, firstContact: "2026-03-09"),
            Fact("2026-03-06", "fysiotherapie", "WK01", IntakeState.PlanAgreed, firstContact: "2026-03-09"),
            Fact("2026-03-06", "fysiotherapie", "WK01", IntakeState.Closed, IntakeCloseReason.NotNeeded, "2026-03-10"),
            Fact("2026-03-06", "fysiotherapie", "WK01", IntakeState.ContactMade, firstContact: "2026-03-11"),
            Fact("2026-03-06", "fysiotherapie", "WK01", IntakeState.Closed, IntakeCloseReason.NotReachable),
        };

        var report = SignalReport.Build(facts, minCellSize: 1);

        Assert.Equal(4, report.FirstContactN);
        Assert.Equal(1.5, report.MedianWorkingDaysToFirstContact);
        Assert.Equal(4, report.EndedN);
        Assert.Equal(2, report.EndedWithPlan);
        Assert.Equal(0.5, report.ShareWithPlan);
        Assert.Equal([new("not_needed", "2026-03", 1), new("not_reachable", "2026-03", 1)], report.CloseReasons);
    }

    [Fact]
    public void Build_TooFewForTheMedianOrShare_ShowsNone()
    {
        var report = SignalReport.Build([Fact("2026-03-06", "fysiotherapie", "WK01", IntakeState.PlanAgreed, firstContact: "2026-03-09")], minCellSize: 10);

        Assert.Null(report.MedianWorkingDaysToFirstContact);
        Assert.Null(report.ShareWithPlan);
        Assert.Null(report.EndedWithPlan);
        Assert.Equal(1, report.EndedN);
    }

    [Theory]
    [InlineData(new[] { 3 }, 3.0)]
    [InlineData(new[] { 1, 2 }, 1.5)]
    [InlineData(new[] { 0, 1, 5 }, 1.0)]
    public void Median(int[] values, double expected)
    {
        Assert.Equal(expected, SignalReport.Median(values));
    }

    [Fact]
    public void SmallCells_NothingSmall_HidesNothing_TwoSmall_HidesOnlyThose()
    {
        Assert.Empty(SmallCells.Hidden(new Dictionary<string, int> { ["a"] = 10, ["b"] = 11 }, 10));
        Assert.Equal(new HashSet<string> { "a", "b" }, SmallCells.Hidden(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2, ["c"] = 30 }, 10));
    }

    [Theory]
    [InlineData(IntakeState.Received, null, "requested")]
    [InlineData(IntakeState.Accepted, null, "accepted")]
    [InlineData(IntakeState.ContactMade, null, "in-progress")]
    [InlineData(IntakeState.PlanAgreed, null, "completed")]
    [InlineData(IntakeState.Closed, IntakeCloseReason.NotReachable, "failed")]
    [InlineData(IntakeState.Closed, IntakeCloseReason.DeclinedContact, "cancelled")]
    [InlineData(IntakeState.Closed, IntakeCloseReason.AlreadyKnown, "rejected")]
    public void FhirTaskStatus_Mapping(IntakeState state, IntakeCloseReason? reason, string status)
    {
        Assert.Equal(status, FhirTaskStatus.Of(state, reason));
        Assert.Contains(status, FhirTaskStatus.Known);
    }

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
