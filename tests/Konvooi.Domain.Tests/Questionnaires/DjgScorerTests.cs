using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Tests.Questionnaires;

public sealed class DjgScorerTests
{
    private static readonly DjgScorer Djg11 = DjgScorer.Create(Instruments.Djg11);
    private static readonly DjgScorer Djg6 = DjgScorer.Create(Instruments.Djg6);

    [Theory]
    [InlineData("jjjjjjjjjjj", 6, 0, 6, "moderately_lonely")] // docs/instruments.md, DJG-11 worked examples (A): all ja
    [InlineData("nnnnnnnnnnn", 0, 5, 5, "moderately_lonely")] // §1.7 B: all nee
    [InlineData("mmmmmmmmmmm", 6, 5, 11, "very_severely_lonely")] // §1.7 C: all min of meer (all neutral)
    [InlineData("jnnjnnjjnnj", 0, 0, 0, "not_lonely")] // §1.7 D: social items ja, emotional items nee
    [InlineData("jjmjnnjjnnj", 2, 0, 2, "not_lonely")] // §1.7 E: D but item2 = ja, item3 = m (boundary)
    [InlineData("mjmjnnjjnnj", 2, 1, 3, "moderately_lonely")] // §1.7 F: E plus item1 = m (GGD: eenzaam)
    [InlineData("njjmjjjjjjj", 6, 2, 8, "moderately_lonely")] // §1.7 G: all emotional ja; 1 = nee, 4 = m, 7/8/11 = ja (boundary)
    [InlineData("njjnjjmjjjj", 6, 3, 9, "severely_lonely")] // §1.7 H: all emotional ja; 1 = nee, 4 = nee, 7 = m, 8/11 = ja
    [InlineData("njjnjjmnjjj", 6, 4, 10, "severely_lonely")] // §1.7 I: H plus 8 = nee
    [InlineData("JJNJmNJJjNn", 3, 1, 4, "moderately_lonely")] // §1.7 J: 5-category answers
    public void Score_Djg11WorkedExample_MatchesManual(string answers, int emotional, int social, int total, string level)
    {
        var score = Djg11.Score(DjgAnswers.Parse(Instruments.Djg11, answers));

        Assert.Equal((emotional, social, total, level, 0), (score.Emotional, score.Social, score.Total, score.Level?.Code, score.MissingItems));
    }

    [Theory]
    [InlineData("jjjjnmjjn--", 3, 0, 3, "moderately_lonely", 2)] // §1.7 K: 10 and 11 missing, one per subscale: valid, flagged
    [InlineData("jjjjnmjj---", null, 0, null, null, 3)] // §1.7 L: also 9 missing: total and emotional missing
    [InlineData("jjj-mnjjnnj", 3, 0, 3, "moderately_lonely", 1)] // §1.7 M: 4 missing
    public void Score_Djg11WorkedExampleWithMissing_AppliesDefaultRule(string answers, int? emotional, int? social, int? total, string? level, int missing)
    {
        var score = Djg11.Score(DjgAnswers.Parse(Instruments.Djg11, answers));

        Assert.Equal((emotional, social, total, level, missing), (score.Emotional, score.Social, score.Total, score.Level?.Code, score.MissingItems));
    }

    [Theory]
    [InlineData("mmmmmm", 3, 3, 6, "severely_lonely")] // docs/instruments.md, DJG-6 worked examples (A): all m (neutral)
    [InlineData("jjjjjj", 3, 0, 3, "moderately_lonely")] // §2.5 B: all ja
    [InlineData("nnnnnn", 0, 3, 3, "moderately_lonely")] // §2.5 C: all nee
    [InlineData("njjnjn", 0, 0, 0, "not_lonely")] // §2.5 D: 1,4,6 = nee; 2,3,5 = ja
    [InlineData("mjjnjn", 1, 0, 1, "not_lonely")] // §2.5 E: D but item1 = m (boundary)
    [InlineData("mjnnjn", 1, 1, 2, "moderately_lonely")] // §2.5 F: E plus item3 = nee (boundary)
    [InlineData("jmjjjj", 3, 1, 4, "moderately_lonely")] // §2.5 G: 1,4,6 = ja; 2 = m; 3,5 = ja (boundary)
    [InlineData("jnnjnn", 2, 3, 5, "severely_lonely")] // §2.5 H: 1,4 = ja; 6 = nee; 2,3,5 = nee (boundary)
    [InlineData("jjjj-j", 3, null, 3, "moderately_lonely")] // §2.5 I: all ja, item5 missing: social missing, total valid
    [InlineData("jjjj--", null, null, null, null)] // §2.5 J: all ja, items 5 and 6 missing: not scored
    public void Score_Djg6WorkedExample_MatchesManualSyntax(string answers, int? emotional, int? social, int? total, string? level)
    {
        var score = Djg6.Score(DjgAnswers.Parse(Instruments.Djg6, answers));

        Assert.Equal((emotional, social, total, level), (score.Emotional, score.Social, score.Total, score.Level?.Code));
    }

