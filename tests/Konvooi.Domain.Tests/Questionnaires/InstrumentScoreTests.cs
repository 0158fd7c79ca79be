using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Tests.Questionnaires;

public sealed class InstrumentScoreTests
{
    /// <summary>Scores comma-separated default codes (an empty code is a missing answer).</summary>
    private static InstrumentScore ScoreCodes(Instrument instrument, string codes)
    {
        var mapper = AnswerMapper.Create(instrument);
        var indexes = codes.Split(',').Select(c =>
        {
            var mapped = mapper.Map(c);
            Assert.True(mapped.Status is AnswerStatus.Answered or AnswerStatus.Missing, $"code '{c}'");
            return mapped.OptionIndex;
        }).ToArray();
        return instrument.Score(indexes);
    }

    [Theory]
    [InlineData("2,2,2,2,2", 10, 40, "poor_wellbeing")] // docs/instruments.md, WHO-5 worked examples (A): all "less than half"
    [InlineData("3,3,3,3,3", 15, 60, "not_flagged")] // §6.5 B
    [InlineData("3,3,2,2,2", 12, 48, "poor_wellbeing")] // §6.5 C: boundary
    [InlineData("3,3,3,2,2", 13, 52, "not_flagged")] // §6.5 D: boundary
    [InlineData("2,2,1,1,1", 7, 28, "likely_depression")] // §6.5 E: boundary
    [InlineData("2,2,2,1,1", 8, 32, "poor_wellbeing")] // §6.5 F: poor well-being, not likely depression
    [InlineData("5,5,5,5,1", 21, 84, "not_flagged")] // §6.5 G: not flagged by percentage
    [InlineData("0,0,0,0,0", 0, 0, "likely_depression")] // §6.5 H
    public void Score_Who5WorkedExample_MatchesTopp(string codes, int raw, int percentage, string level)
    {
        var score = ScoreCodes(Instruments.Who5, codes);

        Assert.Equal((raw, percentage, level), ((int?)score["raw"], (int?)score["percentage"], (string?)score["level"]));
    }

    [Fact]
    public void Score_Who5AnyItemOne_NeedsDepressionFollowUp()
    {
        // docs/instruments.md, WHO-5 worked examples (G): depression_followup = true (an item = 1) [V1 rule].
        var score = ScoreCodes(Instruments.Who5, "5,5,5,5,1");

        Assert.Equal(true, score["depression_followup"]);
    }

    [Fact]
    public void Score_Who5OneItemMissing_NotScored()
    {
        // docs/instruments.md, WHO-5 worked examples (I): 4,4,4,4,missing.
        var score = ScoreCodes(Instruments.Who5, "4,4,4,4,");

        Assert.Equal((null, null, null, 1), (score["raw"], score["percentage"], score["level"], score.MissingItems));
    }

    [Theory]
    [InlineData("1,1,1", 3, false)] // docs/instruments.md, UCLA-3 worked examples (A): hardly ever ×3 (minimum)
    [InlineData("2,2,2", 6, true)] // §3.6 B: all middle: lonely
    [InlineData("2,2,1", 5, false)] // §3.6 C: boundary
    [InlineData("3,1,1", 5, false)] // §3.6 D
    [InlineData("3,2,1", 6, true)] // §3.6 E: boundary
    [InlineData("3,3,3", 9, true)] // §3.6 F: maximum
    public void Score_Ucla3WorkedExample_MatchesPracticeCutOff(string codes, int total, bool lonely)
    {
        var score = ScoreCodes(Instruments.Ucla3, codes);

        Assert.Equal((total, lonely), ((int?)score["total"], (bool?)score["lonely"]));
    }

    [Fact]
    public void Score_Ucla3OneItemMissing_NotScored()
    {
        // docs/instruments.md, UCLA-3 worked examples (G): often, often, missing.
        var score = ScoreCodes(Instruments.Ucla3, "3,3,");

        Assert.Equal((null, null), (score["total"], score["lonely"]));
    }

    [Theory]
    [InlineData("Often/always", "often_always", true)] // docs/instruments.md, UCLA-3 ONS: chronic-loneliness indicator = true
    [InlineData("some of the time", "some_of_the_time", false)] // §3.4: only often/always is chronic
    [InlineData("never", "never", false)] // §3.4
    public void Score_OnsDirect_ChronicOnlyForOftenAlways(string label, string answer, bool chronic)
    {
        var score = Instruments.OnsDirect.Score(new Dictionary<string, string?> { ["ons-direct-1"] = label });

        Assert.Equal((answer, chronic), ((string?)score["answer"], (bool?)score["chronic"]));
    }

