using Konvooi.Domain.Questionnaires;
using Konvooi.Domain.Support;

namespace Konvooi.Domain.Tests.Support;

public sealed class ScoreChangeTests
{
    private static MeasuredScore Djg(int? total, DateOnly date) =>
        new(date, new InstrumentScore("djg11", total, total is int t ? Instruments.Djg11.LevelFor(t) : null, 0, []));

    private static ScoreChange Accepted(SupportOutcome<ScoreChange> outcome) => Assert.IsType<SupportOutcome<ScoreChange>.Accepted>(outcome).Value;

    [Fact]
    public void Compare_LowerAcrossLevel_SaysPointsAndLevels()
    {
        // docs/instruments.md, DJG-11: 9–10 severely (sterk eenzaam), 3–8 moderately (matig eenzaam).
        var change = Accepted(ScoreChange.Compare(Instruments.Djg11, Djg(9, new DateOnly(2026, 1, 5)), Djg(6, new DateOnly(2026, 7, 6))));

        Assert.Equal(-3, change.Difference);
        Assert.Equal("De score ging van 9 punten op 05-01-2026 naar 6 punten op 06-07-2026: 3 punten lager. Het niveau ging van 'sterk eenzaam' naar 'matig eenzaam'.", change.Summary);
        Assert.Equal("Bij deze vragenlijst betekent een lagere score minder gevoelens van eenzaamheid.", change.Direction);
    }

    [Fact]
    public void Compare_OnePointHigherSameLevel_SaysLevelStayed()
    {
        var change = Accepted(ScoreChange.Compare(Instruments.Djg11, Djg(4, new DateOnly(2026, 1, 5)), Djg(5, new DateOnly(2026, 4, 6))));

        Assert.Equal("De score ging van 4 punten op 05-01-2026 naar 5 punten op 06-04-2026: 1 punt hoger. Het niveau bleef 'matig eenzaam'.", change.Summary);
    }

    [Fact]
    public void Compare_Equal_SaysScoreStayed()
    {
        var change = Accepted(ScoreChange.Compare(Instruments.Djg11, Djg(2, new DateOnly(2026, 1, 5)), Djg(2, new DateOnly(2026, 4, 6))));

        Assert.Equal(0, change.Difference);
        Assert.StartsWith("De score bleef gelijk: 2 punten", change.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_AnyChange_CarriesNoteWithoutCausalClaim()
    {
        // LM-1: state the limits; never say the intervention caused the change.
        var change = Accepted(ScoreChange.Compare(Instruments.Djg11, Djg(9, new DateOnly(2026, 1, 5)), Djg(3, new DateOnly(2026, 7, 6))));

        Assert.Contains("Het zegt niet waardoor dat komt.", change.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("dankzij", change.Summary + change.Note, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("door de interventie", change.Summary + change.Note, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Compare_Who5_ReadsHigherAsBetter()
    {
        var before = new MeasuredScore(new DateOnly(2026, 1, 5), new InstrumentScore("who5", 10, null, 0, []));
        var after = new MeasuredScore(new DateOnly(2026, 4, 6), new InstrumentScore("who5", 14, null, 0, []));

        var change = Accepted(ScoreChange.Compare(Instruments.Who5, before, after));

        Assert.Equal(4, change.Difference);
        Assert.Equal("Bij deze vragenlijst betekent een hogere score dat het beter gaat.", change.Direction);
    }

    [Fact]
    public void Compare_MissingTotalReversedDatesOtherInstrument_ReportsAll()
    {
        var other = new MeasuredScore(new DateOnly(2026, 1, 1), new InstrumentScore("djg6", 2, null, 0, []));

        var refused = Assert.IsType<SupportOutcome<ScoreChange>.Refused>(ScoreChange.Compare(Instruments.Djg11, Djg(null, new DateOnly(2026, 3, 1)), other));

        Assert.Equal(["change.different_instruments", "change.dates_reversed", "change.score_missing"], refused.Errors.Select(e => e.Code));
    }
}
