using Konvooi.Domain.Reach;

namespace Konvooi.Domain.Tests.Reach;

public sealed class FigureTableTests
{
    private static readonly string[] Codes = ["WK999901", "WK999902"];

    [Fact]
    public void Parse_DutchSpreadsheet_ReadsDecimalCommasAndLowerCasesIndicators()
    {
        var (rows, problems) = FigureTable.Parse("\uFEFFWijkcode;Indicator;Schatting;CI_laag;CI_hoog\r\nwk999901;Eenzaam;47,5;43,1;51,9\r\n", Codes);

        Assert.Empty(problems);
        Assert.Equal(new FigureRow("WK999901", "eenzaam", 47.5, 43.1, 51.9), Assert.Single(rows));
    }

    [Fact]
    public void Parse_EveryBadRow_IsListedWithLineColumnAndReason_AndNothingIsReturned()
    {
        var csv = "code,indicator,percentage,ondergrens,bovengrens\n"
            + "WK999901,eenzaam,40,35,45\n"
            + "WK999909,eenzaam,40,35,45\n"     // not on the wijk list
            + "WK12,eenzaam,40,35,45\n"         // not a wijk code
            + "WK999902,,40,35,45\n"            // no indicator
            + "WK999902,eenzaam,140,35,45\n"    // not a percentage
            + "WK999902,ernstig,20,25,30\n"     // estimate outside its interval
            + "WK999901,eenzaam,41,36,46\n";    // duplicate

        var (rows, problems) = FigureTable.Parse(csv, Codes);

        Assert.Empty(rows);
        Assert.Equal(
            [(3, "code"), (4, "code"), (5, "indicator"), (6, "percentage"), (7, "percentage"), (8, "code")],
            problems.Select(p => (p.Line!.Value, p.Column!)));
        Assert.Contains("niet op de wijkenlijst", problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("regel 2", problems[5].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingColumns_AreAllNamed()
    {
        var (_, problems) = FigureTable.Parse("wijkcode;schatting\nWK999901;40\n", Codes);

        Assert.Equal(["indicator", "ci_laag", "ci_hoog"], problems.Select(p => p.Column));
    }

    [Fact]
    public void Parse_NotUtf8_SaysSo()
    {
        var (_, problems) = FigureTable.Parse([0x77, 0xff, 0xfe], Codes);

        Assert.Contains("UTF-8", Assert.Single(problems).Reason, StringComparison.Ordinal);
    }
}

public sealed class PopulationTableTests
{
    private static readonly string[] Codes = ["WK999901"];

    [Fact]
    public void Parse_TotalAndAgeGroups_AreNormalised()
    {
        var (rows, problems) = PopulationTable.Parse("wijkcode;leeftijdsgroep;inwoners\nWK999901;Totaal;12500\nWK999901;18 +;10150\n", Codes);

        Assert.Empty(problems);
        Assert.Equal([new PopulationRow("WK999901", "totaal", 12500), new PopulationRow("WK999901", "18+", 10150)], rows);
    }

    [Fact]
    public void Parse_BadNumbersAndDuplicates_AreListed()
    {
        var (rows, problems) = PopulationTable.Parse("wijkcode;leeftijdsgroep;inwoners\nWK999901;totaal;12.500\nWK999901;totaal;-3\nWK999901;;4\nWK999901;totaal;5\nWK999901;totaal;6\n", Codes);

        Assert.Empty(rows);
        Assert.Equal([(2, "inwoners"), (3, "inwoners"), (4, "leeftijdsgroep"), (6, "wijkcode")], problems.Select(p => (p.Line!.Value, p.Column!)));
    }
}

public sealed class WijkAssignmentTests
{
    private static readonly IReadOnlyDictionary<string, string> Lookup = WijkAssignment.Lookup([("WK999900", "Centrum"), ("WK999903", "De Hoven")]);

    [Theory]
    [InlineData("Centrum", "WK999900")]
    [InlineData("  de   hoven ", "WK999903")]
    [InlineData("wk999903", "WK999903")]
    [InlineData("Elders", "Onbekend")]
    [InlineData("", "Onbekend")]
    [InlineData(null, "Onbekend")]
    public void CodeFor_MatchesCodeOrNameIgnoringCaseAndSpaces(string? text, string expected) =>
        Assert.Equal(expected, WijkAssignment.CodeFor(text, Lookup));
}

public sealed class ReachReportTests
{
    private static readonly string[] Wijken = ["WK999901", "WK999902", "WK999903"];

    private static IEnumerable<ReachPerson> People(string wijk, int count, string? instrument = null, string? level = null) =>
        Enumerable.Range(0, count).Select(_ => new ReachPerson(wijk, instrument, level, false, false));

    [Fact]
    public void Build_LonelyCountsPerInstrument_NeverPooled()
    {
        var people = People("WK999901", 4, "djg11", "moderately_lonely")
            .Concat(People("WK999901", 3, "djg11", "not_lonely"))
            .Concat(People("WK999901", 2, "djg6", "moderately_lonely"))
            .Concat(People("WK999901", 1, "djg6", "not_lonely"))
            .Concat(People("WK999901", 2));

        var report = ReachReport.Build(people, Wijken, new Dictionary<string, Prevalence>(), new Dictionary<string, int>(), 10);

        var counts = report.Wijken[0].Counts!;
        Assert.Equal((12, 10, 7, 4, 3, 2), (counts.Registered, counts.Measured, counts.MeasuredDjg11, counts.LonelyDjg11, counts.MeasuredDjg6, counts.LonelyDjg6));
    }

    [Fact]
    public void Build_SmallWijk_IsHiddenWithTheNextSmallest_EmptyWijkShowsZero_AndUnknownIsAdded()
    {
        var people = People("WK999901", 15).Concat(People("WK999902", 3)).Concat(People("Onbekend", 11));

        var report = ReachReport.Build(people, Wijken, new Dictionary<string, Prevalence>(), new Dictionary<string, int>(), 10);

        Assert.Equal(["WK999901", "WK999902", "WK999903", "Onbekend"], report.Wijken.Select(r => r.WijkCode));
        Assert.Equal([false, true, false, true], report.Wijken.Select(r => r.IsSuppressed));
        Assert.Equal(0, report.Wijken[2].Counts!.Registered);
        Assert.Equal(29, report.Total.Counts!.Registered);
    }

    [Fact]
    public void Build_EstimateCarriesTheInterval_SurveyFiguresAreNeverSuppressed()
    {
        var survey = new Dictionary<string, Prevalence> { ["WK999901"] = new(40, 35, 45), ["WK999902"] = new(50, 40, 60) };
        var population = new Dictionary<string, int> { ["WK999901"] = 1000, ["WK999902"] = 200 };

        var people = People("WK999901", 20, "djg11", "moderately_lonely").Concat(People("WK999902", 2)).Concat(People("Onbekend", 12));

        var report = ReachReport.Build(people, Wijken, survey, population, 10);

        Assert.Equal(new EstimatedResidents(400, 350, 450), report.Wijken[0].EstimatedLonely);
        Assert.Equal(5.0, report.Wijken[0].ReachedPer100!.Value, 9);
        Assert.Equal(60.0, report.Wijken[0].DifferenceDjg11!.Value, 9); // 100 % minus 40 %, in procentpunt
        Assert.True(report.Wijken[1].IsSuppressed);
        Assert.Equal(new EstimatedResidents(100, 80, 120), report.Wijken[1].EstimatedLonely);
        Assert.Equal(new EstimatedResidents(500, null, null), report.Total.EstimatedLonely);
        Assert.Equal(1200, report.Total.Population);
    }

    [Fact]
    public void Build_TooFewInTotal_HidesTheTotal()
    {
        var report = ReachReport.Build(People("WK999901", 9), Wijken, new Dictionary<string, Prevalence>(), new Dictionary<string, int>(), 10);

        Assert.True(report.Total.IsSuppressed);
        Assert.Null(report.Total.Counts);
    }

    [Fact]
    public void Chart_IsAnImageWithTitleAndDescription_AndMarksHiddenCounts()
    {
        var report = ReachReport.Build(People("WK999901", 3), ["WK999901"], new Dictionary<string, Prevalence> { ["WK999901"] = new(40, 35, 45) }, new Dictionary<string, int> { ["WK999901"] = 1000 }, 10);

        var svg = ReachChart.Render(report, code => code == "WK999901" ? "Noord & Zo" : code, "c");

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"c-title c-desc\"", svg, StringComparison.Ordinal);
        Assert.Contains("Noord &amp; Zo", svg, StringComparison.Ordinal);
        Assert.Contains("niet getoond", svg, StringComparison.Ordinal);
        Assert.Contains(">400<", svg, StringComparison.Ordinal);
    }
}
