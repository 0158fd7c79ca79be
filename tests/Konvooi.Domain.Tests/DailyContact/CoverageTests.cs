using Konvooi.Domain.DailyContact;

namespace Konvooi.Domain.Tests.DailyContact;

public sealed class CoverageTests
{
    private static readonly DateOnly From = new(2026, 6, 1);
    private static readonly DateOnly To = new(2026, 6, 30);

    private static List<CoveragePerson> People(string wijk, int count, bool inTarget = true) =>
        Enumerable.Range(0, count).Select(_ => new CoveragePerson(Guid.NewGuid(), wijk, inTarget)).ToList();

    private static Arrangement ArrangementFor(CoveragePerson person) =>
        Fixtures.Daily() with { Id = Guid.NewGuid(), PersonId = person.PersonId, StartDate = new DateOnly(2026, 5, 1) };

    private static SlotState Day(CoveragePerson person, int day, bool contact)
    {
        var slot = Fixtures.SummerSlot() with
        {
            PersonId = person.PersonId,
            LocalDate = new DateOnly(2026, 6, day),
            StartUtc = Fixtures.Utc(2026, 6, day, 8, 0),
            EndUtc = Fixtures.Utc(2026, 6, day, 8, 30),
        };
        var state = SlotState.Initial(slot);
        return contact
            ? Assert.IsType<SlotCommandOutcome.Accepted>(SlotMachine.Confirm(state, new Confirmation(slot.StartUtc.AddMinutes(5), new Confirmer.ByContact(Fixtures.Anna)))).Transition.State
            : SlotMachine.Advance(state, slot.EndUtc.AddHours(3)).State;
    }

    [Fact]
    public void Build_LargeWijk_ShowsArrangementsAndConfirmedShare()
    {
        var people = People("Centrum", 12);
        var arrangements = people.Take(8).Select(ArrangementFor).ToList();
        var states = people.Take(8).SelectMany(p => new[] { Day(p, 1, true), Day(p, 2, true), Day(p, 3, p != people[0]), Day(p, 4, true) }).ToList();

        var report = Coverage.Build(people, arrangements, states, From, To);

        var cell = Assert.Single(report.Wijken);
        Assert.Equal(new CoverageCell("Centrum", false, 12, 8, 32, 31), cell);
        Assert.Equal(31.0 / 32, cell.ConfirmedShare);
    }

    [Fact]
    public void Build_PeopleOutsideTargetGroup_AreNotCounted()
    {
        var people = People("Centrum", 10).Concat(People("Centrum", 5, inTarget: false)).ToList();

        var report = Coverage.Build(people, [], [], From, To);

        Assert.Equal(10, report.Wijken[0].PeopleInTargetGroup);
    }

    [Fact]
    public void Build_OneSmallWijk_IsSuppressedTogetherWithTheNextSmallest()
    {
        var people = People("Centrum", 30).Concat(People("Noord", 12)).Concat(People("Oost", 4)).Concat(People("West", 20)).ToList();

        var report = Coverage.Build(people, [], [], From, To);

        Assert.Equal(["Noord", "Oost"], report.Wijken.Where(c => c.IsSuppressed).Select(c => c.Wijk));
        Assert.All(report.Wijken.Where(c => c.IsSuppressed), c => Assert.Null(c.PeopleInTargetGroup));
        Assert.Equal(66, report.Total.PeopleInTargetGroup);
    }

    [Fact]
    public void Build_TwoSmallWijken_NoExtraSuppression()
    {
        var people = People("Centrum", 30).Concat(People("Noord", 3)).Concat(People("Oost", 4)).ToList();

        var report = Coverage.Build(people, [], [], From, To);

        Assert.Equal(["Noord", "Oost"], report.Wijken.Where(c => c.IsSuppressed).Select(c => c.Wijk));
    }

    [Theory]
    [InlineData(9, true)]    // below the default minimum of 10
    [InlineData(10, false)]  // at the minimum: shown
    public void Build_DefaultMinimumCellSize_IsTen(int count, bool suppressed)
    {
        var report = Coverage.Build(People("Centrum", count), [], [], From, To);

        Assert.Equal(suppressed, report.Wijken[0].IsSuppressed);
        Assert.Equal(suppressed, report.Total.IsSuppressed);
    }

    [Fact]
    public void Build_ConfigurableMinimum_IsApplied()
    {
        var report = Coverage.Build(People("Centrum", 6), [], [], From, To, minCellSize: 5);

        Assert.False(report.Wijken[0].IsSuppressed);
        Assert.Equal(5, report.MinCellSize);
    }

    [Fact]
    public void Build_ArrangementEndedBeforeThePeriod_IsNotActive()
    {
        var people = People("Centrum", 10);
        var ended = ArrangementFor(people[0]) with { EndDate = new DateOnly(2026, 5, 31) };

        var report = Coverage.Build(people, [ended], [], From, To);

        Assert.Equal(0, report.Wijken[0].WithActiveArrangement);
    }

    [Theory]
    [InlineData(true, false, true)]    // lives alone, no daily contact: the JG-6 target group
    [InlineData(true, true, false)]    // lives alone but has daily contact
    [InlineData(true, null, false)]    // unknown is not "no"
    [InlineData(false, false, false)]  // does not live alone
    public void FromProfile_LivesAloneWithoutDailyContact_MatchesTheMatchingFlag(bool? livesAlone, bool? dailyContact, bool expected)
    {
        var person = CoveragePerson.FromProfile(Guid.NewGuid(), "Centrum", new Konvooi.Domain.Matching.Profile { LivesAlone = livesAlone, DailyContact = dailyContact });

        Assert.Equal(expected, person.LivesAloneWithoutDailyContact);
    }

    [Fact]
    public void Build_MissingWijk_IsGroupedAsUnknown()
    {
        var report = Coverage.Build(People(" ", 10), [], [], From, To);

        Assert.Equal(Coverage.UnknownWijk, report.Wijken[0].Wijk);
    }
}
