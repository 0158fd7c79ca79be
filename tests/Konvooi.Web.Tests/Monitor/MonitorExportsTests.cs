using System.IO.Compression;
using System.Text;
using Konvooi.Web.Pages.Monitor;

namespace Konvooi.Web.Tests.Monitor;

/// <summary>Formula injection (issue #17, finding 10) in the web monitor's CSV and XLSX downloads.</summary>
public sealed class MonitorExportsTests
{
    private static readonly IReadOnlyList<IReadOnlyList<object?>> Rows =
    [
        ["table", "wijk", "estimate"],
        ["wijk", "=HYPERLINK(\"http://x\")", -0.25],
        ["wijk", "-12", -1.5],
        ["wijk", "@noord", 0.5],
    ];

    [Fact]
    public void Csv_FormulaLikeText_Neutralised_NumbersExact()
    {
        var csv = Encoding.UTF8.GetString(MonitorExports.Csv(Rows));

        Assert.Equal("table,wijk,estimate\nwijk,\"'=HYPERLINK(\"\"http://x\"\")\",-0.25\nwijk,-12,-1.5\nwijk,'@noord,0.5\n", csv);
    }

    [Fact]
    public void Xlsx_FormulaLikeText_MarkedAsText_NumbersExact()
    {
        using var zip = new ZipArchive(new MemoryStream(MonitorExports.Xlsx([("Schattingen", Rows)])));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = sheet.ReadToEnd();
        using var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open());

        Assert.Contains("<c r=\"B2\" t=\"inlineStr\" s=\"1\"><is><t>=HYPERLINK(\"http://x\")</t></is></c>", xml.Replace("&quot;", "\"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<c r=\"C2\"><v>-0.25</v></c>", xml, StringComparison.Ordinal);
        Assert.Contains("<c r=\"B4\" t=\"inlineStr\" s=\"1\">", xml, StringComparison.Ordinal);
        Assert.Contains("<c r=\"B3\" t=\"inlineStr\"><is><t>-12</t>", xml, StringComparison.Ordinal);
        Assert.Contains("quotePrefix=\"1\"", styles.ReadToEnd(), StringComparison.Ordinal);
    }
}
