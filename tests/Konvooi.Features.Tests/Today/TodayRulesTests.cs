using Konvooi.Domain.Support;
using Konvooi.Features.People;
using Konvooi.Features.Today;

namespace Konvooi.Features.Tests.Today;

/// <summary>The start page's order and the person overview's next step (docs/start-page.md).</summary>
public sealed class TodayRulesTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    [Fact]
    public void Order_UrgencyFirstThenKindThenOldestDate()
    {
        var items = new[]
        {
            Item(GetToday.ItemKind.LongWait, Urgency.Upcoming, 0, "a"),
            Item(GetToday.ItemKind.Remeasurement, Urgency.Overdue, -1, "b"),
            Item(GetToday.ItemKind.FollowUp, Urgency.Overdue, 0, "c"),
            Item(GetToday.ItemKind.DailyContactEscalated, Urgency.Overdue, 0, "d"),
            Item(GetToday.ItemKind.FollowUp, Urgency.Overdue, -5, "e"),
            Item(GetToday.ItemKind.Intake, Urgency.Due, 0, "f"),
        };

        var names = GetToday.Order(items).Select(i => i.Name);

        Assert.Equal(["d", "e", "c", "b", "f", "a"], names);
    }

    [Theory]
    [InlineData(null, false, "Aanmelden bij het aanbod.")]
    [InlineData(TrajectoryState.Proposed, false, "Aanmelden bij het aanbod.")]
    [InlineData(TrajectoryState.Referred, false, "Start vastleggen zodra de persoon begint.")]
    [InlineData(TrajectoryState.Waiting, false, "Start vastleggen zodra de persoon begint.")]
    [InlineData(TrajectoryState.Started, false, "Volgen; afronding of uitval vastleggen.")]
    [InlineData(TrajectoryState.Completed, false, "Geen: afgerond.")]
    [InlineData(TrajectoryState.DroppedOut, true, "Nazorg na uitval of afzien: contact opnemen vóór 03-12-2026.")]
    public void NextStep_AnOpenFollowUpComesFirst(TrajectoryState? state, bool followUp, string expected) =>
        Assert.Equal(expected, GetCaseOverview.NextStep(state, followUp ? Day : null));

    private static GetToday.Item Item(GetToday.ItemKind kind, Urgency urgency, int days, string name) =>
        new(kind, urgency, Day.AddDays(days), name, "tekst", "/", "Openen");
}
