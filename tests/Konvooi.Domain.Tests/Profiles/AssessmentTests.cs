using Konvooi.Domain.Conversations;
using Konvooi.Domain.Convoy;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Profiles;
using Konvooi.Domain.Questionnaires;
using Konvooi.Domain.Tests.Matching;

namespace Konvooi.Domain.Tests.Profiles;

/// <summary>
/// Issue 16 personas through the profile builder and the matching engine: uncertainty, staleness, the person's
/// own view, the professional's judgement (VT-1, AM-1), safety routes (VT-2, VT-8), prevention (JG-4, AM-5, TF-6).
/// Rules: docs/profile.md and docs/matching.md.
/// </summary>
public sealed class AssessmentTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Guid Author = Guid.Parse("00000000-0000-0000-0000-00000000a11c");

    [Fact]
    public void TwoRefusedAnswers_NotLonelyBecomesUncertain_CausesKeptAndOffersNotExcluded()
    {
        // Issue 16 finding 2: emotional 1 + social 0 with one missing item per subscale: 1..3, "niet" to "matig".
        var profile = Build(
            Answers(("life_events.causes", "moved"), ("relationships.wanted_amount", "some_more")),
            Measure.Djg11Missing(1, 0, 1, 1, Today));

        Assert.True(profile.SeverityUncertain);
        Assert.True(profile.NeedsConfirmation);
        Assert.Null(profile.IsLonely);
        Assert.Null(profile.Type);
        Assert.Equal("tussen niet eenzaam en matig eenzaam", profile.SeverityRange!.DutchText);
        Assert.Equal(["moved"], profile.Causes.Select(c => c.Code));
        Assert.StartsWith("Nog niet zeker. Volgens de vragenlijst tussen niet eenzaam en matig eenzaam", ProfileText.Describe(profile)[0].Text, StringComparison.Ordinal);

        var matching = profile.ToMatchingProfile();
        Assert.Equal(1, matching.Djg11!.MissingEmotional);
        Assert.Equal(1, matching.Djg11.MissingSocial);
        var result = Matcher.Match(matching, InterventionCatalogue.Starter);
        Assert.Contains("severity_uncertain", result.AdviceCodes());
        Assert.DoesNotContain(result.Excluded, e => e.Rule == "not_lonely");
        Assert.DoesNotContain("not_lonely", result.AdviceCodes());
        Assert.DoesNotContain("measure_loneliness", result.AdviceCodes());
    }

    [Fact]
    public void MissingAnswersThatCannotChangeTheLevel_Certain()
    {
        var profile = Build(ConversationAnswers.Empty, Measure.Djg11Missing(0, 0, 1, 1, Today));

        Assert.False(profile.SeverityUncertain);
        Assert.False(profile.NeedsConfirmation);
        Assert.False(profile.IsLonely);
        Assert.Equal("none", profile.Type);
    }

    [Fact]
    public void Uncertain_JudgementConfirmsNotLonely_NotLonelyWithTheJudgementAsEvidence()
    {
        var judgement = new ProfessionalJudgement("none", "not_lonely", "Samen besproken: zij voelt zich niet eenzaam.", Author, Today);

        var profile = Build(ConversationAnswers.Empty, judgement, Measure.Djg11Missing(1, 0, 1, 1, Today));

        Assert.False(profile.NeedsConfirmation);
        Assert.False(profile.IsLonely);
        Assert.Equal("none", profile.Type);
        Assert.Equal(judgement, profile.Judgement);
        Assert.Equal("judgement", profile.LonelinessEvidence[0].Source);
        Assert.StartsWith("Oordeel professional op 02-03-2026: niet eenzaam, niet eenzaam. Reden: Samen besproken", profile.LonelinessEvidence[0].Fact, StringComparison.Ordinal);
        var result = Matcher.Match(profile.ToMatchingProfile(), InterventionCatalogue.Starter);
        Assert.DoesNotContain("severity_uncertain", result.AdviceCodes());
        Assert.Contains("not_lonely", result.AdviceCodes());
    }

    [Fact]
    public void Judgement_OverridesDerivedTypeAndSeverity()
    {
        var judgement = new ProfessionalJudgement("emotional", "severely_lonely", "Mist haar man elke dag; scoorde laag uit schaamte.", Author, Today);

        var profile = Build(ConversationAnswers.Empty, judgement, Measure.Djg11(1, 3, Today));

        Assert.Equal("emotional", profile.Type);
        Assert.Equal("severely_lonely", profile.Severity);
        Assert.True(profile.IsLonely);
        var matching = profile.ToMatchingProfile();
        Assert.Equal("emotional", matching.Type);
        Assert.Equal("severely_lonely", matching.Severity);
    }

    [Theory]
    [InlineData("2025-09-02", false)] // exactly 6 months: not yet stale (ProfileRules.StaleAfterMonths)
    [InlineData("2025-09-01", true)]  // older than 6 months
    public void StaleNotLonely_NeedsConfirmation_MatchingAsksToMeasureAgain(string takenOn, bool stale)
    {
        var profile = Build(ConversationAnswers.Empty, Measure.Djg11(1, 1, DateOnly.Parse(takenOn, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(stale, profile.MeasurementStale);
        Assert.Equal(stale, profile.NeedsConfirmation);
        Assert.Equal(stale ? null : false, profile.IsLonely);
        var result = Matcher.Match(profile.ToMatchingProfile(), InterventionCatalogue.Starter);
        Assert.Equal(stale, result.AdviceCodes().Contains("measure_loneliness"));
        Assert.Equal(!stale, result.AdviceCodes().Contains("not_lonely"));
    }

    [Fact]
    public void StaleLonely_StaysLonelyWithANote()
    {
        var profile = Build(ConversationAnswers.Empty, Measure.Djg11(4, 1, new DateOnly(2025, 1, 10)));

        Assert.True(profile.MeasurementStale);
        Assert.True(profile.IsLonely);
        Assert.Contains(profile.LonelinessEvidence, e => e.Fact.Contains("ouder dan 6 maanden", StringComparison.Ordinal));
    }

    [Theory]
    // docs/profile.md "The person's own view": which answers disagree with which DJG level (VT-1, AM-1).
    [InlineData(1, 1, "often_always", null, true)]
    [InlineData(1, 1, "some_of_the_time", null, true)]
    [InlineData(1, 1, "occasionally", null, false)]
    [InlineData(1, 1, "never", null, false)]
    [InlineData(1, 1, null, "no", true)]
    [InlineData(3, 1, "never", null, true)]
    [InlineData(3, 1, "hardly_ever", null, false)]
    [InlineData(5, 4, "hardly_ever", null, true)]
    [InlineData(5, 4, "occasionally", null, false)]
    [InlineData(5, 4, null, "no", true)]
    [InlineData(5, 4, null, "yes", false)]
    public void SelfReport_DisagreesWithDjgLevel_AdviceAndNoExclusion(int emotional, int social, string? ons, string? recognised, bool differs)
    {
        var answers = new List<(string, string)>();
        if (ons is not null)
        {
            answers.Add(("measurements.ons_direct", ons));
        }

        if (recognised is not null)
        {
            answers.Add(("measurements.recognised", recognised));
        }

        var profile = Build(Answers([.. answers]), Measure.Djg11(emotional, social, Today));

        Assert.Equal(differs, profile.SelfReportDiffers);
        var result = Matcher.Match(profile.ToMatchingProfile(), InterventionCatalogue.Starter);
        Assert.Equal(differs, result.AdviceCodes().Contains("self_report_differs"));
        if (differs)
        {
            Assert.DoesNotContain(result.Excluded, e => e.Rule == "not_lonely");
        }
    }

    [Theory]
    [InlineData(6, true)]   // the issue: a WHO-5 of 6 shows the mood referral
    [InlineData(7, true)]   // raw ≤ 7: likely depression (Topp et al. 2015), VT-2
    [InlineData(8, false)]
    public void Who5Raw_SevenOrLess_MoodReferral(int raw, bool referral)
    {
        var profile = Build(ConversationAnswers.Empty, Measure.Djg11(4, 1, Today), Measure.Who5Raw(raw, Today));

        Assert.Equal(raw, profile.Who5Raw);
        var result = Matcher.Match(profile.ToMatchingProfile(), InterventionCatalogue.Starter);
        Assert.Equal(referral, result.AdviceCodes().Contains("mood_referral"));
        Assert.Equal(referral, SafetyAdvice.For(profile.ToMatchingProfile()).Contains(SafetyAdvice.MoodReferral));
    }

    [Fact]
    public void DeathWish_Yes_SafetyFirstAlwaysFirst()
    {
        var profile = Build(
            Answers(("meaning.death_wish", "yes"), ("meaning.death_wish_thoughts", "no"), ("life_events.loss", "partner"), ("life_events.loss_date", "2026-01-05")),
            Measure.Djg11(5, 4, Today),
            Measure.Who5Raw(5, Today));

        Assert.True(profile.IsSafetyConcern);
        Assert.False(profile.DeathWishThoughts);
        var result = Matcher.Match(profile.ToMatchingProfile(), InterventionCatalogue.Starter);
        Assert.Equal(["safety_first", "mood_referral"], result.AdviceCodes().Take(2));
        Assert.True(SafetyAdvice.IsSafetyAdvice(result.Advice[0].Code));
        Assert.False(SafetyAdvice.IsSafetyAdvice("watchful_waiting"));
    }

    [Fact]
    public void DeathWish_No_NoSafetyAdvice()
    {
        var profile = Build(Answers(("meaning.death_wish", "no")), Measure.Djg11(5, 4, Today));

        Assert.False(profile.IsSafetyConcern);
        Assert.Empty(SafetyAdvice.For(profile.ToMatchingProfile()));
    }

    [Fact]
    public void SafetyPanel_NamesTheCrisisRoute()
    {
        var numbers = SafetyAdvice.PanelContacts.Select(c => c.Number).ToList();

        Assert.Contains("113", numbers);
        Assert.Contains("0800-0113", numbers);
        Assert.Contains("112", numbers);
        Assert.Contains(SafetyAdvice.PanelContacts, c => c.Name == "Huisarts");
        Assert.DoesNotContain("eenzaam", SafetyAdvice.PanelIntro, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Widow79_LostPartnerTenMonthsAgoAndJustMoved_NotLonely_GetsPrevention()
    {
        // The "done when": a 79-year-old who lost her partner ten months ago and has just moved (JG-4, TF-6, AM-5).
        var profile = ProfileBuilder.Build(new ProfileInput
        {
            ConversationDate = Today,
            Age = 79,
            Measurements = [Measure.Djg11(1, 0, Today)],
            Answers = Answers(
                ("living.lives_alone", "yes"),
                ("contacts.daily_contact", "yes"),
                ("life_events.loss", "partner"),
                ("life_events.loss_date", "2025-05-02"),
                ("life_events.recent", "moved"),
                ("life_events.recent_date.moved", "2026-02-10")),
        });

        Assert.False(profile.IsLonely);
        Assert.Equal(["moved", "bereaved"], profile.LifeEvents.Select(e => e.Event));
        Assert.Equal([0, 10], profile.LifeEvents.Select(e => e.MonthsAgo));
        Assert.Equal(["moved", "bereaved", "75plus_living_alone"], profile.PreventionReasons);
        var result = Matcher.Match(profile.ToMatchingProfile(), InterventionCatalogue.Starter);
        Assert.Contains("prevention_offer", result.AdviceCodes());
        Assert.True(result.Suggestions.Count >= 3);
        Assert.All(result.Suggestions, s => Assert.Equal("prevention", s.Intervention.Aim));
        Assert.Contains(result.Suggestions, s => s.Intervention.Id == "home_visit_75plus");
        Assert.Contains(result.Suggestions, s => s.Intervention.Id == "welcome_new_residents");
    }

    [Fact]
    public void LifeEventWithoutDate_KeptButNoPrevention()
    {
        var profile = Build(Answers(("life_events.recent", "retired_or_job_loss")), Measure.Djg11(0, 1, Today));

        var lifeEvent = Assert.Single(profile.LifeEvents);
        Assert.Null(lifeEvent.MonthsAgo);
        Assert.Empty(profile.PreventionReasons);
    }

    [Fact]
    public void LifeEvent_MoveOrRetirementWhenLonely_IsACause()
    {
        var profile = Build(Answers(("life_events.recent", "moved,retired_or_job_loss"), ("life_events.recent_date.moved", "2025-12-01")), Measure.Djg11(0, 4, Today));

        Assert.Equal(["moved", "retirement_or_job_loss"], profile.Causes.Select(c => c.Code));
    }

    [Theory]
    [InlineData("none", "moderately_lonely", "Reason", "Severity")]
    [InlineData("mixed", null, "Reason", "Type")]
    [InlineData(null, null, " ", "Reason")]
    public void Judgement_Validate_DutchMessagePerField(string? type, string? severity, string reason, string field)
    {
        var problems = ProfessionalJudgement.Validate(type, severity, reason);

        Assert.Contains(problems, p => p.Field == field);
    }

    [Fact]
    public void Judgement_Validate_ValidHasNoProblems()
    {
        Assert.Empty(ProfessionalJudgement.Validate("undifferentiated", "moderately_lonely", "Besproken."));
        Assert.Empty(ProfessionalJudgement.Validate(null, null, "Uitkomst klopt."));
    }

    [Fact]
    public void DjgUncertainty_OfScore_Djg6WithOneMissing()
    {
        var instrument = Instruments.Djg6;
        var indexes = instrument.Items.Select((item, i) => i == 0 ? AnswerCodes.Missing
            : item.Subscale == DjgSubscales.Emotional ? instrument.OptionIndex("ja") : instrument.OptionIndex("ja")).ToArray();
        var score = instrument.CreateScorer().Score(indexes);

        var range = DjgUncertainty.Of(score)!;

        Assert.Equal(score.Total, range.LowTotal);
        Assert.Equal(score.Total + 1, range.HighTotal);
        Assert.Null(DjgUncertainty.Of(Measure.Who5Raw(10, Today).Score));
    }

    private static PersonProfile Build(ConversationAnswers answers, params ProfileMeasurement[] measurements) =>
        ProfileBuilder.Build(new ProfileInput { ConversationDate = Today, Answers = answers, Measurements = measurements });

    private static PersonProfile Build(ConversationAnswers answers, ProfessionalJudgement judgement, params ProfileMeasurement[] measurements) =>
        ProfileBuilder.Build(new ProfileInput { ConversationDate = Today, Answers = answers, Measurements = measurements, Judgement = judgement });

    private static ConversationAnswers Answers(params (string Code, string Value)[] values) =>
        ConversationAnswers.From(values.Select(v => KeyValuePair.Create(v.Code, v.Value)));
}

/// <summary>The closest circle of the convoy shrinking (JG-4).</summary>
public sealed class ConvoyAlertTests
{
    private static readonly ConvoySnapshot Before = new(new DateOnly(2026, 1, 5),
    [
        Member("1", "Henk", ConvoyCodes.Closest),
        Member("2", "Truus", ConvoyCodes.Closest),
        Member("3", "buurvrouw", ConvoyCodes.Close),
    ]);

    [Fact]
    public void ClosestCircleShrank_RemovedOrMovedOutward_Reported()
    {
        var after = new ConvoySnapshot(new DateOnly(2026, 3, 2), [Member("2", "Truus", ConvoyCodes.Further), Member("3", "buurvrouw", ConvoyCodes.Closest)]);

        var losses = ConvoyAlerts.ClosestCircleShrank(Before, after);

        Assert.Equal([("1", (string?)null), ("2", ConvoyCodes.Further)], losses.Select(l => (l.Member.Id, l.ToCircle)));
        Assert.True(losses[0].WasRemoved);
    }

    [Fact]
    public void ClosestCircleShrank_NothingLeftTheClosestCircle_Empty()
    {
        var after = Before with { Date = new DateOnly(2026, 3, 2), Members = [.. Before.Members, Member("4", "kleinzoon", ConvoyCodes.Closest)] };

        Assert.Empty(ConvoyAlerts.ClosestCircleShrank(Before, after));
    }

    [Theory]
    [InlineData("died", true)]
    [InlineData("moved_away", true)]
    [InlineData("correction", false)]
    [InlineData("unknown", false)]
    public void RaisesWorkItem_CorrectionsRaiseNothing(string reason, bool raises)
    {
        Assert.Equal(raises, ConvoyAlerts.RaisesWorkItem(reason));
    }

    private static ConvoyMember Member(string id, string name, string circle) =>
        new(id, name) { Relation = "friend", Circle = circle, Frequency = "weekly" };
}
