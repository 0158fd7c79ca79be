using Konvooi.Domain.Monitoring;
using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Tests.Monitoring;

public sealed class MonitorIndicatorsTests
{
    [Fact]
    public void Parse_BuiltInsAndCustom_KeepsOrderAndKinds()
    {
        var (indicators, errors) = MonitorIndicators.Parse(["lonely", "mean_total", "emo2=emotional>=2"], Instruments.Djg11);

        Assert.Empty(errors);
        Assert.Equal(["lonely", "mean_total", "emo2"], indicators.Select(i => i.Name));
        Assert.Equal([true, false, true], indicators.Select(i => i.IsProportion));
    }

    [Fact]
    public void Parse_UnknownAndDuplicate_ReportsEveryProblem()
    {
        var (_, errors) = MonitorIndicators.Parse(["lonley", "lonely", "lonely", "2x=total>1", "bad=total>>1"], Instruments.Djg11);

        Assert.Equal(
            [
                "'lonley' is not an indicator of djg11 (built in: lonely, severely_lonely, emotional_lonely, social_lonely, mean_total, mean_emotional, mean_social; or write NAME=EXPRESSION)",
                "indicator 'lonely' is given twice",
                "'2x' is not a valid indicator name: use letters, digits and _ (got '2x=total>1')",
                "indicator 'bad': position 7: unexpected '>' (got 'total>>1')",
            ],
            errors.Select(e => e.Message));
    }

    [Fact]
    public void Evaluate_BenchRespondents_EqualsRScoring()
    {
        // tests/data/survey_100k.csv: codes 1 = ja, 2 = min of meer, 3 = nee; any missing item voids every score
        // (bench/anchor_r.R), which is --max-missing 0. Expected values: tests/data/reference_scores_100k.csv (R).
        var (codes, _) = CodeMap.Parse("1=ja,2=min of meer,3=nee", Instruments.Djg11);
        var mapper = AnswerMapper.Create(Instruments.Djg11, codes);
        var (indicators, _) = MonitorIndicators.Parse(["lonely", "severely_lonely", "emotional_lonely", "social_lonely"], Instruments.Djg11);
        var scorer = RespondentScorer.Create(Instruments.Djg11, new ScoringSettings { MaxMissingItems = 0 }, indicators);
        var expected = TestData.ReadCsv(TestData.File("reference_scores_100k.csv")).ToDictionary(r => r["id"], StringComparer.Ordinal);
        var answers = new int[11];
        var values = new double[4];
        var checkedRows = 0;

        foreach (var row in TestData.ReadCsv(TestData.File("survey_100k.csv")))
        {
            for (var i = 0; i < 11; i++)
            {
                answers[i] = mapper.Map(row[$"q{i + 1}"]).OptionIndex;
            }

            scorer.Evaluate(answers, values);
            var shared = scorer.EvaluateRow(answers, out var scoreRow);
            Assert.Equal(values, shared.ToArray());
            Assert.Equal(values, scorer.RowValues(scoreRow).ToArray());
            var reference = expected[row["id"]];
            Assert.Equal(Parse(reference["lonely"]), values[0]);
            Assert.Equal(Parse(reference["severely_lonely"]), values[1]);
            Assert.Equal(Parse(reference["emotional_lonely"]), values[2]);
            Assert.Equal(Parse(reference["social_lonely"]), values[3]);
            checkedRows++;
        }

        Assert.Equal(100_000, checkedRows);
        // Respondents with equal scores share a row: far fewer rows than respondents.
        Assert.InRange(scorer.RowCount, 2, 1_000);
    }

    [Theory]
    [InlineData("ucla3", new[] { 2, 2, 2 }, "lonely", 1.0)]          // docs/instruments.md, UCLA-3 worked examples (B): all "some of the time" → 6, lonely
    [InlineData("ucla3", new[] { 2, 2, 1 }, "lonely", 0.0)]          // §3.6 C: 5, not lonely
    [InlineData("ucla3", new[] { 2, 2, 1 }, "mean_total", 5.0)]
    public void Evaluate_OtherInstrument_UsesItsScorer(string id, int[] optionValues, string indicator, double expected)
    {
        var instrument = Instruments.Get(id);
        var (indicators, errors) = MonitorIndicators.Parse([indicator], instrument);
        Assert.Empty(errors);
        var scorer = RespondentScorer.Create(instrument, ScoringSettings.Default, indicators);
        var answers = optionValues.Select(v => Array.FindIndex(instrument.Options.ToArray(), o => o.Weight == v)).ToArray();
        var values = new double[1];

        scorer.Evaluate(answers, values);

        Assert.Equal(expected, values[0]);
    }

    private static double Parse(string text) => text.Length == 0 ? double.NaN : TestData.Number(text);
}
