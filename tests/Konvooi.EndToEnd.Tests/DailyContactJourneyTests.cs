using Konvooi.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Konvooi.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public sealed class DailyContactJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Volunteer_OnAPhoneWithoutJavaScript_ConfirmsTodaysContactWithASignal()
    {
        await DailyContactSetup.AllDayArrangementAsync(fixture.Factory.Services, "Klaasje");
        await using var context = await fixture.Browser.NewContextAsync(new()
        {
            JavaScriptEnabled = false,
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 375, Height = 740 },
            IsMobile = true,
            BaseURL = fixture.BaseUrl,
        });
        var page = await context.NewPageAsync();
        await PersonJourneyTests.SignInAsync(page, "vrijwilliger@welzijn.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn contactmomenten", Exact = true }).ClickAsync();
        // Cards are in time order: the first one for Klaasje is today's (the arrangement runs every day).
        var card = page.Locator("section.slot-card", new() { Has = page.GetByText("Klaasje", new() { Exact = true }) }).First;
        await Assertions.Expect(card.GetByText("Hoe was uw dag?")).ToBeVisibleAsync();
        await card.GetByLabel("Korte notitie (mag leeg blijven)").FillAsync("Even gezellig gepraat");
        await card.GetByLabel("Erg somber").CheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Contact gemaakt" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Dank u. Het contact is vastgelegd.")).ToBeVisibleAsync();
        var confirmed = page.Locator("section.slot-card", new() { Has = page.GetByText("Klaasje", new() { Exact = true }) }).First;
        await Assertions.Expect(confirmed.GetByText("Contact gemaakt", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(confirmed.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
    }
}
