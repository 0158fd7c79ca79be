using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Tests.Matching;

public sealed class Djg11ScoreTests
{
    [Theory]
    [InlineData(1, 1, "not_lonely")]            // docs/instruments.md, DJG-11: 0–2 not lonely
    [InlineData(2, 1, "moderately_lonely")]     // 3–8 moderately
    [InlineData(5, 3, "moderately_lonely")]
    [InlineData(5, 4, "severely_lonely")]       // 9–10 severely
    [InlineData(6, 5, "very_severely_lonely")]  // 11 very severely
    public void Severity_Total_GivesDjgLevel(int emotional, int social, string expected)
    {
        Assert.Equal(expected, new Djg11Score(emotional, social).Severity);
    }

    [Theory]
    [InlineData(1, 1, "none")]       // not lonely
    [InlineData(3, 3, "both")]       // both subscales ≥ T = 3
    [InlineData(4, 1, "emotional")]  // only emotional ≥ 3
    [InlineData(0, 3, "social")]     // only social ≥ 3
    [InlineData(2, 1, "undifferentiated")] // neither ≥ 3: no type (issue 16 finding 5 replaced the share rule)
    [InlineData(1, 2, "undifferentiated")]
    [InlineData(2, 2, "undifferentiated")] // the example: emotional 2 / social 2 is not "social"
    public void Type_Subscales_FollowVocabularyDefault(int emotional, int social, string expected)
    {
        // docs/profile.md, derivation table, `type` (DJG-11) row.
        Assert.Equal(expected, new Djg11Score(emotional, social).Type);
    }

    [Theory]
    [InlineData(1, 1, 0, 0, "not_lonely", "not_lonely")]         // complete: certain
    [InlineData(1, 1, 1, 0, "not_lonely", "moderately_lonely")]  // total 2..3: crosses the cut-off of 3
    [InlineData(1, 0, 1, 1, "not_lonely", "moderately_lonely")]  // the issue: two "wil ik niet zeggen" answers
    [InlineData(0, 0, 1, 1, "not_lonely", "not_lonely")]         // 0..2: not lonely either way
    [InlineData(5, 3, 1, 0, "moderately_lonely", "severely_lonely")]
    public void SeverityRange_MissingAnswers_WorstAndBestCase(int emotional, int social, int missingEmotional, int missingSocial, string low, string high)
    {
        // DJG-11 missing-data rule: at most 2 missing, at most 1 per subscale (docs/instruments.md).
        var range = new Djg11Score(emotional, social) { MissingEmotional = missingEmotional, MissingSocial = missingSocial }.SeverityRange;

        Assert.Equal(low, range.LowLevel);
        Assert.Equal(high, range.HighLevel);
        Assert.Equal(low != high, range.IsUncertain);
    }

    [Fact]
    public void SeverityRange_Uncertain_DutchText()
    {
        var range = new Djg11Score(1, 1) { MissingEmotional = 1 }.SeverityRange;

        Assert.Equal("tussen niet eenzaam en matig eenzaam", range.DutchText);
    }
}