    [Theory]
    [InlineData("5,5,5,5,5,5,5", 27, "sufficient_mastery")] // docs/instruments.md, mastery worked examples (A): all helemaal mee oneens
    [InlineData("3,3,3,3,3,3,3", 21, "sufficient_mastery")] // §4.5 B: all neutral
    [InlineData("1,1,1,1,1,1,1", 15, "insufficient_mastery")] // §4.5 C: all helemaal mee eens
    [InlineData("5,5,5,5,5,1,1", 35, "sufficient_mastery")] // §4.5 D: maximum
    [InlineData("1,1,1,1,1,5,5", 7, "insufficient_mastery")] // §4.5 E: minimum
    [InlineData("3,3,3,2,2,3,3", 19, "insufficient_mastery")] // §4.5 F: boundary
    [InlineData("3,3,3,3,2,3,3", 20, "sufficient_mastery")] // §4.5 G: boundary
    public void Score_MasteryGgdWorkedExample_MatchesRivm(string codes, int total, string level)
    {
        var score = ScoreCodes(Instruments.Mastery7Ggd, codes);

        Assert.Equal((total, level), ((int?)score["total"], (string?)score["level"]));
    }

    [Fact]
    public void Score_MasteryGgdOneItemMissing_NotScored()
    {
        // docs/instruments.md, mastery worked examples (H): one item missing.
        var score = ScoreCodes(Instruments.Mastery7Ggd, "3,3,3,,3,3,3");

        Assert.Null(score["total"]);
    }

    [Fact]
    public void Score_MasteryOriginalAllAgree_Sixteen()
    {
        // docs/instruments.md, mastery worked examples (I): 4-point original, all "agree" (3): 5×2 + 2×3.
        var score = ScoreCodes(Instruments.Mastery7, "3,3,3,3,3,3,3");

        Assert.Equal(16, score["total"]);
    }

    [Theory]
    [InlineData("3,3,3,3,3,3", 18, "normal")] // docs/instruments.md, BRS: all neutral (boundary)
    [InlineData("5,5,5,5,5,5", 18, "normal")] // §5.4 B: all strongly agree (acquiescence edge)
    [InlineData("1,1,1,1,1,1", 18, "normal")] // §5.4 C
    [InlineData("5,1,5,1,5,1", 30, "high")] // §5.4 D
    [InlineData("1,5,1,5,1,5", 6, "low")] // §5.4 E
    [InlineData("3,4,3,3,3,3", 17, "low")] // §5.4 F: 2.83
    [InlineData("5,2,4,2,4,2", 25, "normal")] // §5.4 G: 4.17
    [InlineData("5,2,5,2,4,2", 26, "high")] // §5.4 H: 4.33
    public void Score_BrsWorkedExample_MatchesSmith(string codes, int sum, string band)
    {
        var score = ScoreCodes(Instruments.Brs, codes);

        Assert.Equal((sum / 6.0, band), ((double?)score["mean"], (string?)score["band"]));
    }

    [Fact]
    public void Score_Djg11ThroughInstrument_OutputFieldsComeFirst()
    {
        var score = Instruments.Djg11.Score(DjgAnswers.Parse(Instruments.Djg11, "jjjjnmjjn--"));

        Assert.Equal(
            [("emotional", (object?)3), ("social", 0), ("total", 3), ("level", "moderately_lonely"), ("missing_items", 2)],
            score.Fields.Take(5).Select(f => (f.Name, f.Value)));
    }

    [Fact]
    public void Validate_MaxMissingForWho5_ReturnsError()
    {
        var errors = Instruments.Who5.Validate(new ScoringSettings { MaxMissingItems = 1 });

        Assert.Equal("max_missing_not_configurable", Assert.Single(errors).Code);
    }

    [Fact]
    public void Validate_SubscaleThresholdForDjg6_ReturnsError()
    {
        var errors = Instruments.Djg6.Validate(new ScoringSettings { SubscaleThreshold = 2 });

        Assert.Equal("subscale_threshold_not_configurable", Assert.Single(errors).Code);
    }
}
