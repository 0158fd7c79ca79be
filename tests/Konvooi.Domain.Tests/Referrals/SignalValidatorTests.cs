using Konvooi.Domain.Referrals;

namespace Konvooi.Domain.Tests.Referrals;

public sealed class SignalValidatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly HashSet<string> Wijken = ["WK099901", "WK099902"];

    private static SignalDraft Sound() => new()
    {
        Name = "Gerrit Fictief",
        Age = 82,
        Postcode = "9991 AB",
        Signs = ["lives_alone_few_visitors", "recent_loss"],
        Urgency = SignalUrgency.Routine,
        ConsentToContact = true,
        ConsentGivenOn = Today,
        PreferredApproach = "Liefst bellen na tien uur",
        MayHearBack = true,
    };

    private static List<string> Fields(SignalDraft draft) =>
        SignalValidator.Validate(draft, Today, Wijken).Problems.Select(p => p.Field).ToList();

    [Fact]
    public void Validate_SoundSignal_CanBeStored()
    {
        Assert.True(SignalValidator.Validate(Sound(), Today, Wijken).CanBeStored);
    }

    [Fact]
    public void Validate_EmptySignal_ListsEveryMissingField()
    {
        Assert.Equal(
            ["Name", "DateOfBirth", "Address", "Signs", "Urgency", "ConsentToContact"],
            Fields(new SignalDraft()));
    }

    [Fact]
    public void Validate_WithoutConsent_PointsToTheAnonymousAdviceRequest()
    {
        var check = SignalValidator.Validate(Sound() with { ConsentToContact = false }, Today, Wijken);

        var problem = Assert.Single(check.Problems);
        Assert.Equal("ConsentToContact", problem.Field);
        Assert.Contains("anoniem advies", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Postcode", "12 AB")]
    [InlineData("Phone", "12345")]
    [InlineData("WijkCode", "WK000000")]
    public void Validate_BadValues_AreRefusedBesideTheirField(string field, string value)
    {
        var draft = field switch
        {
            "Postcode" => Sound() with { Postcode = value },
            "Phone" => Sound() with { Phone = value },
            _ => Sound() with { WijkCode = value },
        };

        Assert.Equal([field], Fields(draft));
    }

    [Fact]
    public void Validate_DatesAndAges()
    {
        Assert.Equal(["DateOfBirth"], Fields(Sound() with { Age = null, DateOfBirth = Today.AddDays(1) }));
        Assert.Equal(["Age"], Fields(Sound() with { Age = 130 }));
        Assert.Equal(["ConsentGivenOn"], Fields(Sound() with { ConsentGivenOn = Today.AddDays(1) }));
        Assert.Equal(["ConsentGivenOn"], Fields(Sound() with { ConsentGivenOn = null }));
        Assert.Equal(["Signs"], Fields(Sound() with { Signs = ["made_up"] }));
    }

    [Fact]
    public void Validate_OnlyAFreeTextObservation_IsEnough()
    {
        Assert.Empty(Fields(Sound() with { Signs = [], Observation = "Mevrouw vertelde dat ze al weken niemand sprak." }));
    }

    [Fact]
    public void AdviceRequest_WithPersonalFields_IsRefusedPerField()
    {
        var draft = new SignalDraft
        {
            Kind = SignalKind.AdviceRequest,
            Name = "Gerrit",
            Phone = "0612345678",
            Age = 80,
            Observation = "Hoe breng ik eenzaamheid ter sprake?",
            MayHearBack = true,
        };

        Assert.Equal(["Name", "Age", "Phone", "MayHearBack"], Fields(draft));
    }

    [Fact]
    public void AdviceRequest_WithoutPersonalData_CanBeStored_AndNeedsNoConsent()
    {
        var draft = new SignalDraft { Kind = SignalKind.AdviceRequest, Observation = "Hoe breng ik eenzaamheid ter sprake bij een cliënt?", WijkCode = "WK099901" };

        Assert.True(SignalValidator.Validate(draft, Today, Wijken).CanBeStored);
    }

    [Fact]
    public void AdviceRequest_NameOrNumberInTheText_WarnsUntilConfirmed()
    {
        var draft = new SignalDraft { Kind = SignalKind.AdviceRequest, Observation = "Mevrouw Jansen (06-12345678) woont alleen." };

        var warned = SignalValidator.Validate(draft, Today, Wijken);
        var confirmed = SignalValidator.Validate(draft with { NoPersonalDataConfirmed = true }, Today, Wijken);

        Assert.Empty(warned.Problems);
        var warning = Assert.Single(warned.Warnings);
        Assert.Contains("een naam", warning.Message, StringComparison.Ordinal);
        Assert.Contains("een lang nummer", warning.Message, StringComparison.Ordinal);
        Assert.True(confirmed.CanBeStored);
    }

    [Theory]
    [InlineData("Mijn cliënt woont aan de Dorpsstraat 12.", "een adres")]
    [InlineData("Postcode 9991 AB, geen idee wat te doen", "een postcode")]
    [InlineData("Geboren 12-03-1941", "een datum")]
    [InlineData("Mail naar iemand@example.org", "een e-mailadres")]
    [InlineData("Dhr. de Vries belt vaak", "een naam (na meneer, mevrouw of een aanspreekvorm)")]
    public void PersonalDataHints_FindCommonPatterns(string text, string hint)
    {
        Assert.Contains(hint, SignalValidator.PersonalDataHints(text));
    }

    [Fact]
    public void PersonalDataHints_PlainQuestion_HasNone()
    {
        Assert.Empty(SignalValidator.PersonalDataHints("Hoe vraag ik iemand van 80 naar eenzaamheid zonder dat het beschamend voelt?"));
    }

    [Fact]
    public void Signs_EachCitesAnInsight()
    {
        Assert.All(SignalVocabulary.Signs, s => Assert.NotEmpty(s.Insights));
        Assert.Equal(SignalVocabulary.Signs.Count, SignalVocabulary.Signs.Select(s => s.Code).Distinct().Count());
    }

    [Theory]
    [InlineData("not_reachable", IntakeCloseReason.NotReachable)]
    [InlineData("declined_contact", IntakeCloseReason.DeclinedContact)]
    [InlineData("already_known", IntakeCloseReason.AlreadyKnown)]
    [InlineData("not_needed", IntakeCloseReason.NotNeeded)]
    [InlineData("other", IntakeCloseReason.Other)]
    public void CloseReasonCodes_RoundTrip(string code, IntakeCloseReason reason)
    {
        Assert.Equal(reason, SignalVocabulary.CloseReason(code));
        Assert.Equal(code, SignalVocabulary.Code(reason));
    }

    [Theory]
    [InlineData("Gerrit Fictief", "1944-02-01", null, null, "gérrit  FICTIEF", "1944-02-01", null, null, true)]
    [InlineData("Gerrit Fictief", "1944-02-01", null, null, "Gerrit Fictief", "1944-02-02", null, null, false)]
    [InlineData("Gerrit Fictief", null, "Dorpsstraat 1", "9991ab", "Gerrit Fictief", "1944-02-01", "dorpsstraat 1", "9991 AB", true)]
    [InlineData("Gerrit Fictief", null, "Dorpsstraat 1", null, "Gerrit Fictief", null, "Dorpsstraat 3", null, false)]
    [InlineData("Gerrit Fictief", null, null, null, "Gerrit Fictief", null, null, null, false)]
    public void DuplicateCheck_NameWithBirthDateOrAddress(
        string name, string? born, string? address, string? postcode,
        string otherName, string? otherBorn, string? otherAddress, string? otherPostcode, bool expected)
    {
        var signal = new PersonKey(name, born is null ? null : DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), address, postcode);
        var existing = new PersonKey(otherName, otherBorn is null ? null : DateOnly.Parse(otherBorn, System.Globalization.CultureInfo.InvariantCulture), otherAddress, otherPostcode);

        Assert.Equal(expected, DuplicateCheck.MayBeSamePerson(signal, existing));
    }
}
