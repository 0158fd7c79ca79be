using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Konvooi.Domain.Questionnaires;

namespace Konvooi.Features.Fhir;

/// <summary>
/// FHIR R4 views of the instruments: each instrument as a <see cref="Questionnaire"/> (answer weights as
/// <c>ordinalValue</c>/<c>itemWeight</c> extensions, scores as read-only <c>score-*</c> items) and each
/// administration as a <see cref="QuestionnaireResponse"/> carrying its scores.
/// </summary>
public static class FhirQuestionnaires
{
    /// <summary>R4 core extension on a Coding: the answer's numeric weight.</summary>
    public const string OrdinalValueUrl = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

    /// <summary>The R5 name of the same idea, added for consumers that read it in R4 content.</summary>
    public const string ItemWeightUrl = "http://hl7.org/fhir/StructureDefinition/itemWeight";

    /// <summary>Marks a text that is a working translation, not an authoritative version (boolean).</summary>
    public const string WorkingTranslationUrl = "urn:konvooi:fhir:extension:working-translation";

    /// <summary>Prefix of the linkId of calculated score items.</summary>
    public const string ScorePrefix = "score-";

    private static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    /// <summary>Canonical URL of an instrument's Questionnaire (without version).</summary>
    public static string CanonicalUrl(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return $"urn:konvooi:questionnaire:{instrument.Id}";
    }

    /// <summary>Code system of an instrument's answer options.</summary>
    public static string AnswerSystem(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return $"urn:konvooi:answers:{instrument.Id}";
    }

