using System.Text;
using Microsoft.Playwright;

namespace Konvooi.EndToEnd.Tests;

/// <summary>
/// The routing pages in a real browser without JavaScript, with axe on each page and on its error state. Nothing is
/// stored (every form is sent with a problem), so the shared demo database stays as the other journeys expect it.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class RoutingPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task RoutingWijkenAndCoalitionPages_HaveNoWcag21AaViolations()
    {
        var violations = new List<string>();
        await using (var coordinator = await fixture.ScanContextAsync())
        {
            var page = await coordinator.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "coordinator@welzijn.example");
            await AccessibilityTests.ScanAsync(page, "/Routing", violations);
            await AccessibilityTests.ScanAsync(page, "/Routing?Postcode=9901+AB&Wijk=WK999903", violations, "routing explanation");
            await AccessibilityTests.ScanAsync(page, "/Routing?Postcode=12", violations, "routing explanation with an error");

            await page.GotoAsync("/Routing");
            await page.GetByLabel("Van postcode").FillAsync("9940");
            await page.GetByLabel("Tot en met postcode (leeg voor één postcode)").FillAsync("9960");
            await page.GetByRole(AriaRole.Button, new() { Name = "Regel toevoegen" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Kies de organisatie die de meldingen krijgt.").First).ToBeVisibleAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "new rule with errors");

            await page.GotoAsync("/Routing");
            await page.GetByRole(AriaRole.Link, new() { Name = "Regel 1 wijzigen of verwijderen" }).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "edit rule");
            // A wijk and a postcode together are refused, whichever demo rule is the first.
            await page.GetByLabel("Wijk", new() { Exact = true }).SelectOptionAsync("WK999901");
            await page.GetByLabel("Van postcode").FillAsync("1000");
            await page.GetByRole(AriaRole.Button, new() { Name = "Wijziging opslaan" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Kies een wijk óf vul postcodes in, niet allebei.").First).ToBeVisibleAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "edit rule with errors");

            await AccessibilityTests.ScanAsync(page, "/Routing/Wijken", violations);
            await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = "wijken.csv",
                MimeType = "text/csv",
                Buffer = Encoding.UTF8.GetBytes("code;naam\nWK12;Kort\nWK999902;\n"),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Wijkenlijst vervangen" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Problemen in het bestand")).ToBeVisibleAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "wijk upload with problems");
        }

        await using (var partner = await fixture.ScanContextAsync())
        {
            var page = await partner.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "coordinator@zorg.example");
            await AccessibilityTests.ScanAsync(page, "/Routing", violations, "routing read by a partner");
        }

        await using (var admin = await fixture.ScanContextAsync())
        {
            var page = await admin.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "beheerder@welzijn.example");
            await AccessibilityTests.ScanAsync(page, "/Admin/Coalition", violations);
            await page.GetByLabel("Penvoerder", new() { Exact = true }).SelectOptionAsync(string.Empty);
            await page.GetByRole(AriaRole.Button, new() { Name = "Penvoerder opslaan" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Kies de organisatie die penvoerder wordt.").First).ToBeVisibleAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "lead form with errors");
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
