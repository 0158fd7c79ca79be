using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Konvooi.Domain.Questionnaires;

namespace Konvooi.Features.Fhir;

/// <summary>
/// Imports a FHIR R4 QuestionnaireResponse for one of Konvooi's instruments: parses it, validates it
/// against the instrument, scores it, and reports every problem as <c>PATH: reason (got VALUE)</c>.
/// </summary>
public static class ImportQuestionnaireResponse
{
    /// <summary>The outcome: the instrument, answers and score when there were no problems.</summary>
    public sealed record Result(Instrument? Instrument, IReadOnlyList<int>? OptionIndexes, InstrumentScore? Score, IReadOnlyList<string> Problems)
    {
        public bool IsValid => Problems.Count == 0;
    }

    /// <summary>Parses JSON, then validates and scores it.</summary>
    public static Result FromJson(string json, ScoringSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        QuestionnaireResponse? response;
        try
        {
            response = JsonSerializer.Deserialize<QuestionnaireResponse>(json, FhirQuestionnaires.Options);
        }
        catch (DeserializationFailedException ex)
        {
            return Fail(ex.Exceptions.Select(e => $"$: {e.Message}").ToList());
        }
        catch (JsonException ex)
        {
            return Fail([$"$: not valid JSON ({ex.Message})"]);
        }

        return response is null ? Fail(["$: expected a QuestionnaireResponse (got null)"]) : Handle(response, settings);
    }

    /// <summary>Validates <paramref name="response"/> against its instrument and scores it.</summary>
    public static Result Handle(QuestionnaireResponse response, ScoringSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var problems = new List<string>();
        var instrument = FindInstrument(response.Questionnaire, problems);
        if (response.Status is not (QuestionnaireResponse.QuestionnaireResponseStatus.Completed or QuestionnaireResponse.QuestionnaireResponseStatus.Amended))
        {
            problems.Add($"$.status: only completed or amended responses are scored (got {Quote(response.StatusElement?.JsonValue?.ToString())})");
        }

        if (instrument is null)
        {
            return Fail(problems);
        }

        settings ??= ScoringSettings.Default;
        foreach (var error in instrument.Validate(settings))
        {
            problems.Add($"$: {error.Message}");
        }

        var answers = Enumerable.Repeat(AnswerCodes.Missing, instrument.Items.Count).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reportedScores = new Dictionary<string, (DataType? Value, string Path)>(StringComparer.Ordinal);
        var system = FhirQuestionnaires.AnswerSystem(instrument);
        for (var i = 0; i < response.Item.Count; i++)
        {
            var item = response.Item[i];
            var path = $"$.item[{i.ToString(CultureInfo.InvariantCulture)}]";
            var linkId = item.LinkId ?? string.Empty;
            if (!seen.Add(linkId))
            {
                problems.Add($"{path}.linkId: item given twice (got {Quote(linkId)})");
                continue;
            }

            if (item.Item.Count > 0)
            {
                problems.Add($"{path}.item: {instrument.Id} has no nested items (got {item.Item.Count.ToString(CultureInfo.InvariantCulture)})");
            }

            if (linkId.StartsWith(FhirQuestionnaires.ScorePrefix, StringComparison.Ordinal))
            {
                reportedScores[linkId[FhirQuestionnaires.ScorePrefix.Length..]] = (item.Answer.Count == 1 ? item.Answer[0].Value : null, $"{path}.answer[0]");
                continue;
            }

            var itemIndex = instrument.ItemIndex(linkId);
            if (itemIndex < 0)
            {
                problems.Add($"{path}.linkId: not an item of {instrument.Id} (got {Quote(linkId)})");
                continue;
            }

            if (item.Answer.Count == 0)
            {
                continue; // an item without an answer is a missing answer
            }

            if (item.Answer.Count > 1)
            {
                problems.Add($"{path}.answer: one answer expected (got {item.Answer.Count.ToString(CultureInfo.InvariantCulture)})");
                continue;
            }

            if (item.Answer[0].Value is not Coding coding)
            {
                problems.Add($"{path}.answer[0]: a valueCoding expected (got {Quote(item.Answer[0].Value?.TypeName)})");
                continue;
            }

            if (coding.System is not null && coding.System != system)
            {
                problems.Add($"{path}.answer[0].valueCoding.system: expected {system} (got {Quote(coding.System)})");
                continue;
            }

            var optionIndex = coding.Code is null ? -1 : instrument.OptionIndex(coding.Code);
            if (optionIndex < 0)
            {
                problems.Add($"{path}.answer[0].valueCoding.code: not an answer of {instrument.Id} (got {Quote(coding.Code)})");
                continue;
            }

            answers[itemIndex] = optionIndex;
        }

        if (problems.Count > 0)
        {
            return new Result(instrument, null, null, problems);
        }

        var score = instrument.Score(answers, settings);
        foreach (var (name, (value, path)) in reportedScores)
        {
            var field = score.Fields.FirstOrDefault(f => f.Name == name);
            if (field is null)
            {
                problems.Add($"{path}: {instrument.Id} has no score '{name}' (got {Quote(FhirQuestionnaires.ScorePrefix + name)})");
                continue;
            }

            var expected = FhirQuestionnaires.ToValue(field.Value);
            if (!Same(expected, value))
            {
                problems.Add($"{path}: differs from the score Konvooi computes, {Show(expected)} (got {Show(value)})");
            }
        }

        return problems.Count > 0 ? new Result(instrument, answers, null, problems) : new Result(instrument, answers, score, problems);
    }

    private static Instrument? FindInstrument(string? canonical, List<string> problems)
    {
        var url = canonical ?? string.Empty;
        var bar = url.IndexOf('|', StringComparison.Ordinal);
        var (baseUrl, version) = bar < 0 ? (url, null) : (url[..bar], url[(bar + 1)..]);
        var instrument = Instruments.All.FirstOrDefault(i => FhirQuestionnaires.CanonicalUrl(i) == baseUrl);
        if (instrument is null)
        {
            problems.Add($"$.questionnaire: not a Konvooi instrument (got {Quote(canonical)})");
            return null;
        }

        if (version is not null && version != instrument.Version)
        {
            problems.Add($"$.questionnaire: version {instrument.Version} of {instrument.Id} is supported (got {Quote(canonical)})");
        }

        return instrument;
    }

    private static bool Same(DataType? expected, DataType? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (FhirDecimal e, FhirDecimal a) => e.Value == a.Value,
        (not null, not null) => expected.IsExactly(actual),
        _ => false,
    };

    private static string Show(DataType? value) => value switch
    {
        null => "no value",
        PrimitiveType p => Quote(p.JsonValue is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : p.JsonValue?.ToString()),
        _ => value.TypeName,
    };

    private static string Quote(string? value) => value is null ? "null" : $"\"{value}\"";

    private static Result Fail(IReadOnlyList<string> problems) => new(null, null, null, problems);
}
