using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Tests.Questionnaires;

/// <summary>Properties checked on many generated answer sets (fixed seed, so failures reproduce).</summary>
public sealed class DjgPropertyTests
{
    private const int Cases = 5000;

    public static TheoryData<string> DjgIds => new("djg11", "djg6");

    public static TheoryData<string> AllIds => new(Instruments.All.Select(i => i.Id));

    [Theory]
    [MemberData(nameof(DjgIds))]
    public void Score_AllNeutral_GivesMaximum(string id)
    {
        // docs/instruments.md, conventions: all-neutral answers give the maximum score.
        var instrument = Instruments.Get(id);
        var neutral = Enumerable.Repeat(instrument.OptionIndex("min_of_meer"), instrument.Items.Count).ToArray();

        var score = DjgScorer.Create(instrument).Score(neutral);

        Assert.Equal(instrument.Items.Count, score.Total);
        Assert.Equal(instrument.Levels[^1], score.Level);
    }

    [Theory]
    [MemberData(nameof(DjgIds))]
    public void Score_LonelyAnswerMadeNotLonely_NeverRaisesAScore(string id)
    {
        var instrument = Instruments.Get(id);
        var scorer = DjgScorer.Create(instrument);
        var random = new Random(20261128);
        for (var n = 0; n < Cases; n++)
        {
            var answers = RandomAnswers(instrument, random, missingChance: 0.1);
            var lonelyItems = Enumerable.Range(0, answers.Length).Where(i => IsLonely(instrument, i, answers[i])).ToList();
            if (lonelyItems.Count == 0)
            {
                continue;
            }

            var before = scorer.Score(answers);
            var item = lonelyItems[random.Next(lonelyItems.Count)];
            var notLonely = Enumerable.Range(0, instrument.Options.Count).Where(o => !IsLonely(instrument, item, o)).ToList();
            answers[item] = notLonely[random.Next(notLonely.Count)];
            var after = scorer.Score(answers);

            Assert.True(after.Total is null || after.Total < before.Total, $"total {before.Total} → {after.Total}");
            Assert.True(after.Emotional is null || after.Emotional <= before.Emotional, $"emotional {before.Emotional} → {after.Emotional}");
            Assert.True(after.Social is null || after.Social <= before.Social, $"social {before.Social} → {after.Social}");
        }
    }

    [Theory]
    [MemberData(nameof(DjgIds))]
    public void Score_RandomAnswers_StaysInRangeAndConsistent(string id)
    {
        var instrument = Instruments.Get(id);
        var scorer = DjgScorer.Create(instrument);
        var emotionalItems = instrument.Items.Count(i => i.Subscale == DjgSubscales.Emotional);
        var socialItems = instrument.Items.Count - emotionalItems;
        var random = new Random(42);
        for (var n = 0; n < Cases; n++)
        {
            var answers = RandomAnswers(instrument, random, missingChance: 0.15);

            var score = scorer.Score(answers);

            Assert.Equal(answers.Count(a => a == AnswerCodes.Missing), score.MissingItems);
            Assert.InRange(score.Emotional ?? 0, 0, emotionalItems);
            Assert.InRange(score.Social ?? 0, 0, socialItems);
            Assert.InRange(score.Total ?? 0, 0, instrument.Items.Count);
            Assert.Equal(score.Total is null, score.MissingItems > instrument.MissingRule.MaxMissingItems);
            Assert.Equal(score.Total is null ? null : instrument.LevelFor(score.Total.Value), score.Level);
            if (score.Emotional is int e && score.Social is int s && score.Total is int t && score.MissingItems == 0)
            {
                Assert.Equal(e + s, t);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Score_CompleteRandomAnswers_TotalWithinLevelsAndFieldsPresent(string id)
    {
        var instrument = Instruments.Get(id);
        var scorer = instrument.CreateScorer();
        var random = new Random(7);
        for (var n = 0; n < 500; n++)
        {
            var answers = RandomAnswers(instrument, random, missingChance: 0);

            var score = scorer.Score(answers);

            Assert.NotNull(score.Total);
            Assert.True(instrument.Levels.Count == 0 || score.Level is not null, $"no level for {score.Total}");
            Assert.Equal(instrument.OutputFields, score.Fields.Take(instrument.OutputFields.Count).Select(f => f.Name));
            Assert.All(score.Fields.Take(instrument.OutputFields.Count), f => Assert.NotNull(f.Value));
        }
    }

    private static int[] RandomAnswers(Instrument instrument, Random random, double missingChance) =>
        instrument.Items.Select(_ => random.NextDouble() < missingChance ? AnswerCodes.Missing : random.Next(instrument.Options.Count)).ToArray();

    private static bool IsLonely(Instrument instrument, int item, int option) =>
        option != AnswerCodes.Missing && instrument.Items[item].Key.Points(instrument.Options[option], 0, 0) == 1;
}
