namespace Konvooi.Domain.Conversations;

/// <summary>How a question is answered and so how its value is stored.</summary>
public enum AnswerType
{
    /// <summary>One option code.</summary>
    Choice,

    /// <summary>Option codes, each at most once.</summary>
    MultiChoice,

    /// <summary><c>yes</c> or <c>no</c>.</summary>
    YesNo,

    /// <summary>A date as <c>yyyy-MM-dd</c>.</summary>
    Date,

    /// <summary>A whole number in invariant culture, within the question's range.</summary>
    Number,

    /// <summary>Free text up to the question's maximum length.</summary>
    ShortText,
}

/// <summary>One answer option: a stable code and its Dutch label.</summary>
public sealed record GuideOption(string Code, string Label);

/// <summary>One question of the conversation guide, in Dutch at B1 level.</summary>
/// <param name="Code">Stable code <c>section.question</c>.</param>
/// <param name="Text">The question as the professional asks it.</param>
/// <param name="Type">How it is answered.</param>
public sealed record GuideQuestion(string Code, string Text, AnswerType Type)
{
    /// <summary>The options of a choice or multi-choice question.</summary>
    public IReadOnlyList<GuideOption> Options { get; init; } = [];

    /// <summary>Smallest allowed number (number questions).</summary>
    public int Min { get; init; }

    /// <summary>Largest allowed number (number questions).</summary>
    public int Max { get; init; } = int.MaxValue;

    /// <summary>Longest allowed text in characters (text questions).</summary>
    public int MaxLength { get; init; } = ConversationGuide.ShortTextLength;

    /// <summary>A text answer must be a two-letter ISO 639-1 code in lower case, such as <c>nl</c>.</summary>
    public bool IsLanguageCode { get; init; }

    /// <summary>A date answer may not lie after the conversation date.</summary>
    public bool IsPastDate { get; init; } = true;

    /// <summary>Guidance for the professional, shown with the question (never to the person or a volunteer).</summary>
    public string? Guidance { get; init; }

    /// <summary>
    /// The question whose answer makes this one relevant (a "yes", or for a date per option the chosen option);
    /// without JavaScript every question is shown, so this is a hint for the layout only.
    /// </summary>
    public string? FollowUpOf { get; init; }

    /// <summary>Whether <paramref name="code"/> is one of <see cref="Options"/>.</summary>
    public bool HasOption(string code) => Options.Any(o => string.Equals(o.Code, code, StringComparison.Ordinal));
}

/// <summary>
/// One section of the good conversation: saveable on its own (ES-5). Shows which insights it serves
/// and, for the measurement section, which instruments it links.
/// </summary>
public sealed record GuideSection(string Code, string Title, string Introduction, IReadOnlyList<string> Insights, IReadOnlyList<GuideQuestion> Questions)
{
    /// <summary>Instrument ids whose latest measurement belongs with this section.</summary>
    public IReadOnlyList<string> LinkedInstruments { get; init; } = [];

    /// <summary>The question with <paramref name="code"/>, or null.</summary>
    public GuideQuestion? Find(string code) =>
        Questions.FirstOrDefault(q => string.Equals(q.Code, code, StringComparison.Ordinal));
}
