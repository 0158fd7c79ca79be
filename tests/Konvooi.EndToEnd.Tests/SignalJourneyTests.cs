using System.Diagnostics;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        var name = $"Wim Fictief{Guid.NewGuid().ToString("N")[..6]}";

        await using (var phone = await PhoneAsync())
        {
            var page = await phone.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "signaleerder@fysio.example");
            var clock = Stopwatch.StartNew();
            await page.GetByRole(AriaRole.Link, new() { Name = "Melding doen" }).First.ClickAsync();

            // Sending an empty form shows every message beside its field.
            await page.GetByRole(AriaRole.Button, new() { Name = "Melding versturen" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Vul de naam van de persoon in.").First).ToBeVisibleAsync();

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

            await page.GotoAsync("/Signals/Advice");
            await page.GetByLabel("Uw vraag").FillAsync("Mevrouw Jansen (06-12345678) woont alleen. Hoe begin ik?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Vraag versturen" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Ik heb het gecontroleerd", new() { Exact = false })).ToBeVisibleAsync();

            // A signaller opens no person record.
            var people = await page.GotoAsync("/People");
            Assert.Equal(403, people!.Status);
        }

        await using (var tablet = await fixture.NoJavaScriptTabletAsync())
        {
            var page = await tablet.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "coordinator@welzijn.example");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Meldingen") }).First.ClickAsync();
            var item = page.Locator("tr", new() { HasText = name });
            await Assertions.Expect(item).ToContainTextAsync("Fysiotherapie De Brug (demo)");
            await item.GetByRole(AriaRole.Link).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Afsluiten" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Aannemen" }).ClickAsync();
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
    }

    /// <summary>axe (WCAG 2.1 AA) on every signal and intake page, with their error states. axe needs JavaScript, so it runs in a scan context.</summary>
    [Fact]
    public async Task SignalAndIntakePages_HaveNoWcag21AaViolations()
    {
        var violations = new List<string>();
        await using (var anonymous = await fixture.ScanContextAsync())
        {
            var page = await anonymous.NewPageAsync();
            await AccessibilityTests.ScanAsync(page, "/Signals/Info", violations, "public signal page");
        }

        await using (var signaller = await fixture.ScanContextAsync())
        {
            var page = await signaller.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "signaleerder@fysio.example");
            await AccessibilityTests.ScanAsync(page, "/", violations, "signaller start page");
            await AccessibilityTests.ScanAsync(page, "/Signals/New", violations);
            await page.GetByRole(AriaRole.Button, new() { Name = "Melding versturen" }).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "signal form with errors");
            await AccessibilityTests.ScanAsync(page, "/Signals/Mine", violations);
            await AccessibilityTests.ScanAsync(page, "/Signals/Advice", violations);
            await page.GetByLabel("Uw vraag").FillAsync("Meneer de Vries (06-12345678) woont alleen. Hoe begin ik?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Vraag versturen" }).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "advice request with warning");
        }

        await using (var coordinator = await fixture.ScanContextAsync())
        {
            var page = await coordinator.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "coordinator@welzijn.example");
            await AccessibilityTests.ScanAsync(page, "/Intake", violations);
            await AccessibilityTests.ScanAsync(page, "/Intake?ended=true", violations);
            // The demo signal whose name and date of birth match a client: the accept page shows the duplicate check.
            await page.GotoAsync("/Intake");
            var itemLinks = await page.Locator("tbody tr td:first-child a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            foreach (var href in itemLinks.Take(3))
            {
                await AccessibilityTests.ScanAsync(page, href, violations);
                if (await page.GetByRole(AriaRole.Link, new() { Name = "Aannemen", Exact = true }).CountAsync() > 0)
                {
                    await AccessibilityTests.ScanAsync(page, href + "/Accept", violations);
                    await page.GetByRole(AriaRole.Button, new() { Name = "Nieuw dossier maken en aannemen" }).ClickAsync();
                    await AccessibilityTests.ScanAsync(page, null, violations, "accept form with errors");
                }
            }

            await page.GotoAsync(itemLinks[0]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Afsluiten" }).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "intake item with errors");
        }

        await using (var professional = await fixture.ScanContextAsync())
        {
            var page = await professional.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "professional@welzijn.example");
            await AccessibilityTests.ScanAsync(page, "/Intake", violations, "professional's intake list");
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>axe on the referral pages (list, form, form with errors, form without consent) and the receiver's view.</summary>
    [Fact]
    public async Task ReferralPages_HaveNoWcag21AaViolations()
    {
        Guid withConsent, withoutConsent, referralId;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            withConsent = await db.Consents.IgnoreQueryFilters().Where(c => c.Purpose == ConsentPurpose.SharingByReferral).Select(c => c.PersonId).FirstAsync();
            var professional = await db.Users.Where(u => u.Email == "professional@welzijn.example").Select(u => u.Id).SingleAsync();
            withoutConsent = await db.People.IgnoreQueryFilters()
                .Where(p => p.ResponsibleProfessionalId == professional && !db.Consents.IgnoreQueryFilters().Any(c => c.PersonId == p.Id && c.Purpose == ConsentPurpose.SharingByReferral))
                .Select(p => p.Id).FirstAsync();
            referralId = await db.Signals.IgnoreQueryFilters().Where(s => s.Source == SignalSource.Referral && s.SourcePersonId != null).Select(s => s.Id).FirstAsync();
        }

        var violations = new List<string>();
        await using (var professional = await fixture.ScanContextAsync())
        {
            var page = await professional.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "professional@welzijn.example");
            await AccessibilityTests.ScanAsync(page, $"/People/{withConsent}/Referrals", violations);
            await AccessibilityTests.ScanAsync(page, $"/People/{withConsent}/Referrals/New", violations);
            await page.GetByRole(AriaRole.Button, new() { Name = "Verwijzing versturen" }).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "referral form with errors");
            await AccessibilityTests.ScanAsync(page, $"/People/{withoutConsent}/Referrals/New", violations, "referral form without consent");
        }

        await using (var receiver = await fixture.ScanContextAsync())
        {
            var page = await receiver.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "coordinator@zorg.example");
            await AccessibilityTests.ScanAsync(page, "/Intake", violations, "receiver's intake list with a referral");
            await AccessibilityTests.ScanAsync(page, $"/Intake/{referralId}", violations, "referral in the receiver's intake");
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>
    /// The signal reports: an analyst on a tablet without JavaScript finds them in the navigation, chooses months and
    /// downloads a table; axe (WCAG 2.1 AA) on the page for the analyst and for the lead organisation's coordinator,
    /// with the coalition chosen and with wrong months.
    /// </summary>
    [Fact]
    public async Task SignalReports_WorkWithoutJavaScript_AndHaveNoWcag21AaViolations()
    {
        await using (var tablet = await fixture.NoJavaScriptTabletAsync())
        {
            var page = await tablet.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "analist@welzijn.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "Meldingen in cijfers" }).First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meldingen in cijfers", Level = 1 })).ToBeVisibleAsync();
            var today = DateTime.UtcNow;
            var last = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-5);
            await page.GetByLabel("Eerste maand").FillAsync(last.AddMonths(-2).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Laatste maand").FillAsync(last.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Cijfers tonen" }).ClickAsync();
            var table = page.GetByRole(AriaRole.Table, new() { Name = "Meldingen per soort organisatie en maand", Exact = false });
            await Assertions.Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Zorgaanbieder" })).ToBeVisibleAsync();
            Assert.Equal(3, await table.Locator("tbody tr").CountAsync());
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download als CSV: meldingen per wijk" }).ClickAsync());
            Assert.StartsWith("meldingen-per-wijk-", download.SuggestedFilename, StringComparison.Ordinal);
        }

        var violations = new List<string>();
        await using (var analyst = await fixture.ScanContextAsync())
        {
            var page = await analyst.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "analist@welzijn.example");
            await AccessibilityTests.ScanAsync(page, "/", violations, "analyst start page");
            await AccessibilityTests.ScanAsync(page, "/Reports/Signals", violations);
        }

        await using (var coordinator = await fixture.ScanContextAsync())
        {
            var page = await coordinator.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "coordinator@welzijn.example");
            await AccessibilityTests.ScanAsync(page, "/Reports/Signals?Scope=coalition", violations);
            await AccessibilityTests.ScanAsync(page, "/Reports/Signals?From=maart&To=2026-01", violations, "signal reports with errors");
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
