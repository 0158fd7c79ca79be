using Microsoft.Playwright;

namespace Konvooi.EndToEnd.Tests;

/// <summary>
/// The analyst's monitor in a real browser without JavaScript (issue "Analytics in the browser", done-when): download the
/// demo survey, upload it (which leads on to the mapping), take the proposed mapping, wait on the status page (it refreshes itself with a meta refresh),
/// and read prevalence by wijk and age group with intervals, the trend chart, the contrast sentence and the XLSX download,
/// then send the wijk figures to reach against need;
/// axe on every page of the way.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class MonitorJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Analyst_UploadsTheDemoSurvey_AndGetsTablesChartsAContrastAndXlsx()
    {
        var violations = new List<string>();
        await using var context = await fixture.ScanContextAsync();
        var page = await context.NewPageAsync();
        await PersonJourneyTests.SignInAsync(page, "analist@welzijn.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Monitor", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Monitor: cijfers uit enquêtes", Level = 1 })).ToBeVisibleAsync();
        await AccessibilityTests.ScanAsync(page, null, violations, "monitor start");

        // The demo file, as an analyst would download it and upload it again.
        var demo = await context.APIRequest.GetAsync("/Monitor?handler=DemoFile");
        Assert.True(demo.Ok, $"demo file: HTTP {demo.Status}");
        var bytes = await demo.BodyAsync();
        Assert.True(bytes.Length > 100_000, "the demo survey holds about 20,000 respondents");

        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "mijn-enquete.csv", MimeType = "text/csv", Buffer = bytes });
        await page.GetByLabel("Naam van de enquête (optioneel)").FillAsync("Eigen upload");
        await page.GetByRole(AriaRole.Button, new() { Name = "Uploaden" }).ClickAsync();

        // An upload goes straight on to choosing the columns.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kolommen kiezen voor mijn-enquete.csv" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "De eerste 20 regels" })).ToBeVisibleAsync();
        await AccessibilityTests.ScanAsync(page, null, violations, "mapping");

        await page.GetByRole(AriaRole.Button, new() { Name = "Berekenen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Berekening op mijn-enquete.csv" })).ToBeVisibleAsync();
        await AccessibilityTests.ScanAsync(page, null, violations, "job status");

        // The status page reloads itself every three seconds until the job is done.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "alle uitkomsten als Excel (XLSX)" }))
            .ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("h2", new() { HasTextString = "Vergelijking" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("procentpunt").First).ToBeVisibleAsync();
        Assert.True(await page.Locator("svg[role=img]").CountAsync() >= 2, "a bar chart and a trend chart");
        Assert.True(await page.Locator("table").CountAsync() >= 3, "tables beside the charts");
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains("age_group", text, StringComparison.Ordinal);
        Assert.Contains("wijk", text, StringComparison.Ordinal);
        await AccessibilityTests.ScanAsync(page, null, violations, "results");

        var href = await page.GetByRole(AriaRole.Link, new() { Name = "alle uitkomsten als Excel (XLSX)" }).GetAttributeAsync("href");
        var xlsx = await context.APIRequest.GetAsync(href!);
        Assert.True(xlsx.Ok, $"xlsx: HTTP {xlsx.Status}");
        var body = await xlsx.BodyAsync();
        Assert.True(body.Length > 1000 && body[0] == (byte)'P' && body[1] == (byte)'K', "an XLSX file is a zip archive");

        // The wijk figures of the latest wave go to reach against need as a figure table (docs/reach.md).
        await page.GetByRole(AriaRole.Link, new() { Name = "Zet de cijfers per wijk naast het bereik van de coalitie" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cijfers naar bereik en behoefte", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Welke wave?").First).ToHaveValueAsync("2024");
        await AccessibilityTests.ScanAsync(page, null, violations, "monitor to reach");
        await page.GetByRole(AriaRole.Button, new() { Name = "Naar bereik en behoefte" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "De cijfers staan nu bij bereik en behoefte" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("option[selected]", new() { HasTextString = "(monitor)" })).ToHaveCountAsync(1);
        Assert.Contains("Centrum", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
