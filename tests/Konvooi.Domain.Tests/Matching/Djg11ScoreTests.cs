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
    [InlineData(2, 1, "emotional")]  // neither ≥ 3: 2/6 > 1/5
    [InlineData(1, 2, "social")]     // neither ≥ 3: 1/6 < 2/5
    public void Type_Subscales_FollowVocabularyDefault(int emotional, int social, string expected)
    {
        // docs/profile.md, derivation table, `type` (DJG-11) row.
        Assert.Equal(expected, new Djg11Score(emotional, social).Type);
    }
}
