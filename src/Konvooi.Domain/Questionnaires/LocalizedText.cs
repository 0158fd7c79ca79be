namespace Konvooi.Domain.Questionnaires;

/// <summary>
/// A text in one language with where it comes from. <see cref="IsWorkingTranslation"/> marks a text
/// that no authoritative source provides (our own translation): every screen and export must say so.
/// </summary>
/// <param name="Language">ISO 639-1 code, <c>nl</c> or <c>en</c>.</param>
/// <param name="Text">The text, verbatim from <paramref name="Source"/> unless it is a working translation.</param>
/// <param name="Source">Citation of the text's source, or a note saying who translated it.</param>
/// <param name="IsWorkingTranslation">True when the text is a working translation, not an authoritative version.</param>
public sealed record LocalizedText(string Language, string Text, string Source, bool IsWorkingTranslation = false)
{
    public const string Dutch = "nl";
    public const string English = "en";
}

public static class LocalizedTextExtensions
{
    /// <summary>The text in <paramref name="language"/>, or null when the list has none.</summary>
    public static LocalizedText? In(this IReadOnlyList<LocalizedText> texts, string language)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            if (string.Equals(text.Language, language, StringComparison.Ordinal))
            {
                return text;
            }
        }

        return null;
    }
}
