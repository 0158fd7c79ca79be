using Konvooi.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Konvooi.EndToEnd.Tests;

/// <summary>Issue #19: the demo coordinator sees today's work, opens a demo person and reads the overview (no JavaScript, axe).</summary>
[Collection(BrowserTests.Name)]
public sealed class TodayJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Coordinator_WithoutJavaScript_SeesTodaysWorkAndReadsAPersonsStory()
    {
        // The demo person with a dropout and its open follow-up (Seeding/DemoData.cs, SeedSupportPlans).
        var person = (await DemoLookup.AllPeopleAsync(fixture.Factory.Services)).Single(p => p.FirstName == "Aafke");
        var name = $"{person.FirstName} {person.LastName}";
        var violations = new List<string>();
        await using var context = await fixture.ScanContextAsync(); // axe needs script in the browser; the pages themselves have none
        var page = await context.NewPageAsync();
        await PersonJourneyTests.SignInAsync(page, "coordinator@welzijn.example");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Vandaag") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vandaag", Exact = true })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name }).First;
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "Naar het plan" })).ToBeVisibleAsync();
        await AccessibilityTests.ScanAsync(page, null, violations, "/ (coordinator)");

        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overzicht" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Laatste meting", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Aanbod in het plan" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wat er is gebeurd" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Plan afgesproken") }).First).ToBeVisibleAsync();
        await AccessibilityTests.ScanAsync(page, null, violations, "/People/{id} (coordinator)");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Theory]
    [InlineData("vrijwilliger@welzijn.example")]
    [InlineData("analist@welzijn.example")]
    public async Task StartPage_OfOtherRoles_HasNoAccessibilityViolations(string email)
    {
        var violations = new List<string>();
        await using var context = await fixture.ScanContextAsync(); // axe needs script in the browser; the pages themselves have none
        var page = await context.NewPageAsync();
        await PersonJourneyTests.SignInAsync(page, email);

        await AccessibilityTests.ScanAsync(page, "/", violations, $"/ ({email})");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
