namespace Konvooi.Domain.Questionnaires.Definitions;

/// <summary>Short constructors for the instrument data.</summary>
internal static class Texts
{
    public const string WorkingTranslationSource = "Konvooi working translation (no authoritative version available)";

    public static LocalizedText Nl(string text, string source) => new(LocalizedText.Dutch, text, source);

    public static LocalizedText En(string text, string source) => new(LocalizedText.English, text, source);

    public static LocalizedText NlWorking(string text) => new(LocalizedText.Dutch, text, WorkingTranslationSource, IsWorkingTranslation: true);

    public static LocalizedText EnWorking(string text) => new(LocalizedText.English, text, WorkingTranslationSource, IsWorkingTranslation: true);

    public static AnswerOption Option(string value, int weight, LocalizedText dutch, LocalizedText english, params string[] aliases) =>
        new(value, weight, [dutch, english], aliases);
}
