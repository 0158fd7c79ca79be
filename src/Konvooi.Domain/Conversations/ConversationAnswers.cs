using System.Globalization;

namespace Konvooi.Domain.Conversations;

/// <summary>
/// The stored answers of a conversation, by question code (<c>section.question</c>), as the text values of
/// docs/profile.md: one value for most questions, several for multi-choice. An absent or empty entry
/// means "not answered". The typed readers return null for unanswered or malformed values; malformed
/// values are reported by <see cref="SectionValidator"/>.
/// </summary>
public sealed record ConversationAnswers(IReadOnlyDictionary<string, IReadOnlyList<string>> Values)
{
    public static ConversationAnswers Empty { get; } = new(new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));

    /// <summary>Builds answers from single values (multi-choice values separated by commas are split).</summary>
    public static ConversationAnswers From(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (code, value) in values)
        {
            var question = ConversationGuide.FindQuestion(code);
            map[code] = question?.Type == AnswerType.MultiChoice
                ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [value];
        }

        return new ConversationAnswers(map);
    }

    /// <summary>The answered values of a question; empty when not answered.</summary>
    public IReadOnlyList<string> Raw(string code) =>
        Values.TryGetValue(code, out var values)
            ? values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList()
            : [];

    public bool IsAnswered(string code) => Raw(code).Count > 0;

    /// <summary>The single value of a choice or text question, or null.</summary>
    public string? Text(string code) => Raw(code) is [var single] ? single : null;

    /// <summary>True for <c>yes</c>, false for <c>no</c>, null otherwise.</summary>
    public bool? YesNo(string code) => Text(code) switch
    {
        ConversationGuide.Yes => true,
        ConversationGuide.No => false,
        _ => null,
    };

    /// <summary>The chosen option codes of a multi-choice question, in stored order, without duplicates.</summary>
    public IReadOnlyList<string> Choices(string code) => Raw(code).Distinct(StringComparer.Ordinal).ToList();

    public DateOnly? Date(string code) =>
        Text(code) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public int? Number(string code) =>
        Text(code) is { } text && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
