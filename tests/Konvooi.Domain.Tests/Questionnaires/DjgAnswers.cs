using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Tests.Questionnaires;

/// <summary>
/// Compact DJG answer strings for theory rows, one character per item in presentation order:
/// j = ja, m = min of meer, n = nee, J = ja!, N = nee!, - = missing.
/// </summary>
internal static class DjgAnswers
{
    public static int[] Parse(Instrument instrument, string answers)
    {
        Assert.Equal(instrument.Items.Count, answers.Length);
        return answers.Select(c => c switch
        {
            'j' => instrument.OptionIndex("ja"),
            'm' => instrument.OptionIndex("min_of_meer"),
            'n' => instrument.OptionIndex("nee"),
            'J' => instrument.OptionIndex("ja!"),
            'N' => instrument.OptionIndex("nee!"),
            '-' => AnswerCodes.Missing,
            _ => throw new ArgumentOutOfRangeException(nameof(answers), c, "unknown answer character"),
        }).ToArray();
    }
}
