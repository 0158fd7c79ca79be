using Konvooi.Domain.Common;
using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Support;

/// <summary>A scored administration with its date.</summary>
public sealed record MeasuredScore(DateOnly Date, InstrumentScore Score);

/// <summary>
/// The change between two administrations of one instrument: points and level before and after, in plain
/// Dutch, with a note on what such a change can and cannot mean. No causal claim (LM-1) and no
/// reliable-change index (no reliability coefficient with a source is in docs/instruments.md).
/// </summary>
public sealed record ScoreChange
{
    public required string InstrumentId { get; init; }

    public required DateOnly BeforeDate { get; init; }

    public required DateOnly AfterDate { get; init; }

    public required int BeforeTotal { get; init; }

    public required int AfterTotal { get; init; }

    /// <summary>After minus before, in points.</summary>
    public int Difference => AfterTotal - BeforeTotal;

    public LevelBand? LevelBefore { get; init; }

    public LevelBand? LevelAfter { get; init; }

    /// <summary>What happened to the score and level, in Dutch.</summary>
    public required string Summary { get; init; }

    /// <summary>How to read the score's direction, in Dutch; null when the instrument has no simple direction.</summary>
    public string? Direction { get; init; }

    /// <summary>What such a change can and cannot mean, in Dutch.</summary>
    public required string Note { get; init; }

    /// <summary>The note shown with every change (LM-1).</summary>
    public const string HonestNote =
        "Dit verschil laat zien hoe de antwoorden zijn veranderd. Het zegt niet waardoor dat komt. " +
        "Ook andere dingen spelen mee, zoals gezondheid, het seizoen of iets wat er in het leven gebeurde. " +
        "Een verschil van een of twee punten kan ook ontstaan doordat iemand een vraag op een andere dag net anders beantwoordt. " +
        "Bespreek de uitkomst samen met de persoon: hoe ervaart hij of zij het zelf?";

    private static readonly HashSet<string> HigherIsLonelier = new(["djg11", "djg6", "ucla3"], StringComparer.Ordinal);
    private static readonly HashSet<string> HigherIsBetter = new(["who5", "mastery7", "mastery7-ggd", "brs"], StringComparer.Ordinal);

    /// <summary>Compares two administrations of <paramref name="instrument"/>, earlier first.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static SupportOutcome<ScoreChange> Compare(Instrument instrument, MeasuredScore before, MeasuredScore after)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);

        var errors = new List<Error>();
        if (before.Score.InstrumentId != instrument.Id || after.Score.InstrumentId != instrument.Id)
        {
            errors.Add(new Error("change.different_instruments", "Alleen metingen met dezelfde vragenlijst kunnen worden vergeleken."));
        }

        if (after.Date < before.Date)
        {
            errors.Add(new Error("change.dates_reversed", "De nieuwe meting ligt vóór de eerdere meting."));
        }

        if (before.Score.Total is null || after.Score.Total is null)
        {
            errors.Add(new Error("change.score_missing", "Bij een van de metingen ontbreken te veel antwoorden. Er is geen score om te vergelijken."));
        }

        if (errors.Count > 0)
        {
            return new SupportOutcome<ScoreChange>.Refused(errors);
        }

        var from = before.Score.Total!.Value; // checked above
        var to = after.Score.Total!.Value;
        var levelBefore = before.Score.Level;
        var levelAfter = after.Score.Level;
        return new SupportOutcome<ScoreChange>.Accepted(new ScoreChange
        {
            InstrumentId = instrument.Id,
            BeforeDate = before.Date,
            AfterDate = after.Date,
            BeforeTotal = from,
            AfterTotal = to,
            LevelBefore = levelBefore,
            LevelAfter = levelAfter,
            Summary = Summarise(from, to, before.Date, after.Date, levelBefore, levelAfter),
            Direction = HigherIsLonelier.Contains(instrument.Id)
                ? "Bij deze vragenlijst betekent een lagere score minder gevoelens van eenzaamheid."
                : HigherIsBetter.Contains(instrument.Id)
                    ? "Bij deze vragenlijst betekent een hogere score dat het beter gaat."
                    : null,
            Note = HonestNote,
        });
    }

    private static string Summarise(int from, int to, DateOnly fromDate, DateOnly toDate, LevelBand? levelBefore, LevelBand? levelAfter)
    {
        var diff = to - from;
        var points = Math.Abs(diff) == 1 ? "punt" : "punten";
        var score = diff == 0
            ? $"De score bleef gelijk: {from} punten op {SupportText.Date(fromDate)} en op {SupportText.Date(toDate)}."
            : $"De score ging van {from} punten op {SupportText.Date(fromDate)} naar {to} punten op {SupportText.Date(toDate)}: {Math.Abs(diff)} {points} {(diff < 0 ? "lager" : "hoger")}.";
        if (levelBefore is null || levelAfter is null)
        {
            return score;
        }

        var before = Label(levelBefore);
        var after = Label(levelAfter);
        return levelBefore.Code == levelAfter.Code
            ? $"{score} Het niveau bleef '{after}'."
            : $"{score} Het niveau ging van '{before}' naar '{after}'.";
    }

    private static string Label(LevelBand level) => level.Labels.In(LocalizedText.Dutch)?.Text ?? level.Code;
}
