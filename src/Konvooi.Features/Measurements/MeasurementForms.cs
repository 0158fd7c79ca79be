using Konvooi.Domain.Questionnaires;

namespace Konvooi.Features.Measurements;

/// <summary>What a questionnaire page shows for one instrument: item texts and options in one language.</summary>
public sealed record QuestionnaireForm(
    Instrument Instrument,
    string Name,
    string Language,
    bool UsesWorkingTranslation,
    string? Introduction,
    IReadOnlyList<QuestionnaireForm.Item> Items,
    IReadOnlyList<QuestionnaireForm.Option> Options)
{
    /// <summary>The answer recorded for "wil ik niet zeggen": the item counts as missing.</summary>
    public const string DeclineValue = "_decline";

    public sealed record Item(string Code, int Number, string Text, bool IsWorkingTranslation);

    public sealed record Option(string Value, string Label);

    /// <summary>
    /// The form in Dutch where every item has a Dutch text, otherwise in English; a working
    /// translation is flagged so the page can say so (docs/instruments.md).
    /// </summary>
    public static QuestionnaireForm For(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var language = instrument.Items.All(i => i.Texts.In(LocalizedText.Dutch) is not null) ? LocalizedText.Dutch : LocalizedText.English;
        var items = instrument.Items.Select(i =>
        {
            var text = i.Texts.In(language)!; // chosen so that every item has this language
            return new Item(i.Code, i.Number, text.Text, text.IsWorkingTranslation);
        }).ToList();
        var options = instrument.AnswerScales[0].OptionValues.Select(value =>
        {
            var option = instrument.Options[instrument.OptionIndex(value)];
            var label = option.Labels.In(language) ?? option.Labels.In(LocalizedText.English) ?? option.Labels[0];
            return new Option(value, label.Text);
        }).ToList();
        var name = (instrument.Names.In(language) ?? instrument.Names[0]).Text;
        var introduction = instrument.Introduction.In(language)?.Text;
        var working = items.Any(i => i.IsWorkingTranslation)
            || options.Count == 0
            || instrument.Options.Any(o => o.Labels.In(language)?.IsWorkingTranslation == true);
        return new QuestionnaireForm(instrument, name, language, working, introduction, items, options);
    }
}
