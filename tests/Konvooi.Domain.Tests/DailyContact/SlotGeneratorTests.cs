using Konvooi.Domain.DailyContact;

namespace Konvooi.Domain.Tests.DailyContact;

public sealed class SlotGeneratorTests
{
    [Theory]
    [InlineData(2026, 1, 15, 10, 0, 2026, 1, 15, 9, 0)]    // winter: CET is UTC+1
    [InlineData(2026, 6, 10, 10, 0, 2026, 6, 10, 8, 0)]    // summer: CEST is UTC+2
    [InlineData(2026, 3, 28, 10, 0, 2026, 3, 28, 9, 0)]    // day before spring forward
    [InlineData(2026, 3, 29, 10, 0, 2026, 3, 29, 8, 0)]    // spring-forward day, after the switch
    [InlineData(2026, 3, 29, 1, 30, 2026, 3, 29, 0, 30)]   // spring-forward day, before the switch
    [InlineData(2026, 3, 29, 2, 30, 2026, 3, 29, 1, 0)]    // skipped hour: moves to 03:00 CEST, the first valid time
    [InlineData(2026, 3, 29, 2, 0, 2026, 3, 29, 1, 0)]     // skipped hour starts at 02:00
    [InlineData(2026, 3, 29, 3, 0, 2026, 3, 29, 1, 0)]     // 03:00 CEST is valid and equals the moved time
    [InlineData(2026, 10, 25, 2, 30, 2026, 10, 25, 0, 30)] // fall back: 02:30 occurs twice; the first (CEST) counts
    [InlineData(2026, 10, 25, 2, 0, 2026, 10, 25, 0, 0)]   // fall back: 02:00 first occurrence
    [InlineData(2026, 10, 25, 3, 0, 2026, 10, 25, 2, 0)]   // fall back: 03:00 happens once, in CET
    [InlineData(2026, 10, 25, 10, 0, 2026, 10, 25, 9, 0)]  // fall-back day, after the switch
    [InlineData(2026, 10, 24, 10, 0, 2026, 10, 24, 8, 0)]  // day before fall back
    public void ToUtc_AmsterdamLocalTime_AppliesDaylightSavingRules(
        int year, int month, int day, int hour, int minute,
        int utcYear, int utcMonth, int utcDay, int utcHour, int utcMinute)
    {
        var utc = LocalTime.ToUtc(new DateOnly(year, month, day), new TimeOnly(hour, minute), Fixtures.Amsterdam);

        Assert.Equal(Fixtures.Utc(utcYear, utcMonth, utcDay, utcHour, utcMinute), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void WindowToUtc_WholeWindowInSkippedHour_MovesToThreeOClockAndKeepsItsLength()
    {
        var window = new TimeWindow(new TimeOnly(2, 15), new TimeOnly(2, 45));

        var (start, end) = LocalTime.WindowToUtc(new DateOnly(2026, 3, 29), window, Fixtures.Amsterdam);

        Assert.Equal(Fixtures.Utc(2026, 3, 29, 1, 0), start);
        Assert.Equal(Fixtures.Utc(2026, 3, 29, 1, 30), end);
    }

    [Fact]
    public void WindowToUtc_EndInSkippedHour_EndsAtThreeOClock()
    {
        var window = new TimeWindow(new TimeOnly(1, 30), new TimeOnly(2, 30));

        var (start, end) = LocalTime.WindowToUtc(new DateOnly(2026, 3, 29), window, Fixtures.Amsterdam);

        Assert.Equal(Fixtures.Utc(2026, 3, 29, 0, 30), start);
        Assert.Equal(Fixtures.Utc(2026, 3, 29, 1, 0), end);
    }

    [Fact]
    public void WindowToUtc_AcrossRepeatedHour_StartsAtFirstOccurrenceAndLastsTwoRealHours()
    {
        var window = new TimeWindow(new TimeOnly(2, 30), new TimeOnly(3, 30));

        var (start, end) = LocalTime.WindowToUtc(new DateOnly(2026, 10, 25), window, Fixtures.Amsterdam);

        Assert.Equal(Fixtures.Utc(2026, 10, 25, 0, 30), start);
        Assert.Equal(Fixtures.Utc(2026, 10, 25, 2, 30), end);
    }

    [Fact]
    public void Generate_WeekAcrossSpringForward_KeepsTheLocalTime()
    {
        var slots = SlotGenerator.Generate(Fixtures.Daily(), new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 30), Fixtures.Amsterdam);

        Assert.Equal(
            [Fixtures.Utc(2026, 3, 28, 9, 0), Fixtures.Utc(2026, 3, 29, 8, 0), Fixtures.Utc(2026, 3, 30, 8, 0)],
            slots.Select(s => s.StartUtc));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(30), s.EndUtc - s.StartUtc));
    }

    [Fact]
    public void Generate_NightWindowOnFallBackDay_UsesFirstOccurrence()
    {
        var arrangement = Fixtures.Daily() with { Window = new TimeWindow(new TimeOnly(2, 15), new TimeOnly(2, 45)) };

        var slot = Assert.Single(SlotGenerator.Generate(arrangement, new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 25), Fixtures.Amsterdam));

        Assert.Equal(Fixtures.Utc(2026, 10, 25, 0, 15), slot.StartUtc);
        Assert.Equal(Fixtures.Utc(2026, 10, 25, 0, 45), slot.EndUtc);
    }

    [Fact]
    public void Generate_OnlyScheduledDaysInsideTheArrangement()
    {
        var arrangement = Fixtures.Daily() with
        {
            Days = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Thursday },
            EndDate = new DateOnly(2026, 3, 12),
        };

        var slots = SlotGenerator.Generate(arrangement, new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 31), Fixtures.Amsterdam);

        Assert.Equal(
            [new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 12)],
            slots.Select(s => s.LocalDate));
    }

    [Fact]
    public void Generate_PausedDays_AreSkipped()
    {
        var arrangement = Fixtures.Daily() with
        {
            Pauses = [new Pause(new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 6), PauseReason.HospitalStay)],
        };

        var slots = SlotGenerator.Generate(arrangement, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8), Fixtures.Amsterdam);

        Assert.Equal([2, 3, 7, 8], slots.Select(s => s.LocalDate.Day));
    }

    [Fact]
    public void Generate_TwoMainMembers_TakeTurnsWeekByWeek()
    {
        var slots = SlotGenerator.Generate(Fixtures.Daily(), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 22), Fixtures.Amsterdam);

        Assert.All(slots.Where(s => s.LocalDate.Day <= 8), s => Assert.Equal(Fixtures.Anna, s.ContactId));
        Assert.All(slots.Where(s => s.LocalDate.Day is >= 9 and <= 15), s => Assert.Equal(Fixtures.Bram, s.ContactId));
        Assert.All(slots.Where(s => s.LocalDate.Day >= 16), s => Assert.Equal(Fixtures.Anna, s.ContactId));
        Assert.All(slots, s => Assert.False(s.IsSubstitute));
    }

    [Fact]
    public void Generate_MainContactUnavailable_NextMainMemberStandsIn()
    {
        Unavailability[] away = [new(Fixtures.Anna, new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3))];

        var slot = SlotGenerator.Generate(Fixtures.Daily(), new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3), Fixtures.Amsterdam, away)[0];

        Assert.Equal(Fixtures.Bram, slot.ContactId);
        Assert.True(slot.IsSubstitute);
        Assert.Equal(Fixtures.Cor, slot.SecondContactId);
    }

    [Fact]
    public void Generate_AllMainMembersUnavailable_SubstituteStandsIn()
    {
        Unavailability[] away =
        [
            new(Fixtures.Anna, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)),
            new(Fixtures.Bram, new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3)),
        ];

        var slot = SlotGenerator.Generate(Fixtures.Daily(), new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3), Fixtures.Amsterdam, away)[0];

        Assert.Equal(Fixtures.Cor, slot.ContactId);
        Assert.True(slot.IsSubstitute);
        Assert.Null(slot.SecondContactId);
    }

    [Fact]
    public void Generate_NobodyAvailable_SlotIsAGap()
    {
        Unavailability[] away =
        [
            new(Fixtures.Anna, new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3)),
            new(Fixtures.Bram, new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3)),
            new(Fixtures.Cor, new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3)),
        ];

        var slot = SlotGenerator.Generate(Fixtures.Daily(), new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3), Fixtures.Amsterdam, away)[0];

        Assert.True(slot.IsGap);
        Assert.Null(slot.SecondContactId);
    }

    [Fact]
    public void Generate_FixedSecondContact_IsUsedWhenAvailable()
    {
        var arrangement = Fixtures.Daily() with { Escalation = EscalationLadder.Default with { SecondContactId = Fixtures.Cor } };

        var slot = SlotGenerator.Generate(arrangement, new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3), Fixtures.Amsterdam)[0];

        Assert.Equal(Fixtures.Anna, slot.ContactId);
        Assert.Equal(Fixtures.Cor, slot.SecondContactId);
    }

    [Fact]
    public void Generate_InvalidWindow_Throws()
    {
        var arrangement = Fixtures.Daily() with { Window = new TimeWindow(new TimeOnly(11, 0), new TimeOnly(10, 0)) };

        Assert.Throws<ArgumentException>(() => SlotGenerator.Generate(arrangement, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2), Fixtures.Amsterdam));
    }

    [Fact]
    public void Generate_Reference_IsOpaqueAndStable()
    {
        var slot = SlotGenerator.Generate(Fixtures.Daily(), new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 3), Fixtures.Amsterdam)[0];

        Assert.Equal("22222222222222222222222222222222-20260303", slot.Reference);
    }
}
