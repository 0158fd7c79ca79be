using Konvooi.Domain.DailyContact;

namespace Konvooi.Domain.Tests.DailyContact;

public sealed class DashboardTests
{
    private static SlotState Confirmed(SlotState state, DateTime at, IReadOnlySet<DifferenceSignal>? signals = null) =>
        Assert.IsType<SlotCommandOutcome.Accepted>(SlotMachine.Confirm(state, new Confirmation(at, new Confirmer.ByContact(state.Slot.ContactId!.Value), null, signals))).Transition.State;

    private static SlotState SlotAt(int hourUtc, Guid? personId = null)
    {
        var slot = Fixtures.SummerSlot() with
        {
            PersonId = personId ?? Guid.NewGuid(),
            StartUtc = Fixtures.Utc(2026, 6, 10, hourUtc, 0),
            EndUtc = Fixtures.Utc(2026, 6, 10, hourUtc, 30),
        };
        return SlotState.Initial(slot);
    }

    [Fact]
    public void Today_MixedSlots_AreCategorisedFromTheCurrentTime()
    {
        var now = Fixtures.Utc(2026, 6, 10, 10, 0);
        SlotState[] states =
        [
            Confirmed(SlotAt(6), Fixtures.Utc(2026, 6, 10, 6, 10)),   // done
            SlotAt(7),                                                // ended 07:30, retry 08:00: escalated
            SlotAt(9),                                                // ended 09:30, retry at 10:00: escalated
            SlotAt(8) with { Slot = SlotAt(8).Slot with { EndUtc = Fixtures.Utc(2026, 6, 10, 9, 45) } }, // overdue
            SlotAt(12),                                               // still to come
            SlotState.Initial(Fixtures.SummerSlot() with { LocalDate = new DateOnly(2026, 6, 11) }), // tomorrow
        ];

        var overview = Dashboard.Today(states, new DateOnly(2026, 6, 10), now);

        Assert.Equal(5, overview.Entries.Count);
        Assert.Equal(1, overview.Count(TodayCategory.Done));
        Assert.Equal(2, overview.Count(TodayCategory.Escalated));
        Assert.Equal(1, overview.Count(TodayCategory.Overdue));
        Assert.Equal(1, overview.Count(TodayCategory.Due));
    }

    [Fact]
    public void RotaGaps_NextFourteenDays_ListsOnlyUnassignedSlotsInRange()
    {
        Unavailability[] away =
        [
            new(Fixtures.Anna, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30)),
            new(Fixtures.Bram, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30)),
            new(Fixtures.Cor, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11)),
            new(Fixtures.Cor, new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 20)),
        ];
        var slots = SlotGenerator.Generate(Fixtures.Daily(), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 31), Fixtures.Amsterdam, away);

        var gaps = Dashboard.RotaGaps(slots, new DateOnly(2026, 3, 7));

        Assert.Equal([10, 11, 20], gaps.Select(g => g.LocalDate.Day));
    }

    [Fact]
    public void Load_CountsSlotsStandInsAndPeoplePerContact()
    {
        Unavailability[] away = [new(Fixtures.Anna, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 3))];
        var slots = SlotGenerator.Generate(Fixtures.Daily(), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 15), Fixtures.Amsterdam, away);

        var load = Dashboard.Load(slots);

        Assert.Equal([new ContactLoad(Fixtures.Bram, 9, 2, 1), new ContactLoad(Fixtures.Anna, 5, 0, 1)], load);
    }

    [Fact]
    public void Streaks_CountsBackFromTheMostRecentFinishedSlot()
    {
        var person = Guid.NewGuid();
        var now = Fixtures.Utc(2026, 6, 10, 12, 0);
        var slots = Enumerable.Range(1, 6)
            .Select(day => SlotState.Initial(Fixtures.SummerSlot() with
            {
                PersonId = person,
                LocalDate = new DateOnly(2026, 6, day + 4),
                StartUtc = Fixtures.Utc(2026, 6, day + 4, 8, 0),
                EndUtc = Fixtures.Utc(2026, 6, day + 4, 8, 30),
            }))
            .ToList();
        SlotState[] states =
        [
            Confirmed(slots[0], slots[0].Slot.StartUtc.AddMinutes(5)),
            slots[1],                                                  // 6 June missed
            Confirmed(slots[2], slots[2].Slot.StartUtc.AddMinutes(5)),
            Confirmed(slots[3], slots[3].Slot.EndUtc.AddMinutes(40)),  // late still counts as contact
            Confirmed(slots[4], slots[4].Slot.StartUtc.AddMinutes(5)),
            slots[5],                                                  // 10 June 08:00–08:30 missed as well
        ];

        var streak = Assert.Single(Dashboard.Streaks(states, now));

        Assert.Equal(new PersonStreak(person, 0, 2, new DateOnly(2026, 6, 9)), streak);
        Assert.Equal(3, Dashboard.Streaks(states[..5], now)[0].Streak);
    }

    [Fact]
    public void Streaks_SlotStillOpen_DoesNotBreakTheStreak()
    {
        var person = Guid.NewGuid();
        var done = Confirmed(SlotAt(6, person), Fixtures.Utc(2026, 6, 10, 6, 5));

        var streak = Assert.Single(Dashboard.Streaks([done, SlotAt(11, person)], Fixtures.Utc(2026, 6, 10, 11, 10)));

        Assert.Equal((1, 0), (streak.Streak, streak.MissedDays));
    }

    [Fact]
    public void Signals_OnlyConfirmationsWithSignals_AreListed()
    {
        var signals = new HashSet<DifferenceSignal> { DifferenceSignal.Unwell };
        SlotState[] states =
        [
            Confirmed(SlotAt(6), Fixtures.Utc(2026, 6, 10, 6, 5), signals),
            Confirmed(SlotAt(7), Fixtures.Utc(2026, 6, 10, 7, 5)),
        ];

        var signal = Assert.Single(Dashboard.Signals(states));

        Assert.Equal(signals, signal.Signals);
    }
}
