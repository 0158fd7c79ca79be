using Konvooi.Domain.Questionnaires;
using Konvooi.Features.Fhir;

namespace Konvooi.Features.Tests.Fhir;

public sealed class ImportQuestionnaireResponseTests
{
    private static string Response(string questionnaire, string items, string status = "completed") =>
        $$"""{"resourceType":"QuestionnaireResponse","questionnaire":"{{questionnaire}}","status":"{{status}}"{{(items.Length == 0 ? "" : $",\"item\":[{items}]")}}}""";

    private static string Answer(string linkId, string code, string system = "urn:konvooi:answers:ucla3") =>
        $$$"""{"linkId":"{{{linkId}}}","answer":[{"valueCoding":{"system":"{{{system}}}","code":"{{{code}}}"}}]}""";

    [Fact]
    public void FromJson_ValidUcla3_ScoresIt()
    {
        // docs/instruments.md, UCLA-3 worked examples (E): often, some, hardly ever = 6, lonely.
        var json = Response("urn:konvooi:questionnaire:ucla3|1.0", string.Join(',', Answer("ucla3-1", "often"), Answer("ucla3-2", "some_of_the_time"), Answer("ucla3-3", "hardly_ever")));

        var result = ImportQuestionnaireResponse.FromJson(json);

        Assert.Empty(result.Problems);
        Assert.Equal((6, true), ((int?)result.Score!["total"], (bool?)result.Score["lonely"]));
    }

    [Fact]
    public void FromJson_SeveralProblems_ReportsEveryOne()
    {
        var json = Response(
            "urn:konvooi:questionnaire:ucla3|1.0",
            string.Join(',', Answer("ucla3-1", "sometimes"), Answer("ucla3-9", "often"), Answer("ucla3-2", "often", "urn:other"), Answer("ucla3-1", "often")));

        var result = ImportQuestionnaireResponse.FromJson(json);

        Assert.Null(result.Score);
        Assert.Equal(
            [
                "$.item[0].answer[0].valueCoding.code: not an answer of ucla3 (got \"sometimes\")",
                "$.item[1].linkId: not an item of ucla3 (got \"ucla3-9\")",
                "$.item[2].answer[0].valueCoding.system: expected urn:konvooi:answers:ucla3 (got \"urn:other\")",
                "$.item[3].linkId: item given twice (got \"ucla3-1\")",
            ],
            result.Problems);
    }

    [Fact]
    public void FromJson_UnknownQuestionnaire_ReportsIt()
    {
        var result = ImportQuestionnaireResponse.FromJson(Response("urn:konvooi:questionnaire:djg12", string.Empty));

        Assert.Equal("$.questionnaire: not a Konvooi instrument (got \"urn:konvooi:questionnaire:djg12\")", Assert.Single(result.Problems));
    }

    [Fact]
    public void FromJson_InProgress_ReportsStatusAndOtherVersion()
    {
        var result = ImportQuestionnaireResponse.FromJson(Response("urn:konvooi:questionnaire:ucla3|0.9", string.Empty, status: "in-progress"));

        Assert.Equal(
            [
                "$.questionnaire: version 1.0 of ucla3 is supported (got \"urn:konvooi:questionnaire:ucla3|0.9\")",
                "$.status: only completed or amended responses are scored (got \"in-progress\")",
            ],
            result.Problems);
    }

    [Fact]
    public void FromJson_ScoreThatDiffers_ReportsIt()
    {
        var json = Response(
            "urn:konvooi:questionnaire:ucla3",
            string.Join(',', Answer("ucla3-1", "often"), Answer("ucla3-2", "often"), Answer("ucla3-3", "often"), """{"linkId":"score-total","answer":[{"valueInteger":7}]}"""));

        var result = ImportQuestionnaireResponse.FromJson(json);

        Assert.Equal("$.item[3].answer[0]: differs from the score Konvooi computes, \"9\" (got \"7\")", Assert.Single(result.Problems));
    }

    [Fact]
    public void FromJson_EmptyItemArray_ReportsFirelysProblem()
    {
        var result = ImportQuestionnaireResponse.FromJson("""{"resourceType":"QuestionnaireResponse","status":"completed","item":[]}""");

        Assert.StartsWith("$: An array needs to have at least one element", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_NotJson_ReportsIt()
    {
        var result = ImportQuestionnaireResponse.FromJson("{ not json");

        Assert.Single(result.Problems);
        Assert.StartsWith("$: ", result.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_MissingAnswersWithinTheRule_StillScored()
    {
        // docs/instruments.md, DJG-6 worked examples (I): djg6 all ja with item 5 missing: total 3, social missing.
        var system = FhirQuestionnaires.AnswerSystem(Instruments.Djg6);
        var items = string.Join(',', new[] { 1, 2, 3, 4, 6 }.Select(n => Answer($"djg6-{n}", "ja", system)));

        var result = ImportQuestionnaireResponse.FromJson(Response("urn:konvooi:questionnaire:djg6|1.0", items));

        Assert.Equal((3, null, 1), ((int?)result.Score!["total"], result.Score["social"], result.Score.MissingItems));
    }
}
