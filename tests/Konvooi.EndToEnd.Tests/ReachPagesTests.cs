using System.Text;
using Microsoft.Playwright;

namespace Konvooi.EndToEnd.Tests;

/// <summary>
/// Reach against need in a real browser without JavaScript, with axe on the page and on the upload page's error state.
/// Nothing is stored (the upload has a problem), so the shared demo database stays as the other journeys expect it.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class ReachPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ReachAndUploadPages_ShowTheDemoWijken_AndHaveNoWcag21AaViolations()
    {
        var violations = new List<string>();
        await using var analyst = await fixture.ScanContextAsync();
        var page = await analyst.NewPageAsync();
        await PersonJourneyTests.SignInAsync(page, "analist@welzijn.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bereik en behoefte", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bereik en behoefte per wijk" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "De Hoven (WK999903)" })).ToBeVisibleAsync();
        await AccessibilityTests.ScanAsync(page, null, violations, "reach against need");
        await AccessibilityTests.ScanAsync(page, "/Reach?Indicator=ernstig_eenzaam&AgeGroup=18%2B", violations, "reach with choices");

        await AccessibilityTests.ScanAsync(page, "/Reach/Import", violations);
        await page.Locator("#FiguresUpload").SetInputFilesAsync(new FilePayload
        {
            Name = "cijfers.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("wijkcode;indicator;schatting;ci_laag;ci_hoog\nWK123456;eenzaam;40;35;45\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Cijfertabel uploaden" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Problemen in het bestand")).ToBeVisibleAsync();
        await AccessibilityTests.ScanAsync(page, null, violations, "figure upload with problems");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
