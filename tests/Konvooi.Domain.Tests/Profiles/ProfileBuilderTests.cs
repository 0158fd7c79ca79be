using Konvooi.Domain.Conversations;
using Konvooi.Domain.Convoy;
using Konvooi.Domain.Profiles;
using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Tests.Profiles;

public sealed class ProfileBuilderTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Theory]
    [InlineData("2025-09-02", false)] // exactly 6 months: no longer recent (docs/profile.md, TF-6)
    [InlineData("2025-09-03", true)]  // one day less than 6 months
    [InlineData("2026-03-02", true)]  // the conversation day
    [InlineData("2026-03-03", false)] // a date after the conversation is ignored
    public void Build_LossDate_RecentBereavementUnderSixMonths(string lossDate, bool isRecent)
    {
        var profile = Build(Answers(("life_events.loss", "other_close"), ("life_events.loss_date", lossDate)));

        Assert.Equal(isRecent, profile.HasFlag("recent_bereavement"));
    }

    [Fact]
    public void Build_LossWithoutDate_NoRecentBereavementButCauseNamed()
    {
        var profile = Build(Answers(("life_events.loss", "other_close")), Measure.Djg11(3, 0, Today));

        Assert.False(profile.HasFlag("recent_bereavement"));
        Assert.Equal(["other_bereavement"], profile.Causes.Select(c => c.Code));
    }

    [Theory]
    [InlineData("2024-03-02", "chronic")]     // exactly 24 months (RK-4, own choice 2 years)
    [InlineData("2024-03-03", "situational")]
    public void Build_StartDate_ChronicFromTwoYears(string start, string course)
    {
        var profile = Build(Answers(("duration.start_date", start)), Measure.Djg11(4, 4, Today));

        Assert.Equal(course, profile.Course);
    }

    [Fact]
    public void Build_ChoiceAndDateDisagree_ChoiceWins()
    {
        var profile = Build(Answers(("duration.since", "always"), ("duration.start_date", "2026-01-01")), Measure.Djg11(4, 4, Today));

        Assert.Equal("chronic", profile.Course);
        Assert.Equal(["answer:duration.since"], profile.CourseEvidence.Select(e => e.Source));
    }

    [Theory]
    [InlineData(2, 0, "none", "not_lonely")]
    [InlineData(3, 0, "emotional", "moderately_lonely")]
    [InlineData(0, 3, "social", "moderately_lonely")]
    [InlineData(2, 1, "undifferentiated", "moderately_lonely")] // neither subscale ≥ 3 (issue 16: no share rule)
    [InlineData(1, 2, "undifferentiated", "moderately_lonely")]
    [InlineData(5, 4, "both", "severely_lonely")]
    public void Build_Djg11_TypeAndSeverityPerVocabularyDefaults(int emotional, int social, string type, string severity)
    {
        var profile = Build(ConversationAnswers.Empty, Measure.Djg11(emotional, social, Today));

        Assert.Equal(type, profile.Type);
        Assert.Equal(severity, profile.Severity);
        Assert.Equal(type != "none", profile.IsLonely);
    }

    [Fact]
    public void Build_Djg11WithMissingSubscale_SeverityKnownTypeUnknown()
    {
        var instrument = Instruments.Djg11;
        // Two emotional items missing: the emotional subscale is void (docs/instruments.md), the total is not.
        var indexes = instrument.Items.Select((item, i) => item.Subscale == DjgSubscales.Emotional
            ? (i is 1 or 2 ? AnswerCodes.Missing : instrument.OptionIndex("ja"))
            : instrument.OptionIndex("nee")).ToArray();
        var measurement = ProfileMeasurement.Of(instrument, Today, instrument.CreateScorer().Score(indexes));

        var profile = Build(ConversationAnswers.Empty, measurement);

        Assert.Equal("severely_lonely", profile.Severity);
        Assert.Null(profile.Type);
        Assert.Null(profile.Djg11);
        Assert.Null(profile.ToMatchingProfile().Djg11);
    }

    [Fact]
    public void Build_SeveralMeasurements_LatestOfEachKindAndVersionsRecorded()
    {
        var profile = Build(
            ConversationAnswers.Empty,
            Measure.Djg11(6, 5, new DateOnly(2025, 6, 1)),
            Measure.Djg6(0, 1, new DateOnly(2026, 2, 1)),
            Measure.MasteryGgd("neutral", new DateOnly(2025, 6, 1)),
            Measure.MasteryGgd("strongly_agree", new DateOnly(2026, 2, 1)),
            Measure.Who5("most_of_the_time", new DateOnly(2026, 2, 1)));

        Assert.Equal("not_lonely", profile.Severity); // the later DJG-6 total 1
        Assert.True(profile.HasFlag("low_mastery"));
        Assert.Equal("not_flagged", profile.WellbeingLevel);
        Assert.Equal(
            [("djg6", "1.0", new DateOnly(2026, 2, 1)), ("mastery7-ggd", "1.0", new DateOnly(2026, 2, 1)), ("who5", "1.0", new DateOnly(2026, 2, 1))],
            profile.Instruments.Select(i => (i.Id, i.Version, i.TakenOn)));
        Assert.Equal("2", profile.RulesVersion);
        Assert.Equal(ConversationGuide.Version, profile.GuideVersion);
    }

    [Fact]
    public void Build_MeasurementAfterTheConversation_NotUsed()
    {
        var profile = Build(ConversationAnswers.Empty, Measure.Djg11(1, 0, Today), Measure.Djg11(6, 5, Today.AddDays(1)));

        Assert.Equal("not_lonely", profile.Severity);
    }

    [Fact]
    public void Build_OriginalMasteryScale_NoFlagWithoutPublishedCutOff()
    {
        var instrument = Instruments.Mastery7;
        var lowest = instrument.Items.Select(item => instrument.OptionIndex(item.Number is 4 or 6 ? "strongly_disagree" : "strongly_agree")).ToArray();
        var measurement = ProfileMeasurement.Of(instrument, Today, instrument.CreateScorer().Score(lowest));

        var profile = Build(ConversationAnswers.Empty, measurement);

        Assert.Equal(7, measurement.Score.Total);
        Assert.False(profile.HasFlag("low_mastery"));
    }

    [Theory]
    [InlineData(24, true)]
    [InlineData(25, false)]
    public void Build_Age_YouthBelow25(int age, bool isYouth)
    {
        var profile = ProfileBuilder.Build(new ProfileInput { ConversationDate = Today, Age = age });

        Assert.Equal(isYouth, profile.HasFlag("youth"));
    }

    [Theory]
    [InlineData(54, "yes", false)]
    [InlineData(55, "yes", true)]
    [InlineData(70, "no", false)]
    public void Build_AgeAndMigration_OlderMigrantFrom55(int age, string background, bool isOlderMigrant)
    {
        var profile = ProfileBuilder.Build(new ProfileInput
        {
            ConversationDate = Today,
            Age = age,
            Answers = Answers(("circumstances.migration_background", background)),
        });

        Assert.Equal(isOlderMigrant, profile.HasFlag("older_migrant"));
    }

    [Theory]
    [InlineData("yes", null, false)]       // lives alone, daily contact unknown: not raised
    [InlineData("yes", "no", true)]
    [InlineData("yes", "yes", false)]
    [InlineData("no", "no", false)]
    public void Build_LivesAloneAndDailyContact_NoDailyContactOnlyWhenKnown(string livesAlone, string? daily, bool raised)
    {
        var values = new List<(string, string)> { ("living.lives_alone", livesAlone) };
        if (daily is not null)
        {
            values.Add(("contacts.daily_contact", daily));
        }

        var profile = Build(Answers([.. values]));

        Assert.Equal(raised, profile.HasFlag("no_daily_contact"));
    }

    [Fact]
    public void Build_DailyContactFromVolunteerOnly_StillNoDailyContactFromOwnNetwork()
    {
        var profile = ProfileBuilder.Build(new ProfileInput
        {
            ConversationDate = Today,
            Answers = Answers(("living.lives_alone", "yes")),
            Convoy = new ConvoySnapshot(Today, [new ConvoyMember("1", "vrijwilliger") { Relation = "volunteer", Circle = ConvoyCodes.Close, Frequency = "daily" }]),
        });

        var flag = Assert.Single(profile.Flags);
        Assert.Equal("no_daily_contact", flag.Code);
        Assert.Equal(["JG-6", "RK-1"], flag.Insights);
        Assert.Equal(["answer:living.lives_alone", "convoy:2026-03-02"], flag.Evidence.Select(e => e.Source));
        Assert.False(profile.DailyContact);
    }

    [Theory]
    [InlineData("2", false)] // VT-4 count: at most 1 weekly contact
    [InlineData("1", true)]
    [InlineData("0", true)]
    public void Build_NotLonelyWithFewContacts_IsolatedNotLonely(string weekly, bool raised)
    {
        var profile = Build(Answers(("contacts.weekly_count", weekly)), Measure.Djg11(0, 0, Today));

        Assert.Equal(raised, profile.HasFlag("isolated_not_lonely"));
    }

    [Fact]
    public void Build_ConversationSaysOneButConvoyShowsThree_NotIsolated()
    {
        var members = Enumerable.Range(1, 3).Select(i => new ConvoyMember(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "vriend")
        {
            Relation = "friend",
            Circle = ConvoyCodes.Close,
            Frequency = "weekly",
        }).ToList();

        var profile = ProfileBuilder.Build(new ProfileInput
        {
            ConversationDate = Today,
            Measurements = [Measure.Djg11(0, 0, Today)],
            Answers = Answers(("contacts.weekly_count", "1")),
            Convoy = new ConvoySnapshot(Today, members),
        });

        Assert.False(profile.HasFlag("isolated_not_lonely"));
    }

    [Theory]
    [InlineData("no", true)]
    [InlineData("partly", false)]
    [InlineData("yes", false)]
    public void Build_MeaningQuestions_FlagOnlyWhenNotFromMissingContact(string fromContact, bool raised)
    {
        var profile = Build(Answers(("meaning.has_questions", "yes"), ("meaning.from_missing_contact", fromContact)));

        Assert.Equal(raised, profile.HasFlag("meaning_not_contact"));
    }

    [Fact]
    public void Build_MalformedAnswers_TreatedAsUnknown()
    {
        var profile = Build(
            Answers(
                ("living.lives_alone", "misschien"),
                ("life_events.causes", "bad_luck,moved"),
                ("coping.preferred", "sleeping"),
                ("preferences.language", "NL"),
                ("preferences.setting", "no_preference"),
                ("contacts.weekly_count", "-3")),
            Measure.Djg11(4, 0, Today));

        Assert.Null(profile.LivesAlone);
        Assert.Equal(["moved"], profile.Causes.Select(c => c.Code));
        Assert.Null(profile.Coping);
        Assert.Null(profile.Preferences.Language);
        Assert.Null(profile.Preferences.Setting);
    }

    [Fact]
    public void Build_Evidence_PlainDutchWithTheAnswerLabel()
    {
        var profile = Build(Answers(("circumstances.money_worries", "yes")));

        var evidence = Assert.Single(Assert.Single(profile.Flags).Evidence);
        Assert.Equal("answer:circumstances.money_worries", evidence.Source);
        Assert.Equal("Maakt u zich zorgen over geld, voor uzelf of voor uw kinderen? Antwoord: ja.", evidence.Fact);
    }

    [Fact]
    public void Build_DjgEvidence_NamesScoresAndLevel()
    {
        var profile = Build(ConversationAnswers.Empty, Measure.Djg11(5, 4, new DateOnly(2026, 2, 23)));

        var evidence = Assert.Single(profile.LonelinessEvidence);
        Assert.Equal("score:djg11", evidence.Source);
        Assert.Equal("De Jong Gierveld (11 vragen) op 23-02-2026: totaal 9 (ernstig eenzaam); emotioneel 5, sociaal 4.", evidence.Fact);
    }

    [Fact]
    public void ToMatchingProfile_CarriesEveryField()
    {
        var profile = ProfileBuilder.Build(Personas.Get("widow_82_alone_without_daily_contact").Input).ToMatchingProfile();

        Assert.Equal(82, profile.Age);
        Assert.True(profile.LivesAlone);
        Assert.False(profile.DailyContact);
        Assert.Equal(new Konvooi.Domain.Matching.Djg11Score(5, 4), profile.Djg11);
        Assert.Equal("strengthen_existing_contacts", profile.Coping);
        Assert.Equal("individual", profile.Preferences.Setting);
        Assert.Equal(["home_visit", "in_person"], profile.Preferences.Modes);
        Assert.Equal(["no_daily_contact"], profile.Flags);
    }

    private static PersonProfile Build(ConversationAnswers answers, params ProfileMeasurement[] measurements) =>
        ProfileBuilder.Build(new ProfileInput { ConversationDate = Today, Answers = answers, Measurements = measurements });

    private static ConversationAnswers Answers(params (string Code, string Value)[] values) =>
        ConversationAnswers.From(values.Select(v => KeyValuePair.Create(v.Code, v.Value)));
}
