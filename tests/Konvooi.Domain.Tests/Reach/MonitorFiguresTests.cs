using Konvooi.Domain.Reach;

namespace Konvooi.Domain.Tests.Reach;

/// <summary>Figures for reach against need from a monitor table (docs/reach.md, "Figures from a monitor analysis").</summary>
public sealed class MonitorFiguresTests
{
    private static readonly IReadOnlyDictionary<string, string> Lookup =
        WijkAssignment.Lookup([("WK999900", "Centrum"), ("WK999901", "Oost"), ("WK999902", "West")]);

    private static readonly string[] Variables = ["wave", "wijk"];

    private static MonitorFigures.Cell Cell(string wave, string wijk, string indicator, double? estimate, bool suppressed = false) =>
        new([wave, wijk], indicator, estimate, estimate - 0.05, estimate + 0.05, suppressed);

    private static readonly MonitorFigures.Cell[] Cells =
    [
        Cell("2022", "Centrum", "lonely", 0.40),
        Cell("2024", "Centrum", "lonely", 0.42),
        Cell("2024", "oost", "lonely", 0.30),
        Cell("2024", "WK999902", "lonely", 0.02),
        Cell("2024", "Centrum", "Severely", 0.10),
        Cell("2024", "oost", "Severely", null),
        Cell("2024", "WK999902", "Severely", 0.08, suppressed: true),
    ];

    private static MonitorFigures.Choice Choice(string wave, params string[] indicators) =>
        new(1, new Dictionary<string, string> { ["wave"] = wave }, indicators);

    [Fact]
    public void WijkVariable_IsTheVariableWhoseValuesMatchTheWijkList()
    {
        Assert.Equal(1, MonitorFigures.WijkVariable(Variables, Cells, Lookup));
        Assert.Null(MonitorFigures.WijkVariable(["wave"], [new MonitorFigures.Cell(["2024"], "lonely", 0.4, 0.3, 0.5, false)], Lookup));
    }

    [Fact]
    public void Build_OneWave_GivesPercentagesPerWijkCode_MatchedByCodeOrName()
    {
        var outcome = MonitorFigures.Build(Variables, Cells, Choice("2024", "lonely"), Lookup);

        Assert.Empty(outcome.Problems);
        Assert.Empty(outcome.Skipped);
        Assert.Equal(3, outcome.Rows.Count);
        var centrum = outcome.Rows.Single(r => r.WijkCode == "WK999900");
        Assert.Equal(42, centrum.Estimate, 1e-9);
        Assert.Equal(37, centrum.CiLow, 1e-9);
        Assert.Equal(47, centrum.CiHigh, 1e-9);
        Assert.Contains(outcome.Rows, r => r.WijkCode == "WK999901" && Math.Abs(r.Estimate - 30) < 1e-9);

        // A Wald interval below 0 % is clipped to 0 %.
        Assert.Equal(0, outcome.Rows.Single(r => r.WijkCode == "WK999902").CiLow);
    }

    [Fact]
    public void Build_SuppressedOrMissingEstimates_AreSkippedAndNamed_IndicatorInLowerCase()
    {
        var outcome = MonitorFigures.Build(Variables, Cells, Choice("2024", "Severely"), Lookup);

        Assert.Empty(outcome.Problems);
        var row = Assert.Single(outcome.Rows);
        Assert.Equal(new FigureRow("WK999900", "severely", 10, 5, 15), row with { Estimate = Math.Round(row.Estimate, 9), CiLow = Math.Round(row.CiLow, 9), CiHigh = Math.Round(row.CiHigh, 9) });
        Assert.Equal(["oost: Severely", "WK999902: Severely"], outcome.Skipped);
    }

    [Fact]
    public void Build_EveryProblemIsListed_AndNothingIsReturned()
    {
        var cells = Cells.Append(Cell("2024", "Elders", "lonely", 0.2)).Append(Cell("2024", "West", "lonely", 0.2)).ToArray();

        var unknown = MonitorFigures.Build(Variables, cells, Choice("2024", "lonely"), Lookup);

        Assert.Empty(unknown.Rows);
        Assert.Contains("‘Elders’ staat niet op de wijkenlijst van de coalitie (als code of als naam).", unknown.Problems);
        Assert.Contains(unknown.Problems, p => p.Contains("zijn allebei wijk WK999902", StringComparison.Ordinal));

        var choices = MonitorFigures.Build(Variables, Cells, new MonitorFigures.Choice(1, new Dictionary<string, string> { ["wave"] = "2030" }, ["lonely", "nope"]), Lookup);
        Assert.Equal(["‘2030’ komt niet voor bij ‘wave’.", "De indicator ‘nope’ staat niet in deze tabel."], choices.Problems);

        var nothing = MonitorFigures.Build(Variables, Cells, new MonitorFigures.Choice(1, new Dictionary<string, string>(), []), Lookup);
        Assert.Equal(["Kies een waarde voor ‘wave’.", "Kies ten minste één indicator."], nothing.Problems);
    }

    [Fact]
    public void Build_OnlySuppressedCells_IsAProblem()
    {
        var outcome = MonitorFigures.Build(Variables, [Cell("2024", "Oost", "lonely", 0.3, suppressed: true)], Choice("2024", "lonely"), Lookup);

        Assert.Empty(outcome.Rows);
        Assert.Single(outcome.Problems);
        Assert.Single(outcome.Skipped);
    }
}
