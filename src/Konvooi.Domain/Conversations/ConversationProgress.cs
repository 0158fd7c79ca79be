namespace Konvooi.Domain.Conversations;

/// <summary>How far one section is, so a conversation can be resumed over several visits (ES-5).</summary>
/// <param name="SectionCode">The section.</param>
/// <param name="Answered">Questions answered, notes not counted.</param>
/// <param name="Total">Questions in the section, notes not counted.</param>
public sealed record SectionProgress(string SectionCode, int Answered, int Total)
{
    public bool IsStarted => Answered > 0;

    public bool IsComplete => Answered == Total;

    /// <summary>Dutch, e.g. "3 van 5 vragen beantwoord".</summary>
    public string Text => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Answered} van {Total} vragen beantwoord");
}

public static class ConversationProgress
{
    /// <summary>The progress of every section of the guide, in guide order.</summary>
    public static IReadOnlyList<SectionProgress> Of(ConversationAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return ConversationGuide.Sections.Select(section =>
        {
            var questions = section.Questions.Where(q => !q.Code.EndsWith(".notes", StringComparison.Ordinal)).ToList();
            return new SectionProgress(section.Code, questions.Count(q => answers.IsAnswered(q.Code)), questions.Count);
        }).ToList();
    }

    /// <summary>The first section that is not complete, where a later visit resumes; null when all are complete.</summary>
    public static string? ResumeAt(ConversationAnswers answers) =>
        Of(answers).FirstOrDefault(p => !p.IsComplete)?.SectionCode;
}
