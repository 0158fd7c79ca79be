using Konvooi.Domain.Conversations;

namespace Konvooi.Domain.Tests.Conversations;

public sealed class SectionValidatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void Validate_HalfFilledSection_NoProblems()
    {
        var answers = Answers(("life_events.loss", ["partner"]), ("life_events.loss_date", []), ("life_events.notes", ["  "]));

        Assert.Empty(SectionValidator.Validate(ConversationGuide.LifeEvents, answers, Today));
    }

    [Fact]
    public void Validate_FullValidSection_NoProblems()
    {
        var answers = Answers(
            ("preferences.setting", ["group"]),
            ("preferences.modes", ["phone", "online"]),
            ("preferences.times", ["morning"]),
            ("preferences.transport", ["car"]),
            ("preferences.language", ["tr"]),
            ("preferences.notes", ["Liever niet op maandag."]));

        Assert.Empty(SectionValidator.Validate(ConversationGuide.Preferences, answers, Today));
    }

    [Theory]
    [InlineData("life_events.loss", "cousin", "Kies een antwoord uit de lijst.")]
    [InlineData("life_events.loss_date", "14-03-2025", "Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2025-03-14.")]
    [InlineData("life_events.loss_date", "2026-03-03", "Deze datum ligt na de datum van het gesprek.")]
    [InlineData("life_events.causes", "bad_luck", "Kies alleen antwoorden uit de lijst.")]
    [InlineData("living.lives_alone", "ja", "Deze vraag hoort niet bij dit onderdeel.")]
    public void Validate_MalformedLifeEventValue_DutchMessageBesideTheField(string code, string value, string message)
    {
        var problems = SectionValidator.Validate(ConversationGuide.LifeEvents, Answers((code, [value])), Today);

        Assert.Equal([new FieldProblem(code, message)], problems);
    }

    [Theory]
    [InlineData("contacts.daily_contact", "ja", "Kies ja of nee.")]
    [InlineData("contacts.weekly_count", "drie", "Vul een heel getal in, zonder letters of komma.")]
    [InlineData("contacts.weekly_count", "2,5", "Vul een heel getal in, zonder letters of komma.")]
    [InlineData("contacts.weekly_count", "-1", "Vul een getal in van 0 tot en met 200.")]
    [InlineData("contacts.weekly_count", "201", "Vul een getal in van 0 tot en met 200.")]
    public void Validate_MalformedContactValue_DutchMessageBesideTheField(string code, string value, string message)
    {
        var problems = SectionValidator.Validate(ConversationGuide.Contacts, Answers((code, [value])), Today);

        Assert.Equal([new FieldProblem(code, message)], problems);
    }

    [Theory]
    [InlineData("contacts", "contacts.weekly_count", "0")]
    [InlineData("contacts", "contacts.weekly_count", "200")]
    [InlineData("life_events", "life_events.loss_date", "2026-03-02")] // the conversation day itself
    [InlineData("preferences", "preferences.language", "nl")]
    public void Validate_BoundaryValue_Accepted(string section, string code, string value)
    {
        Assert.Empty(SectionValidator.Validate(ConversationGuide.Find(section)!, Answers((code, [value])), Today));
    }

    [Fact]
    public void Validate_TwoAnswersToOneAnswerQuestion_Problem()
    {
        var problems = SectionValidator.Validate(ConversationGuide.Partner, Answers(("partner.quality", ["good", "poor"])), Today);

        Assert.Equal([new FieldProblem("partner.quality", "Geef bij deze vraag één antwoord.")], problems);
    }

    [Fact]
    public void Validate_SameOptionTwice_Problem()
    {
        var problems = SectionValidator.Validate(ConversationGuide.Preferences, Answers(("preferences.modes", ["phone", "phone"])), Today);

        Assert.Equal([new FieldProblem("preferences.modes", "Kies elk antwoord maar één keer.")], problems);
    }

    [Theory]
    [InlineData("NL")]
    [InlineData("nld")]
    [InlineData("n1")]
    public void Validate_LanguageNotIso6391_Problem(string value)
    {
        var problems = SectionValidator.Validate(ConversationGuide.Preferences, Answers(("preferences.language", [value])), Today);

        Assert.Equal([new FieldProblem("preferences.language", "Vul een taalcode van twee kleine letters in, zoals nl, ar of tr.")], problems);
    }

    [Fact]
    public void Validate_TextTooLong_Problem()
    {
        var problems = SectionValidator.Validate(ConversationGuide.Interests, Answers(("interests.talents", [new string('a', 301)])), Today);

        Assert.Equal([new FieldProblem("interests.talents", "Gebruik hoogstens 300 tekens.")], problems);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        var answers = Answers(("duration.since", ["forever"]), ("duration.start_date", ["gisteren"]), ("duration.feels_different", ["misschien"]));

        var problems = SectionValidator.Validate(ConversationGuide.Duration, answers, Today);

        Assert.Equal(["duration.feels_different", "duration.since", "duration.start_date"], problems.Select(p => p.Field));
    }

    private static Dictionary<string, IReadOnlyList<string>> Answers(params (string Code, string[] Values)[] answers) =>
        answers.ToDictionary(a => a.Code, a => (IReadOnlyList<string>)a.Values, StringComparer.Ordinal);
}
