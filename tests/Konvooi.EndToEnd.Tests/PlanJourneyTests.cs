using System.Globalization;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Konvooi.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public sealed class PlanJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Professional_WithoutJavaScript_ChoosesWithThePersonAgreesAPlanAndRecordsADropoutThatLandsOnTheWorkList()
    {
        // Another journey in this app may take the first person without a plan; this one takes the last.
        var person = await DemoLookup.PersonWithoutPlanAsync(fixture.Factory.Services, last: true);
        var (personId, personName) = (person.Id, $"{person.FirstName} {person.LastName}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using (var context = await fixture.NoJavaScriptTabletAsync())
        {
            var page = await context.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "professional@welzijn.example");

            await page.GotoAsync($"/People/{personId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Profiel", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Profiel (opnieuw )?opstellen") }).ClickAsync();
            var first = page.Locator("input[name='Choice.Chosen']").First;
            var interventionId = await first.GetAttributeAsync("value");
            await first.CheckAsync();
            await page.GetByLabel("Waarom kiest u hiervoor?").FillAsync("Meneer wil graag één vast persoon.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Keuze vastleggen en plan maken" }).ClickAsync();

            await Assertions.Expect(page.GetByText("Uw keuze is vastgelegd. Maak nu samen het plan.")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"input[name='Plan.Interventions'][value='{interventionId}']")).ToBeCheckedAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Plan vastleggen" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Controleer wat u heeft ingevuld")).ToBeVisibleAsync();

            await page.GetByLabel("Doel 1", new() { Exact = true }).FillAsync("Eén keer per week iemand spreken die ik vertrouw");
            await page.GetByLabel("Afgesproken met").FillAsync("meneer zelf");
            await page.GetByRole(AriaRole.Button, new() { Name = "Plan vastleggen" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Het plan is vastgelegd.")).ToBeVisibleAsync();

            foreach (var (state, reason) in new[] { ("aangemeld", (string?)null), ("gestart", null), ("voortijdig gestopt", "voelde zich er niet thuis") })
            {
                var form = page.Locator("form.step-form").First;
                await form.GetByLabel("Wat is er gebeurd?").SelectOptionAsync(new SelectOptionValue { Label = state });
                await form.GetByLabel("Op welke datum?").FillAsync(today);
                if (reason is not null)
                {
                    await form.GetByLabel("Reden (alleen bij").SelectOptionAsync(new SelectOptionValue { Label = reason });
                }

                await form.GetByRole(AriaRole.Button, new() { Name = "Stap vastleggen" }).ClickAsync();
                await Assertions.Expect(page.GetByText("De stap is vastgelegd.")).ToBeVisibleAsync();
            }

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Opvolging" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Contact opnemen vóór")).ToBeVisibleAsync();

            // The follow-up is on the professional's work list, linked to the person.
            await page.GetByRole(AriaRole.Link, new() { Name = "Werklijst" }).First.ClickAsync();
            var row = page.Locator("tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = personName, Exact = true }) });
            await Assertions.Expect(row.Filter(new() { HasText = "Opvolgen" })).ToHaveCountAsync(1);

            // The intervention the person left because it did not fit is not suggested again (RK-5).
            await page.GotoAsync($"/People/{personId}/Profile");
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Suggesties (opnieuw )?zoeken") }).ClickAsync();
            await Assertions.Expect(page.Locator("input[name='Choice.Chosen']").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"input[name='Choice.Chosen'][value='{interventionId}']")).ToHaveCountAsync(0);
        }

        var violations = new List<string>();
        await using (var scan = await fixture.ScanContextAsync())
        {
            var page = await scan.NewPageAsync();
            await PersonJourneyTests.SignInAsync(page, "professional@welzijn.example");
            await AccessibilityTests.ScanAsync(page, $"/People/{personId}/Plan", violations);
            await AccessibilityTests.ScanAsync(page, $"/People/{personId}/Plan/Edit", violations);
            await page.GetByLabel("Doel 1", new() { Exact = true }).FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe versie vastleggen" }).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "plan edit with errors");
            await page.GotoAsync($"/People/{personId}/Plan");
            await page.GetByRole(AriaRole.Button, new() { Name = "Opvolging afronden" }).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "follow-up with errors");
            await page.GotoAsync($"/People/{personId}/Profile");
            await page.GetByRole(AriaRole.Button, new() { Name = "Keuze vastleggen en plan maken" }).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "profile choice with errors");
            await AccessibilityTests.ScanAsync(page, $"/People/{personId}/Plan/New", violations);
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
