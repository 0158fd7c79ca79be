using Konvooi.Domain.Conversations;
using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Tests.Conversations;

public sealed class ConversationGuideTests
{
    [Fact]
    public void Sections_CoverEveryTopicOfIssue4()
    {
        string[] expected =
        [
            "daily_life", "living", "contacts", "relationships", "partner", "life_events", "duration", "coping",
            "meaning", "health", "circumstances", "youth", "interests", "preferences", "measurements",
        ];

        Assert.Equal(expected, ConversationGuide.Sections.Select(s => s.Code));
    }

    [Fact]
    public void Questions_CodesUniqueAndPrefixedBySection()
    {
        var codes = ConversationGuide.Sections.SelectMany(s => s.Questions.Select(q => (Section: s.Code, q.Code))).ToList();

        Assert.Equal(codes.Count, codes.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.StartsWith(c.Section + ".", c.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void Sections_CiteOnlyKnownInsights()
    {
        Assert.All(ConversationGuide.Sections, section =>
        {
            Assert.NotEmpty(section.Insights);
            Assert.All(section.Insights, id => Assert.True(Insights.IsKnown(id), $"{section.Code}: {id}"));
            Assert.False(string.IsNullOrWhiteSpace(section.Title));
        });
    }

    [Fact]
    public void ChoiceQuestions_HaveUniqueOptions()
    {
        var questions = ConversationGuide.Sections.SelectMany(s => s.Questions)
            .Where(q => q.Type is AnswerType.Choice or AnswerType.MultiChoice or AnswerType.YesNo);

        Assert.All(questions, q =>
        {
            Assert.NotEmpty(q.Options);
            Assert.Equal(q.Options.Count, q.Options.Select(o => o.Code).Distinct(StringComparer.Ordinal).Count());
        });
    }

    [Theory]
    [InlineData("life_events.causes")]
    [InlineData("life_events.primary_cause")]
    public void CauseQuestions_OfferTheVocabularyCauses(string code)
    {
        // The cause codes of the profile vocabulary (docs/profile.md, docs/profile.schema.json).
        Assert.Equal(Vocabulary.Causes.Keys, ConversationGuide.FindQuestion(code)!.Options.Select(o => o.Code));
    }

    [Fact]
    public void DeathWish_GentleQuestionWithGuidanceAndThreeFollowUps()
    {
        // Issue 16, after the Dutch multidisciplinary guideline on suicidal behaviour: thoughts, plan, means.
        var question = ConversationGuide.FindQuestion("meaning.death_wish")!;

        Assert.Equal(AnswerType.YesNo, question.Type);
        Assert.Contains("113", question.Guidance, StringComparison.Ordinal);
        Assert.Contains("0800-0113", question.Guidance, StringComparison.Ordinal);
        Assert.DoesNotContain("zelfmoord", question.Text, StringComparison.OrdinalIgnoreCase);
        string[] followUps = ["meaning.death_wish_thoughts", "meaning.death_wish_plan", "meaning.death_wish_means"];
        Assert.Equal(followUps, ConversationGuide.Meaning.Questions.Where(q => q.FollowUpOf == "meaning.death_wish").Select(q => q.Code));
        Assert.All(followUps, code => Assert.Equal(AnswerType.YesNo, ConversationGuide.FindQuestion(code)!.Type));
    }

    [Fact]
    public void RecentLifeEvents_EveryVocabularyEventWithADateQuestion()
    {
        Assert.Equal(Vocabulary.LifeEvents.Keys, ConversationGuide.FindQuestion("life_events.recent")!.Options.Select(o => o.Code));
        Assert.All(Vocabulary.LifeEvents.Keys, e =>
        {
            var date = ConversationGuide.FindQuestion(ConversationGuide.RecentDatePrefix + e);
            Assert.NotNull(date);
            Assert.Equal(AnswerType.Date, date.Type);
            Assert.Equal("life_events.recent", date.FollowUpOf);
        });
    }

    [Fact]
    public void OnsDirect_OptionsAreTheInstrumentCodes()
    {
        var options = ConversationGuide.FindQuestion("measurements.ons_direct")!.Options.Select(o => o.Code);

        Assert.Equal(Konvooi.Domain.Questionnaires.Instruments.OnsDirect.Options.Select(o => o.Value), options);
    }

    [Fact]
    public void PreferenceOptions_AreProfileCodes()
    {
        var modes = ConversationGuide.FindQuestion("preferences.modes")!.Options.Select(o => o.Code);
        var coping = ConversationGuide.FindQuestion("coping.preferred")!.Options.Select(o => o.Code);

        Assert.All(modes, m => Assert.True(Vocabulary.Modes.ContainsKey(m), m));
        Assert.Equal(Vocabulary.Coping.Keys, coping);
    }

    [Fact]
    public void MeasurementSection_LinksTheProfileInstruments()
    {
        Assert.Equal(["djg11", "djg6", "mastery7-ggd", "mastery7", "brs", "who5"], ConversationGuide.Measurements.LinkedInstruments);
        Assert.All(ConversationGuide.Measurements.LinkedInstruments, id => Assert.NotNull(Konvooi.Domain.Questionnaires.Instruments.Find(id)));
    }

    [Fact]
    public void Answers_FromSplitsMultiChoiceOnly()
    {
        var answers = ConversationAnswers.From([
            KeyValuePair.Create("preferences.modes", "phone, online"),
            KeyValuePair.Create("interests.talents", "tekenen, zingen"),
        ]);

        Assert.Equal(["phone", "online"], answers.Choices("preferences.modes"));
        Assert.Equal("tekenen, zingen", answers.Text("interests.talents"));
    }

    [Theory]
    [InlineData("2025-03-14", true)]
    [InlineData("14-03-2025", false)]
    [InlineData("2025-02-30", false)]
    public void Answers_DateReadsOnlyIsoDates(string value, bool isRead)
    {
        var answers = ConversationAnswers.From([KeyValuePair.Create("life_events.loss_date", value)]);

        Assert.Equal(isRead, answers.Date("life_events.loss_date") is not null);
    }
}
