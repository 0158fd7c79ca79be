using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Konvooi.Domain.Questionnaires;
using Konvooi.Features.Fhir;

namespace Konvooi.Features.Tests.Fhir;

public sealed class FhirQuestionnairesTests
{
    public static TheoryData<string> Ids => new(Instruments.All.Select(i => i.Id));

    [Fact]
    public void ToQuestionnaire_Ucla3_CarriesTheLoincPanelCode()
    {
        var questionnaire = FhirQuestionnaires.ToQuestionnaire(Instruments.Ucla3);

        var code = Assert.Single(questionnaire.Code);
        Assert.Equal("http://loinc.org", code.System);
        Assert.Equal("106418-7", code.Code); // loinc.org: Three-Item Loneliness scale panel
    }

    [Fact]
    public void ToQuestionnaire_Djg11_HasElevenChoiceItemsThenReadOnlyScores()
    {
        var questionnaire = FhirQuestionnaires.ToQuestionnaire(Instruments.Djg11);

        var questions = questionnaire.Item.Where(i => i.Type == Questionnaire.QuestionnaireItemType.Choice).ToList();
        var scores = questionnaire.Item.Where(i => i.LinkId?.StartsWith("score-", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(11, questions.Count);
        Assert.Equal("Ik mis een echt goede vriend of vriendin.", questions[1].Text);
        Assert.Equal(
            ["score-emotional", "score-social", "score-total", "score-level", "score-missing_items", "score-emotionally_lonely", "score-socially_lonely"],
            scores.Select(s => s.LinkId));
        Assert.All(scores, s => Assert.True(s.ReadOnly));
    }

    [Theory]
    [InlineData("djg11-1", "ja", 0)] // social item: ja is not lonely
    [InlineData("djg11-1", "min_of_meer", 1)] // "min of meer" always scores
    [InlineData("djg11-1", "nee", 1)]
    [InlineData("djg11-2", "ja", 1)] // emotional item: ja is lonely
    [InlineData("djg11-2", "min_of_meer", 1)]
    [InlineData("djg11-2", "nee", 0)]
    public void ToQuestionnaire_Djg11_AnswerWeightsFollowTheKey(string linkId, string code, int weight)
    {
        var questionnaire = FhirQuestionnaires.ToQuestionnaire(Instruments.Djg11);

        var coding = (Coding)questionnaire.Item.Single(i => i.LinkId == linkId).AnswerOption.Single(o => ((Coding)o.Value).Code == code).Value;
        Assert.Equal(weight, Weight(coding, FhirQuestionnaires.OrdinalValueUrl));
        Assert.Equal(weight, Weight(coding, FhirQuestionnaires.ItemWeightUrl));
    }

    [Fact]
    public void ToQuestionnaire_ReversedMasteryItem_HasReversedWeights()
    {
        // docs/instruments.md, mastery: GGD items 6 and 7 are reversed (6 - code).
        var questionnaire = FhirQuestionnaires.ToQuestionnaire(Instruments.Mastery7Ggd);

        var weights = questionnaire.Item.Single(i => i.LinkId == "mastery7-ggd-6").AnswerOption
            .Select(o => Weight((Coding)o.Value, FhirQuestionnaires.OrdinalValueUrl));
        Assert.Equal([5m, 4m, 3m, 2m, 1m], weights);
    }

    [Fact]
    public void ToQuestionnaire_Who5InDutch_MarksWorkingTranslation()
    {
        var questionnaire = FhirQuestionnaires.ToQuestionnaire(Instruments.Who5, LocalizedText.Dutch);

        var item = questionnaire.Item.Single(i => i.LinkId == "who5-1");
        Assert.True(item.TextElement.GetBoolExtension(FhirQuestionnaires.WorkingTranslationUrl));
    }

    [Fact]
    public void ToQuestionnaire_Djg11InDutch_HasNoWorkingTranslationMark()
    {
        var questionnaire = FhirQuestionnaires.ToQuestionnaire(Instruments.Djg11, LocalizedText.Dutch);

        Assert.All(questionnaire.Item.Where(i => i.Type == Questionnaire.QuestionnaireItemType.Choice), i => Assert.Null(i.TextElement.GetBoolExtension(FhirQuestionnaires.WorkingTranslationUrl)));
    }

    [Fact]
    public void ToQuestionnaire_FiveCategoryScale_OffersFiveOptions()
    {
        var questionnaire = FhirQuestionnaires.ToQuestionnaire(Instruments.Djg11, answerScaleId: "five-category");

        Assert.Equal(5, questionnaire.Item.First(i => i.LinkId == "djg11-1").AnswerOption.Count);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ToQuestionnaire_Json_ParsesBackToTheSameResource(string id)
    {
        var questionnaire = FhirQuestionnaires.ToQuestionnaire(Instruments.Get(id), LocalizedText.English);

        var json = FhirQuestionnaires.ToJson(questionnaire);
        var parsed = JsonSerializer.Deserialize<Questionnaire>(json, new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector));

        Assert.True(questionnaire.IsExactly(parsed));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ResponseRoundTrip_RandomAnswers_ImportsSameAnswersAndScore(string id)
    {
        var instrument = Instruments.Get(id);
        var random = new Random(311);
        for (var n = 0; n < 50; n++)
        {
            var answers = instrument.Items.Select(_ => random.NextDouble() < 0.1 ? AnswerCodes.Missing : random.Next(instrument.Options.Count)).ToArray();
            var score = instrument.Score(answers);
            var json = FhirQuestionnaires.ToJson(FhirQuestionnaires.ToQuestionnaireResponse(instrument, answers, score, authored: new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero)));

            var result = ImportQuestionnaireResponse.FromJson(json);

            Assert.Empty(result.Problems);
            Assert.Equal(answers, result.OptionIndexes);
            Assert.Equal(score.Fields, result.Score!.Fields);
        }
    }

    [Fact]
    public void ToQuestionnaireResponse_Djg11_CarriesScoresAndLeavesOutMissingAnswers()
    {
        // docs/instruments.md, DJG-11 worked examples (K): 10 and 11 missing.
        var answers = new[] { "ja", "ja", "ja", "ja", "nee", "min_of_meer", "ja", "ja", "nee" }
            .Select(Instruments.Djg11.OptionIndex).Concat([AnswerCodes.Missing, AnswerCodes.Missing]).ToArray();
        var score = Instruments.Djg11.Score(answers);

        var response = FhirQuestionnaires.ToQuestionnaireResponse(Instruments.Djg11, answers, score);

        Assert.Equal("urn:konvooi:questionnaire:djg11|1.0", response.Questionnaire);
        Assert.DoesNotContain(response.Item, i => i.LinkId is "djg11-10" or "djg11-11");
        Assert.Equal(3, Assert.IsType<Integer>(response.Item.Single(i => i.LinkId == "score-total").Answer[0].Value).Value);
        Assert.Equal("moderately_lonely", Assert.IsType<FhirString>(response.Item.Single(i => i.LinkId == "score-level").Answer[0].Value).Value);
    }

    private static decimal? Weight(Coding coding, string url) => Assert.IsType<FhirDecimal>(coding.GetExtension(url)?.Value).Value;
}
