using System.Diagnostics;
using Microsoft.Playwright;

namespace Konvooi.EndToEnd.Tests;

/// <summary>
/// The closed loop of a signal, in a real browser without JavaScript, with axe on every page it passes: the demo
/// signaller signals on a phone, the welfare coordinator accepts and assigns the demo professional, the professional
/// records the first contact, and the signaller sees "Contact gemaakt".
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class SignalJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Signaller_OnAPhone_SignalsInUnderTwoMinutes_AndHearsBackAfterFirstContact()
    {
        var violations = new List<string>();
        var name = $"Wim Fictief{Guid.NewGuid().ToString("N")[..6]}";

        await using (var phone = await PhoneAsync())
        {
            var page = await phone.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "signaleerder@fysio.example");
            await AccessibilityTests.ScanAsync(page, null, violations, "signaller start page");
            var clock = Stopwatch.StartNew();
            await page.GetByRole(AriaRole.Link, new() { Name = "Melding doen" }).First.ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "signal form");

            // Sending an empty form shows every message beside its field.
            await page.GetByRole(AriaRole.Button, new() { Name = "Melding versturen" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Vul de naam van de persoon in.").First).ToBeVisibleAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "signal form with errors");

            await page.GetByLabel("Naam").FillAsync(name);
            await page.GetByLabel("Leeftijd (als u de geboortedatum niet weet)").FillAsync("83");
            await page.GetByLabel("Straat en huisnummer").FillAsync("Lindelaan 7");
            await page.GetByLabel("Postcode").FillAsync("9912 ZZ");
            await page.GetByLabel("Woont alleen en krijgt weinig bezoek").CheckAsync();
            await page.GetByLabel("Is gestopt met activiteiten", new() { Exact = false }).CheckAsync();
            await page.GetByLabel("Gewoon").CheckAsync();
            await page.GetByLabel("Ja, dat heb ik gevraagd en de persoon vindt het goed").CheckAsync();
            await page.GetByLabel("De persoon vindt het goed dat ik hoor hoe het afloopt").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Melding versturen" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Uw melding is verstuurd.", new() { Exact = false })).ToBeVisibleAsync();
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"sending took {clock.Elapsed}");
            var row = page.Locator("tr", new() { HasText = name });
            await Assertions.Expect(row.GetByText("Ontvangen")).ToBeVisibleAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "my signals");

            await page.GotoAsync("/Signals/Advice");
            await page.GetByLabel("Uw vraag").FillAsync("Mevrouw Jansen (06-12345678) woont alleen. Hoe begin ik?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Vraag versturen" }).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "advice request with warning");
            await Assertions.Expect(page.GetByLabel("Ik heb het gecontroleerd", new() { Exact = false })).ToBeVisibleAsync();

            // A signaller opens no person record.
            var people = await page.GotoAsync("/People");
            Assert.Equal(403, people!.Status);
        }

        await using (var anonymous = await fixture.ScanContextAsync())
        {
            var page = await anonymous.NewPageAsync();
            await AccessibilityTests.ScanAsync(page, "/Signals/Info", violations, "public signal page");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Eenzaamheid opmerken en bespreken" })).ToBeVisibleAsync();
        }

        await using (var tablet = await fixture.NoJavaScriptTabletAsync())
        {
            var page = await tablet.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "coordinator@welzijn.example");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Meldingen") }).First.ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "intake queue");
            var item = page.Locator("tr", new() { HasText = name });
            await Assertions.Expect(item).ToContainTextAsync("Fysiotherapie De Brug (demo)");
            await item.GetByRole(AriaRole.Link).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "intake item");
            await page.GetByRole(AriaRole.Button, new() { Name = "Afsluiten" }).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "intake item with errors");
            await page.GetByRole(AriaRole.Link, new() { Name = "Aannemen" }).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "accept form");
            await page.GetByLabel("Geboortedatum").FillAsync("1943-02-01");
            await page.GetByLabel("Woont alleen", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Verantwoordelijke medewerker").SelectOptionAsync(new SelectOptionValue { Label = "Demo professional (Welzijn)" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Nieuw dossier maken en aannemen" }).ClickAsync();
            await Assertions.Expect(page.GetByText("De melding is aangenomen en de medewerker is toegewezen.")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Demo professional (Welzijn)");
        }

        await using (var tablet = await fixture.NoJavaScriptTabletAsync())
        {
            var page = await tablet.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "professional@welzijn.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Meldingen", Exact = true }).First.ClickAsync();
            await page.Locator("tr", new() { HasText = name }).GetByRole(AriaRole.Link).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "assigned intake item");
            await page.GetByRole(AriaRole.Button, new() { Name = "Eerste contact vastleggen" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Het eerste contact is vastgelegd.")).ToBeVisibleAsync();
        }

        await using (var phone = await PhoneAsync())
        {
            var page = await phone.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "signaleerder@fysio.example");
            await page.GotoAsync("/Signals/Mine");
            await Assertions.Expect(page.Locator("tr", new() { HasText = name })).ToContainTextAsync("Contact gemaakt");
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private Task<IBrowserContext> PhoneAsync() => fixture.Browser.NewContextAsync(new()
    {
        JavaScriptEnabled = false,
        Locale = "nl-NL",
        ViewportSize = new ViewportSize { Width = 375, Height = 740 },
        IsMobile = true,
        BaseURL = fixture.BaseUrl,
    });
}
