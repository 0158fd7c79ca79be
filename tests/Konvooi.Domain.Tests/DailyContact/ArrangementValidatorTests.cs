using Konvooi.Domain.DailyContact;

namespace Konvooi.Domain.Tests.DailyContact;

public sealed class ArrangementValidatorTests
{
    private static List<string> Codes(Arrangement arrangement) =>
        ArrangementValidator.Validate(arrangement).Select(e => e.Code).ToList();

    [Fact]
    public void Validate_SoundArrangement_ReturnsNoErrors()
    {
        Assert.Empty(ArrangementValidator.Validate(Fixtures.Daily()));
    }

    [Fact]
    public void Validate_WindowEndBeforeStart_ReturnsDutchMessageWithBothTimes()
    {
        var arrangement = Fixtures.Daily() with { Window = new TimeWindow(new TimeOnly(11, 0), new TimeOnly(10, 30)) };

        var error = Assert.Single(ArrangementValidator.Validate(arrangement));

        Assert.Equal("daily-contact.window-end-before-start", error.Code);
        Assert.Equal("Het contactmoment moet eindigen na het begin. Nu begint het om 11:00 en eindigt het om 10:30.", error.Message);
    }

    [Fact]
    public void Validate_WindowOfZeroLength_IsRefused()
    {
        var arrangement = Fixtures.Daily() with { Window = new TimeWindow(new TimeOnly(10, 0), new TimeOnly(10, 0)) };

        Assert.Contains("daily-contact.window-end-before-start", Codes(arrangement));
    }

    [Fact]
    public void Validate_NoDays_IsRefused()
    {
        var arrangement = Fixtures.Daily() with { Days = new HashSet<DayOfWeek>() };

        Assert.Equal(["daily-contact.no-days"], Codes(arrangement));
    }

    [Fact]
    public void Validate_EndDateBeforeStartDate_IsRefused()
    {
        var arrangement = Fixtures.Daily() with { EndDate = new DateOnly(2026, 3, 1) };

        Assert.Contains("daily-contact.end-date-before-start-date", Codes(arrangement));
    }

    [Fact]
    public void Validate_PauseOutsideArrangement_IsRefused()
    {
        var arrangement = Fixtures.Daily() with
        {
            EndDate = new DateOnly(2026, 6, 30),
            Pauses = [new Pause(new DateOnly(2026, 6, 25), new DateOnly(2026, 7, 5), PauseReason.Holiday)],
        };

        var error = Assert.Single(ArrangementValidator.Validate(arrangement));

        Assert.Equal("daily-contact.pause-outside-arrangement", error.Code);
        Assert.Equal("De pauze van 25-6-2026 tot en met 5-7-2026 valt (deels) buiten de looptijd van de afspraak.", error.Message);
    }

    [Fact]
    public void Validate_PauseBeforeStartOfOpenEndedArrangement_IsRefused()
    {
        var arrangement = Fixtures.Daily() with
        {
            Pauses = [new Pause(new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 5), PauseReason.HospitalStay)],
        };

