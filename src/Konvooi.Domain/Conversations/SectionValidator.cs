using System.Globalization;

namespace Konvooi.Domain.Conversations;

/// <summary>A problem with one field, with a Dutch message to show beside it.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>
/// Checks the answers of one section. A half-filled section is valid (it is saved, never lost); only
/// malformed values are problems, each reported beside its field.
/// </summary>
public static class SectionValidator
{
    /// <summary>Every field-level problem in <paramref name="answers"/> for <paramref name="section"/>.</summary>
    /// <param name="section">The section being saved.</param>
    /// <param name="answers">The answers of this section, by question code.</param>
    /// <param name="conversationDate">Dates after this day are problems for past-date questions.</param>
    public static IReadOnlyList<FieldProblem> Validate(GuideSection section, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, DateOnly conversationDate)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(answers);
        var problems = new List<FieldProblem>();
        foreach (var (code, rawValues) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var question = section.Find(code);
            if (question is null)
            {
                problems.Add(new FieldProblem(code, "Deze vraag hoort niet bij dit onderdeel."));
                continue;
            }

            var values = (rawValues ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
            if (values.Count == 0)
            {
                continue;
            }

            if (question.Type != AnswerType.MultiChoice && values.Count > 1)
            {
                problems.Add(new FieldProblem(code, "Geef bij deze vraag één antwoord."));
                continue;
            }

            var message = question.Type switch
            {
                AnswerType.MultiChoice => CheckMulti(question, values),
                _ => CheckSingle(question, values[0], conversationDate),
            };
            if (message is not null)
            {
                problems.Add(new FieldProblem(code, message));
            }
        }

        return problems;
    }

    private static string? CheckMulti(GuideQuestion question, List<string> values)
    {
        if (values.Any(v => !question.HasOption(v)))
        {
            return "Kies alleen antwoorden uit de lijst.";
        }

        return values.Distinct(StringComparer.Ordinal).Count() != values.Count ? "Kies elk antwoord maar één keer." : null;
    }

    private static string? CheckSingle(GuideQuestion question, string value, DateOnly conversationDate)
    {
        switch (question.Type)
        {
            case AnswerType.Choice:
                return question.HasOption(value) ? null : "Kies een antwoord uit de lijst.";
            case AnswerType.YesNo:
                return value is ConversationGuide.Yes or ConversationGuide.No ? null : "Kies ja of nee.";
            case AnswerType.Date:
                if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return "Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2025-03-14.";
                }

                return question.IsPastDate && date > conversationDate ? "Deze datum ligt na de datum van het gesprek." : null;
            case AnswerType.Number:
                if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return "Vul een heel getal in, zonder letters of komma.";
                }

                return number < question.Min || number > question.Max
                    ? string.Create(CultureInfo.InvariantCulture, $"Vul een getal in van {question.Min} tot en met {question.Max}.")
                    : null;
            case AnswerType.ShortText when question.IsLanguageCode:
                return value.Length == 2 && value.All(c => c is >= 'a' and <= 'z')
                    ? null
                    : "Vul een taalcode van twee kleine letters in, zoals nl, ar of tr.";
            case AnswerType.ShortText:
                return value.Length > question.MaxLength
                    ? string.Create(CultureInfo.InvariantCulture, $"Gebruik hoogstens {question.MaxLength} tekens.")
                    : null;
            default:
                throw new InvalidOperationException($"Unexpected answer type {question.Type}.");
        }
    }
}
