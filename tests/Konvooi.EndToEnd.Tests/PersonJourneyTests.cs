using System.Text.RegularExpressions;
using Konvooi.Features.Seeding;
using Microsoft.Playwright;

namespace Konvooi.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public sealed partial class PersonJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Coordinator_WithoutJavaScript_CreatesEditsRecordsAndWithdrawsConsentAndSeesTheTrail()
    {
        await using var context = await fixture.NoJavaScriptTabletAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "coordinator@welzijn.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe cliënt registreren" }).ClickAsync();
        await page.GetByLabel("Voornaam").FillAsync("Geertje");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Fout: Vul de achternaam in.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Voornaam")).ToHaveValueAsync("Geertje");

        await page.GetByLabel("Achternaam").FillAsync("Reisproef");
        await page.GetByLabel("Geboortedatum").FillAsync("1941-09-12");
        await page.GetByLabel("Woont alleen").CheckAsync();
        await page.GetByLabel("Postcode").FillAsync("9988 ZZ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geertje Reisproef" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("De gegevens zijn opgeslagen.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Gegevens wijzigen" }).ClickAsync();
        await page.GetByLabel("Wijk").FillAsync("De Hoven");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByText("De Hoven")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Toestemming", Exact = true }).ClickAsync();
        await page.GetByLabel("Meetellen in anonieme cijfers (monitor)").CheckAsync();
        await page.GetByLabel("Datum van toestemming").FillAsync("2026-01-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toestemming vastleggen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("De toestemming is vastgelegd.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Intrekken: Meetellen in anonieme cijfers (monitor)" }).ClickAsync();
        await Assertions.Expect(page.GetByText("De toestemming is ingetrokken.")).ToBeVisibleAsync();

        await page.GotoAsync(page.Url.Replace("/Consents", "/AccessHistory", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Toestemming ingetrokken" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Gewijzigd" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Volunteer_WithoutJavaScript_CannotOpenPersonRecords()
    {
        await using var context = await fixture.NoJavaScriptTabletAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "vrijwilliger@welzijn.example");

        var response = await page.GotoAsync("/People");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cliënten" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SkipLink_IsTheFirstThingAKeyboardReaches()
    {
        await using var context = await fixture.NoJavaScriptTabletAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await page.Keyboard.PressAsync("Tab");

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Naar de inhoud" })).ToBeFocusedAsync();
    }

    internal static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(StartPage());
    }

    [GeneratedRegex("/$")]
    private static partial Regex StartPage();
}