        Assert.Equal(["daily-contact.pause-outside-arrangement"], Codes(arrangement));
    }

    [Fact]
    public void Validate_OverlappingPauses_IsRefused()
    {
        var arrangement = Fixtures.Daily() with
        {
            Pauses =
            [
                new Pause(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 14), PauseReason.Holiday),
                new Pause(new DateOnly(2026, 7, 14), new DateOnly(2026, 7, 20), PauseReason.HospitalStay),
            ],
        };

        Assert.Equal(["daily-contact.overlapping-pauses"], Codes(arrangement));
    }

    [Fact]
    public void Validate_AdjacentPauses_AreAllowed()
    {
        var arrangement = Fixtures.Daily() with
        {
            Pauses =
            [
                new Pause(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 14), PauseReason.Holiday),
                new Pause(new DateOnly(2026, 7, 15), new DateOnly(2026, 7, 20), PauseReason.HospitalStay),
            ],
        };

        Assert.Empty(Codes(arrangement));
    }

    [Fact]
    public void Validate_PauseEndingBeforeItStarts_IsRefused()
    {
        var arrangement = Fixtures.Daily() with
        {
            Pauses = [new Pause(new DateOnly(2026, 7, 14), new DateOnly(2026, 7, 1), PauseReason.Holiday)],
        };

        Assert.Equal(["daily-contact.pause-end-before-start"], Codes(arrangement));
    }

    [Fact]
    public void Validate_ScheduledDaysWithoutMainRotaMember_NamesTheDaysInDutch()
    {
        var weekdays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var arrangement = Fixtures.Daily() with
        {
            Rota =
            [
                new RotaMember(Fixtures.Anna, weekdays),
                new RotaMember(Fixtures.Cor, Fixtures.EveryDay, RotaPosition.Substitute),
            ],
        };

        var error = Assert.Single(ArrangementValidator.Validate(arrangement));

        Assert.Equal("daily-contact.rota-gap", error.Code);
        Assert.StartsWith("Op zaterdag en zondag staat niemand in het rooster.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RotaMemberNotInContacts_IsRefused()
    {
        var arrangement = Fixtures.Daily() with
        {
            Rota = [.. Fixtures.Daily().Rota, new RotaMember(Fixtures.Dewi, Fixtures.EveryDay)],
        };

        Assert.Equal(["daily-contact.unknown-rota-contact"], Codes(arrangement));
    }

    [Fact]
    public void Validate_EscalationStepsOutOfOrder_IsRefused()
    {
        var arrangement = Fixtures.Daily() with
        {
            Escalation = new EscalationLadder(TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(120)),
        };

        Assert.Equal(["daily-contact.escalation-order"], Codes(arrangement));
    }

    [Fact]
    public void Validate_KeyHolderNotInContacts_IsRefused()
    {
        var arrangement = Fixtures.Daily() with
        {
            Escalation = EscalationLadder.Default with { KeyHolderContactId = Fixtures.Dewi },
        };

        Assert.Equal(["daily-contact.unknown-key-holder"], Codes(arrangement));
    }

    [Fact]
    public void Validate_CallContactNotInContacts_IsRefused()
    {
        var arrangement = Fixtures.Daily() with
        {
            Escalation = EscalationLadder.Default with { MayBeCalledContactIds = [Fixtures.Cor, Fixtures.Dewi] },
        };

        Assert.Equal(["daily-contact.unknown-call-contact"], Codes(arrangement));
    }

    [Fact]
    public void Validate_ContactTwiceOrWithoutName_IsRefused()
    {
        var arrangement = Fixtures.Daily() with
        {
            Contacts = [.. Fixtures.Daily().Contacts, new Contact(Fixtures.Anna, "Anna", ContactRole.Volunteer), new Contact(Fixtures.Dewi, " ", ContactRole.Family)],
        };

        Assert.Equal(["daily-contact.duplicate-contact", "daily-contact.contact-without-name"], Codes(arrangement));
    }

    [Fact]
    public void Validate_CoordinatorLaterThanTwelveHours_IsRefused()
    {
        var arrangement = Fixtures.Daily() with
        {
            Escalation = new EscalationLadder(TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(13)),
        };

        Assert.Equal(["daily-contact.escalation-too-late"], Codes(arrangement));
    }

    [Fact]
    public void Validate_SeveralProblems_ReturnsAllOfThem()
    {
        var arrangement = Fixtures.Daily() with
        {
            Days = new HashSet<DayOfWeek>(),
            Window = new TimeWindow(new TimeOnly(11, 0), new TimeOnly(10, 0)),
            EndDate = new DateOnly(2026, 1, 1),
        };

        Assert.Equal(3, ArrangementValidator.Validate(arrangement).Count);
    }

    [Fact]
    public void ValidateAgainst_SamePersonOverlappingWindowOnSharedDay_IsRefused()
    {
        var existing = Fixtures.Daily();
        var candidate = Fixtures.Daily() with
        {
            Id = Guid.NewGuid(),
            Days = new HashSet<DayOfWeek> { DayOfWeek.Monday },
            Window = new TimeWindow(new TimeOnly(10, 15), new TimeOnly(11, 0)),
            StartDate = new DateOnly(2026, 5, 1),
        };

        var error = Assert.Single(ArrangementValidator.ValidateAgainst(candidate, [existing]));

        Assert.Equal("daily-contact.overlapping-arrangement", error.Code);
        Assert.Contains("op maandag tussen 10:00 en 10:30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateAgainst_MorningAndEveningContact_IsAllowed()
    {
        var existing = Fixtures.Daily();
        var evening = Fixtures.Daily() with
        {
            Id = Guid.NewGuid(),
            Window = new TimeWindow(new TimeOnly(19, 0), new TimeOnly(19, 30)),
        };

        Assert.Empty(ArrangementValidator.ValidateAgainst(evening, [existing]));
    }

    [Fact]
    public void ValidateAgainst_PeriodsDoNotOverlap_IsAllowed()
    {
        var existing = Fixtures.Daily() with { EndDate = new DateOnly(2026, 4, 30) };
        var next = Fixtures.Daily() with { Id = Guid.NewGuid(), StartDate = new DateOnly(2026, 5, 1) };

        Assert.Empty(ArrangementValidator.ValidateAgainst(next, [existing]));
    }

    [Fact]
    public void ValidateAgainst_OtherPerson_IsAllowed()
    {
        var existing = Fixtures.Daily();
        var other = Fixtures.Daily() with { Id = Guid.NewGuid(), PersonId = Guid.NewGuid() };

        Assert.Empty(ArrangementValidator.ValidateAgainst(other, [existing]));
    }

    [Fact]
    public void ValidateAgainst_ItsOwnEarlierVersion_IsIgnored()
    {
        var stored = Fixtures.Daily();
        var edited = stored with { Window = new TimeWindow(new TimeOnly(10, 15), new TimeOnly(10, 45)) };

        Assert.Empty(ArrangementValidator.ValidateAgainst(edited, [stored]));
    }
}
