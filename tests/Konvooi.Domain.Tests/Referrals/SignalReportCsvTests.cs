using Konvooi.Domain.Referrals;

namespace Konvooi.Domain.Tests.Referrals;

public sealed class SignalReportCsvTests
{
    private static readonly SignalReportResult Report = new(
        10,
        [new("fysiotherapie", "2026-03", 12), new("thuiszorg", "2026-03", null)],
        [new("Onbekend", "2026-03", 10), new("WK01", "2026-03", null), new("WK02", "2026-03", null)],
        [new("not_reachable", "2026-03", 11)],
        4,
        null,
        22,
        8,
        8 / 22.0);

    [Fact]
    public void CountTables_HeaderRowsAndEmptySuppressedCells()
    {
        Assert.Equal("month,source_kind,signals\n2026-03,fysiotherapie,12\n2026-03,thuiszorg,\n", SignalReportCsv.BySourceKind(Report));
        Assert.Equal(
            "month,wijk_code,wijk_name,signals\n2026-03,,Onbekend,10\n2026-03,WK01,\"Noord, oud\",\n2026-03,WK02,WK02,\n",
            SignalReportCsv.ByWijk(Report, new Dictionary<string, string> { ["WK01"] = "Noord, oud" }));
        Assert.Equal("month,close_reason,signals\n2026-03,not_reachable,11\n", SignalReportCsv.CloseReasons(Report));
    }

    [Fact]
    public void OneRowTables_HideTheCountWithTheFigure()
    {
        // Four first contacts: too few for a median, so the count is not given either.
        Assert.Equal(
            "period_from,period_to,signals_with_first_contact,median_working_days\n2026-01-01,2026-03-31,,\n",
            SignalReportCsv.FirstContact(Report, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)));
        Assert.Equal(
            "period_from,period_to,ended_signals,ended_with_plan,share_with_plan\n2026-01-01,2026-03-31,22,8,0.36363636363636365\n",
            SignalReportCsv.PlanShare(Report, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)));
    }

    [Theory]
    [InlineData("Centrum", "Centrum")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-1", "-1")] // a number is not a formula and stays exact (issue #17, finding 10)
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@x", "'@x")]
    [InlineData("Oost\nWest", "\"Oost\nWest\"")]
    public void Text_QuotesAndDefusesFormulas(string value, string expected)
    {
        Assert.Equal(expected, SignalReportCsv.Text(value));
    }
}