    [Fact]
    public void Score_Djg6EmotionalOneLonelyAnswer_SubscaleIsLonely()
    {
        // docs/instruments.md, DJG-6 worked examples (E): emotional subscale "lonely" (1-3), manual's loneemoscat.
        var score = Djg6.Score(DjgAnswers.Parse(Instruments.Djg6, "mjjnjn"));

        Assert.Equal((true, false), (score.IsEmotionallyLonely, score.IsSociallyLonely));
    }

    [Theory]
    [InlineData(3, "mjmjnnjjnnj", false)] // §1.5: emotional 2 is not lonely at T = 3 (VZinfo)
    [InlineData(2, "mjmjnnjjnnj", true)] // §1.5: emotional 2 is lonely at T = 2 (RIVM 2016)
    [InlineData(3, "jjjjjnjjnnj", true)] // §1.5: emotional 3 is lonely at T = 3
    public void Score_SubscaleThreshold_DecidesEmotionallyLonely(int threshold, string answers, bool expected)
    {
        var scorer = DjgScorer.Create(Instruments.Djg11, new ScoringSettings { SubscaleThreshold = threshold });

        var score = scorer.Score(DjgAnswers.Parse(Instruments.Djg11, answers));

        Assert.Equal(expected, score.IsEmotionallyLonely);
    }

    [Fact]
    public void Score_MaxMissingZeroWithOneMissing_VoidsTotalAndBothSubscales()
    {
        // docs/cli.md: --max-missing 0 makes any missing item void the total and both subscales.
        var scorer = DjgScorer.Create(Instruments.Djg11, new ScoringSettings { MaxMissingItems = 0 });

        var score = scorer.Score(DjgAnswers.Parse(Instruments.Djg11, "jjj-mnjjnnj"));

        Assert.Equal((null, null, null, null, 1), (score.Emotional, score.Social, score.Total, score.Level, score.MissingItems));
    }

    [Fact]
    public void Score_MaxMissingOneWithTwoMissing_VoidsTotalKeepsSubscales()
    {
        // §1.7 K under the LASA waves B-G rule (> 1 missing = missing).
        var scorer = DjgScorer.Create(Instruments.Djg11, new ScoringSettings { MaxMissingItems = 1 });

        var score = scorer.Score(DjgAnswers.Parse(Instruments.Djg11, "jjjjnmjjn--"));

        Assert.Equal((3, 0, null), (score.Emotional, score.Social, score.Total));
    }

    [Fact]
    public void Score_DictionaryOfLabels_SameAsOptionIndexes()
    {
        var answers = new Dictionary<string, string?>
        {
            ["djg11-1"] = "Min of meer",
            ["djg11-2"] = " ja ",
            ["djg11-3"] = "more or less",
            ["djg11-4"] = "yes",
            ["djg11-5"] = "nee",
            ["djg11-6"] = "no",
            ["djg11-7"] = "ja",
            ["djg11-8"] = "ja",
            ["djg11-9"] = "nee",
            ["djg11-10"] = null,
        };

        var score = Djg11.Score(answers);

        Assert.Equal(Djg11.Score(DjgAnswers.Parse(Instruments.Djg11, "mjmjnnjjn--")), score);
    }

    [Fact]
    public void Score_UnknownAnswerInDictionary_Throws()
    {
        var answers = new Dictionary<string, string?> { ["djg11-1"] = "misschien" };

        Assert.Throws<ArgumentException>(() => Djg11.Score(answers));
    }

    [Fact]
    public void Score_WrongNumberOfAnswers_Throws()
    {
        Assert.Throws<ArgumentException>(() => Djg11.Score(new int[6]));
    }

    [Fact]
    public void Score_OptionIndexOutOfRange_Throws()
    {
        var answers = new int[11];
        answers[3] = 99;

        Assert.Throws<ArgumentException>(() => Djg11.Score(answers));
    }

    [Fact]
    public void Create_NotADjgInstrument_Throws()
    {
        Assert.Throws<ArgumentException>(() => DjgScorer.Create(Instruments.Who5));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(1)]
    public void Create_SubscaleThresholdNotTwoOrThree_Throws(int threshold)
    {
        Assert.Throws<ArgumentException>(() => DjgScorer.Create(Instruments.Djg11, new ScoringSettings { SubscaleThreshold = threshold }));
    }

    [Fact]
    public void Score_SpanOfIndexes_DoesNotAllocate()
    {
        var answers = DjgAnswers.Parse(Instruments.Djg11, "njjnjjmnjj-");
        Djg11.Score(answers);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Djg11.Score(answers);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
