using Konvooi.Domain.Referrals;

namespace Konvooi.Domain.Tests.Referrals;

public sealed class WorkingDaysTests
{
    [Theory]
    // Easter Sunday, checked against published calendars.
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void EasterSunday_KnownYears(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WorkingDays.EasterSunday(year));
    }

    [Fact]
    public void PublicHolidays_2026_AreTheAlgemeneTermijnenwetDays()
    {
        // Algemene termijnenwet, article 3: New Year, Easter Monday, King's Day, 5 May, Ascension, Whit Monday, Christmas.
        Assert.Equal(
            [new(2026, 1, 1), new(2026, 4, 6), new(2026, 4, 27), new(2026, 5, 5), new(2026, 5, 14), new(2026, 5, 25), new(2026, 12, 25), new(2026, 12, 26)],
            WorkingDays.PublicHolidays(2026));
    }

    [Fact]
    public void PublicHolidays_KingsDayOnSunday_MovesToSaturday()
    {
        // 27 April 2025 was a Sunday: King's Day was celebrated on Saturday 26 April.
        Assert.Contains(new DateOnly(2025, 4, 26), WorkingDays.PublicHolidays(2025));
        Assert.DoesNotContain(new DateOnly(2025, 4, 27), WorkingDays.PublicHolidays(2025));
    }

    [Fact]
    public void IsWorkingDay_GoodFriday_IsAWorkingDayUnlessTheOrganisationCloses()
    {
        var goodFriday = new DateOnly(2026, 4, 3);

        Assert.True(WorkingDays.IsWorkingDay(goodFriday));
        Assert.False(WorkingDays.IsWorkingDay(goodFriday, new HashSet<DateOnly> { goodFriday }));
    }

    [Theory]
    [InlineData("2026-03-02", 5, "2026-03-09")] // Monday + 5 → next Monday
    [InlineData("2026-03-06", 1, "2026-03-09")] // Friday + 1 → Monday
    [InlineData("2026-03-07", 1, "2026-03-09")] // Saturday + 1 → Monday
    [InlineData("2026-03-07", 0, "2026-03-09")] // Saturday + 0 → the next working day
    [InlineData("2026-03-04", 0, "2026-03-04")]
    [InlineData("2026-04-02", 2, "2026-04-07")] // Thursday before Easter: Friday 3, (Easter Monday 6 skipped), Tuesday 7
    [InlineData("2026-12-23", 6, "2027-01-04")] // Christmas, Boxing Day, weekends and New Year skipped
    [InlineData("2026-05-01", 5, "2026-05-11")] // 5 May skipped
    public void Add_SkipsWeekendsAndHolidays(string start, int days, string expected)
    {
        Assert.Equal(D(expected), WorkingDays.Add(D(start), days));
    }

    [Theory]
    [InlineData("2026-03-06", "2026-03-06", 0)]
    [InlineData("2026-03-06", "2026-03-09", 1)]
    [InlineData("2026-03-02", "2026-03-09", 5)]
    [InlineData("2026-03-09", "2026-03-02", -5)]
    [InlineData("2026-04-02", "2026-04-07", 2)]
    public void Between_CountsWorkingDaysAfterTheStart(string from, string to, int expected)
    {
        Assert.Equal(expected, WorkingDays.Between(D(from), D(to)));
    }

    [Fact]
    public void Add_NegativeDays_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDays.Add(new DateOnly(2026, 3, 2), -1));
    }

    [Theory]
    [InlineData("2026-03-06", SignalUrgency.Routine, "2026-03-13")]
    [InlineData("2026-03-06", SignalUrgency.Soon, "2026-03-10")]
    [InlineData("2026-03-07", SignalUrgency.SafetyToday, "2026-03-07")] // a safety worry is due the same day, even on Saturday
    public void Deadline_DefaultSettings(string received, SignalUrgency urgency, string expected)
    {
        Assert.Equal(D(expected), IntakeDeadlines.Deadline(D(received), urgency, IntakeDeadlineSettings.Default));
    }

    [Fact]
    public void IsOverdue_OnlyAfterTheDeadlineDayAndWhileWaiting()
    {
        var deadline = new DateOnly(2026, 3, 13);

        Assert.False(IntakeDeadlines.IsOverdue(deadline, deadline, responded: false));
        Assert.True(IntakeDeadlines.IsOverdue(deadline, deadline.AddDays(1), responded: false));
        Assert.False(IntakeDeadlines.IsOverdue(deadline, deadline.AddDays(1), responded: true));
    }

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