    /// <summary>The instrument as a Questionnaire in <paramref name="language"/> (<c>nl</c> or <c>en</c>), with the given answer scale (default: the first).</summary>
    /// <exception cref="ArgumentException">Unknown answer scale.</exception>
    public static Questionnaire ToQuestionnaire(Instrument instrument, string language = LocalizedText.Dutch, string? answerScaleId = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var scale = answerScaleId is null
            ? instrument.AnswerScales[0]
            : instrument.AnswerScales.FirstOrDefault(s => s.Id == answerScaleId)
                ?? throw new ArgumentException($"{instrument.Id} has no answer scale '{answerScaleId}'.", nameof(answerScaleId));
        var name = Pick(instrument.Names, language);
        var questionnaire = new Questionnaire
        {
            Id = instrument.Id,
            Url = CanonicalUrl(instrument),
            Version = instrument.Version,
            Name = string.Concat(instrument.Id.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])),
            Title = name.Text,
            Status = PublicationStatus.Active,
            Language = language,
            Description = instrument.Citation,
            Copyright = instrument.Licence,
            SubjectType = [ResourceType.Patient],
        };
        if (instrument.LoincCode is not null)
        {
            questionnaire.Code = [new Coding("http://loinc.org", instrument.LoincCode)];
        }

        var introduction = instrument.Introduction.In(language) ?? instrument.Introduction.In(LocalizedText.English);
        if (introduction is not null)
        {
            questionnaire.Item.Add(Mark(new Questionnaire.ItemComponent { LinkId = "introduction", Type = Questionnaire.QuestionnaireItemType.Display, Text = introduction.Text }, introduction));
        }

        var tables = Weights(instrument);
        for (var i = 0; i < instrument.Items.Count; i++)
        {
            var item = instrument.Items[i];
            var text = Pick(item.Texts, language);
            var component = Mark(new Questionnaire.ItemComponent { LinkId = item.Code, Prefix = item.Number.ToString(CultureInfo.InvariantCulture), Type = Questionnaire.QuestionnaireItemType.Choice, Text = text.Text, Required = false }, text);
            foreach (var value in scale.OptionValues)
            {
                var index = instrument.OptionIndex(value);
                var coding = ToCoding(instrument, index, language);
                var weight = new FhirDecimal(tables[i][index]);
                coding.Extension.Add(new Extension(OrdinalValueUrl, weight));
                coding.Extension.Add(new Extension(ItemWeightUrl, (FhirDecimal)weight.DeepCopy()));
                component.AnswerOption.Add(new Questionnaire.AnswerOptionComponent { Value = coding });
            }

            questionnaire.Item.Add(component);
        }

        foreach (var field in instrument.OutputFields.Concat(ExtraFields(instrument)))
        {
            questionnaire.Item.Add(new Questionnaire.ItemComponent
            {
                LinkId = ScorePrefix + field,
                Type = ScoreType(field),
                Text = field,
                ReadOnly = true,
                Required = false,
            });
        }

        return questionnaire;
    }

    /// <summary>
    /// One administration as a QuestionnaireResponse: answered items as Codings (missing answers are left out)
    /// and the scores as answers to the read-only <c>score-*</c> items.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong number of answers or an index out of range.</exception>
    public static QuestionnaireResponse ToQuestionnaireResponse(
        Instrument instrument,
        IReadOnlyList<int> optionIndexes,
        InstrumentScore score,
        string language = LocalizedText.Dutch,
        DateTimeOffset? authored = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(optionIndexes);
        ArgumentNullException.ThrowIfNull(score);
        if (optionIndexes.Count != instrument.Items.Count)
        {
            throw new ArgumentException($"{instrument.Id} has {instrument.Items.Count} items, got {optionIndexes.Count} answers.", nameof(optionIndexes));
        }

        var response = new QuestionnaireResponse
        {
            Questionnaire = $"{CanonicalUrl(instrument)}|{instrument.Version}",
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Language = language,
        };
        if (authored is DateTimeOffset when)
        {
            response.AuthoredElement = new FhirDateTime(when);
        }

        for (var i = 0; i < instrument.Items.Count; i++)
        {
            var index = optionIndexes[i];
            if (index == AnswerCodes.Missing)
            {
                continue;
            }

            if (index < 0 || index >= instrument.Options.Count)
            {
                throw new ArgumentException($"Option index {index} is out of range for {instrument.Id}.", nameof(optionIndexes));
            }

            var item = instrument.Items[i];
            response.Item.Add(new QuestionnaireResponse.ItemComponent
            {
                LinkId = item.Code,
                Text = Pick(item.Texts, language).Text,
                Answer = [new QuestionnaireResponse.AnswerComponent { Value = ToCoding(instrument, index, language) }],
            });
        }

        foreach (var field in score.Fields)
        {
            var value = ToValue(field.Value);
            if (value is null)
            {
                continue;
            }

            response.Item.Add(new QuestionnaireResponse.ItemComponent
            {
                LinkId = ScorePrefix + field.Name,
                Text = field.Name,
                Answer = [new QuestionnaireResponse.AnswerComponent { Value = value }],
            });
        }

        return response;
    }

    public static string ToJson(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), JsonOptions);

    internal static JsonSerializerOptions Options => JsonOptions;

    internal static IEnumerable<string> ExtraFields(Instrument instrument) => instrument.Shape switch
    {
        ResultShape.DeJongGierveld => ["emotionally_lonely", "socially_lonely"],
        ResultShape.Who5 => ["depression_followup"],
        _ => [],
    };

    internal static DataType? ToValue(object? value) => value switch
    {
        null => null,
        int i => new Integer(i),
        double d => new FhirDecimal((decimal)d),
        bool b => new FhirBoolean(b),
        string s => new FhirString(s),
        _ => throw new ArgumentException($"Unexpected score value type {value.GetType().Name}.", nameof(value)),
    };

    private static Coding ToCoding(Instrument instrument, int optionIndex, string language)
    {
        var option = instrument.Options[optionIndex];
        return new Coding(AnswerSystem(instrument), option.Value, Pick(option.Labels, language).Text);
    }

    private static Questionnaire.QuestionnaireItemType ScoreType(string field) => field switch
    {
        "level" or "band" or "answer" => Questionnaire.QuestionnaireItemType.String,
        "lonely" or "chronic" or "emotionally_lonely" or "socially_lonely" or "depression_followup" => Questionnaire.QuestionnaireItemType.Boolean,
        "mean" => Questionnaire.QuestionnaireItemType.Decimal,
        _ => Questionnaire.QuestionnaireItemType.Integer,
    };

    /// <summary>Points per item and option, from the scoring key.</summary>
    private static int[][] Weights(Instrument instrument)
    {
        var min = instrument.Options.Min(o => o.Weight);
        var max = instrument.Options.Max(o => o.Weight);
        return instrument.Items.Select(item => instrument.Options.Select(o => item.Key.Points(o, min, max)).ToArray()).ToArray();
    }

    private static LocalizedText Pick(IReadOnlyList<LocalizedText> texts, string language) =>
        texts.In(language) ?? texts.In(LocalizedText.English) ?? texts[0];

    private static Questionnaire.ItemComponent Mark(Questionnaire.ItemComponent component, LocalizedText text)
    {
        if (text.IsWorkingTranslation)
        {
            component.TextElement ??= new FhirString(text.Text);
            component.TextElement.Extension.Add(new Extension(WorkingTranslationUrl, new FhirBoolean(true)));
        }

        return component;
    }
}
