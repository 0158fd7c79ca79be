using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Konvooi.Features.Data;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Konvooi.EndToEnd.Tests;

/// <summary>axe (WCAG 2.0/2.1 A and AA) on every page, including forms showing their error messages.</summary>
[Collection(BrowserTests.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task EveryPage_HasNoWcag21AaViolations()
    {
        var person = await DemoLookup.PersonAsync(fixture.Factory.Services, "Welzijn Lindenhaven (demo)", responsibleIsDemoProfessional: true);
        var violations = new List<string>();

        await using (var anonymous = await fixture.ScanContextAsync())
        {
            var page = await anonymous.NewPageAsync();
            await ScanAsync(page, "/Account/Login", violations);
            await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
            await ScanAsync(page, null, violations, "login with errors");
        }

        await using (var coordinator = await fixture.ScanContextAsync())
        {
            var page = await coordinator.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "coordinator@welzijn.example");
            foreach (var url in new[]
            {
                "/", "/People", "/People?search=zzz", "/People/Create", $"/People/{person.Id}", $"/People/{person.Id}/Edit",
                $"/People/{person.Id}/Consents", $"/People/{person.Id}/AccessHistory", $"/People/{Guid.NewGuid()}", "/Account/Logout",
                $"/People/{person.Id}/Measurements", $"/People/{person.Id}/Measurements/New", $"/People/{person.Id}/Team", $"/People/{person.Id}/Conversation", $"/People/{person.Id}/Convoy", $"/People/{person.Id}/Profile",
                "/Knowledge", "/Knowledge?lang=en", "/Knowledge/Rules", "/Knowledge/Catalogue",
                "/WorkList", "/WorkList?wijk=Oost&intervention=buddy", "/Outcomes", "/Outcomes?from=2026-06-01&to=2026-01-01",
                $"/People/{(await DemoLookup.AllPeopleAsync(fixture.Factory.Services)).Single(p => p.FirstName == "Bertus").Id}/Measurements",
            })
            {
                await ScanAsync(page, url, violations);
            }

            await page.GotoAsync("/People/Create");
            await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
            await ScanAsync(page, null, violations, "create with errors");

            var buddy = await CatalogueEntryIdAsync("buddy");
            foreach (var url in new[]
            {
                "/Catalogue", "/Catalogue?cause=financial_worries&retired=true", "/Catalogue/New", $"/Catalogue/{buddy}", $"/Catalogue/{buddy}/Edit", "/Catalogue/Weights",
            })
            {
                await ScanAsync(page, url, violations);
            }

            await page.GotoAsync("/Catalogue/New");
            await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
            await ScanAsync(page, null, violations, "catalogue entry with errors");
            await page.GotoAsync("/Catalogue/Weights");
            await page.GetByLabel("Past bij een oorzaak (per oorzaak)").FillAsync("99");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gewichten opslaan" }).ClickAsync();
            await ScanAsync(page, null, violations, "weights with errors");

            foreach (var instrument in Konvooi.Domain.Questionnaires.Instruments.All)
            {
                await page.GotoAsync($"/People/{person.Id}/Measurements/New?instrument={instrument.Id}");
                await ScanAsync(page, null, violations, instrument.Id);
                await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en uitkomst bekijken" }).ClickAsync();
                await ScanAsync(page, null, violations, instrument.Id + " with errors");
            }

            foreach (var section in Konvooi.Domain.Conversations.ConversationGuide.Sections)
            {
                await ScanAsync(page, $"/People/{person.Id}/Conversation/{section.Code}", violations);
            }

            await page.GotoAsync($"/People/{person.Id}/Profile");
            // Another journey in this collection may already have drawn up this person's profile, so the
            // button reads either "Profiel opstellen" or "Profiel opnieuw opstellen …".
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Profiel (opnieuw )?opstellen") }).ClickAsync();
            await ScanAsync(page, null, violations, "profile with suggestions");

            await page.GotoAsync($"/People/{person.Id}/Measurements");
            await page.Locator("table a").First.ClickAsync();
            await ScanAsync(page, null, violations, "measurement result");

            await page.GotoAsync($"/People/{person.Id}/Measurements/New?instrument=who5");
            await page.GetByRole(AriaRole.Button, new() { Name = "Geef de tablet aan de cliënt (zelf invullen)" }).ClickAsync();
            await ScanAsync(page, null, violations, "handover questionnaire");
            await page.GetByRole(AriaRole.Button, new() { Name = "Stoppen zonder op te slaan" }).ClickAsync();
            await ScanAsync(page, null, violations, "handover unlock");
            await page.GetByLabel("Uw wachtwoord").FillAsync(Konvooi.Features.Seeding.DemoData.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Ontgrendelen" }).ClickAsync();
        }

        // Daily contact: the volunteer's view, the personal link, and the coordinator's pages.
        var reference = await DailyContactSetup.AllDayArrangementAsync(fixture.Factory.Services, "Lammert", volunteerIsMain: false);
        await using (var coordinator = await fixture.ScanContextAsync())
        {
            var page = await coordinator.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "coordinator@welzijn.example");
            var lammert = (await DemoLookup.AllPeopleAsync(fixture.Factory.Services)).Single(p => p.FirstName == "Lammert");
            foreach (var url in new[] { "/DailyContact/Dashboard", "/DailyContact/Coverage", $"/DailyContact/Slot/{reference}", $"/People/{lammert.Id}/DailyContact" })
            {
                await ScanAsync(page, url, violations);
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Afspraak opslaan" }).ClickAsync();
            await ScanAsync(page, null, violations, "daily contact arrangement with errors");
            await page.GotoAsync($"/People/{lammert.Id}/DailyContact");
            await page.GetByRole(AriaRole.Link, new() { Name = "Afspraak wijzigen" }).First.ClickAsync();
            await ScanAsync(page, null, violations, "daily contact arrangement edit");
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Bevestigingslink maken voor Toos") }).ClickAsync();
            var link = new System.Text.RegularExpressions.Regex("/DailyContact/Link/[A-Za-z0-9_-]{43}").Match(await page.ContentAsync()).Value;
            await ScanAsync(page, link, violations, "personal link page");
        }

        await using (var volunteer = await fixture.ScanContextAsync())
        {
            var page = await volunteer.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "vrijwilliger@welzijn.example");
            await ScanAsync(page, "/DailyContact/Mine", violations);
        }

        await using (var admin = await fixture.ScanContextAsync())
        {
            var page = await admin.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "beheerder@welzijn.example");
            foreach (var url in new[] { "/Admin/Users", "/Admin/Audit", "/People" })
            {
                await ScanAsync(page, url, violations);
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Axe_OnAPageWithKnownProblems_ReportsThem()
    {
        await using var context = await fixture.ScanContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<html><body><img src='x.png'><input type='text'></body></html>");

        var result = await page.RunAxe(Wcag21AA);

        Assert.Contains(result.Violations, v => v.Id == "html-has-lang");
        Assert.Contains(result.Violations, v => v.Id == "image-alt");
    }

    internal static async Task ScanAsync(IPage page, string? url, List<string> violations, string? label = null)
    {
        if (url is not null)
        {
            await page.GotoAsync(url);
        }

        var result = await page.RunAxe(Wcag21AA);
        foreach (var violation in result.Violations)
        {
            violations.Add($"{label ?? url}: {violation.Id} ({violation.Impact}) {violation.Help} — {string.Join(" | ", violation.Nodes.Select(n => n.Html).Take(3))}");
        }
    }

    private async Task<Guid> CatalogueEntryIdAsync(string code)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().CatalogueEntries
            .Where(e => e.Code == code).Select(e => e.Id).SingleAsync();
    }
}
