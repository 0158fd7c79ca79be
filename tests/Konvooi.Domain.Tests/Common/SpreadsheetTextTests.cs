using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Matching.Hsds;

namespace Konvooi.Domain.Tests.Common;

/// <summary>Formula injection (issue #17, finding 10; OWASP "CSV Injection"): text cells that start like a formula are
/// neutralised, numbers stay exact, and our own readers give the text back.</summary>
public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31 6 1234", "'+31 6 1234")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("'=x", "''=x")]
    [InlineData("''-x", "'''-x")]
    [InlineData("-", "'-")]
    [InlineData("plain", "plain")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("", "")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("-3", "-3")]
    [InlineData("+1e-5", "+1e-5")]
    [InlineData("a=b", "a=b")]
    public void Neutralise_FormulaLikeText_GetsAnApostrophe_NumbersStay(string value, string expected)
    {
        Assert.Equal(expected, SpreadsheetText.Neutralise(value));
        Assert.Equal(value, SpreadsheetText.Restore(SpreadsheetText.Neutralise(value)));
        Assert.Equal(value, System.Text.Encoding.UTF8.GetString(SpreadsheetText.Restore(System.Text.Encoding.UTF8.GetBytes(SpreadsheetText.Neutralise(value)))));
    }

    [Fact]
    public void InterventionOutcomesCsv_FormulaLikeId_IsNeutralised()
    {
        var csv = Konvooi.Domain.Support.InterventionOutcomes.CsvRow(new Konvooi.Domain.Support.InterventionOutcome
        {
            InterventionId = "=HYPERLINK(\"x\")",
            MinN = 5,
            Referred = null,
            Started = null,
            Completed = null,
            Declined = null,
            NeverStarted = null,
            DroppedOut = null,
            DroppedOutByReason = [],
            WaitingN = null,
            MedianWaitingDays = null,
            Pairs = null,
            MeanChange = -1.5,
            CiLow = -2.25,
            CiHigh = null,
        });

        Assert.StartsWith("\"'=HYPERLINK(\"\"x\"\")\",5,", csv, StringComparison.Ordinal);
        Assert.Contains(",-1.5,-2.25,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void HsdsTabular_FormulaLikeText_NeutralisedAndRoundTrips()
    {
        var buddy = InterventionCatalogue.Starter.Find("buddy")! with
        {
            Id = "buddy-formula",
            Provider = "=cmd|' /C calc'!A0",
            Schedule = "- elke week",
            Contact = "@maatjes",
            CostEuros = 2.5m,
        };
        var catalogue = new InterventionCatalogue("local-8", [.. InterventionCatalogue.Starter.Interventions, buddy]);

        var files = HsdsCatalogue.ExportTabular(catalogue);
        var imported = HsdsCatalogue.ImportTabular(files);

        Assert.DoesNotContain(files.Values, text => text.Split('\n').Any(line => line.Split(',').Any(cell => cell.StartsWith('=') || cell.StartsWith('@') || cell.StartsWith("- ", StringComparison.Ordinal))));
        Assert.Contains(files.Values, text => text.Contains(",'=cmd|", StringComparison.Ordinal) || text.Contains("\"'=cmd|", StringComparison.Ordinal));
        var ok = Assert.IsType<ReadResult<InterventionCatalogue>.Success>(imported);
        Assert.Equal(CatalogueJson.Write(catalogue), CatalogueJson.Write(ok.Value));
    }
}
