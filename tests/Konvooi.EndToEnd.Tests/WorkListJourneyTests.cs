using Konvooi.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Konvooi.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public sealed class WorkListJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Professional_WithoutJavaScript_RemeasuresFromTheWorkListAndSeesTheChangeWithThePlanEvents()
    {
        // The demo person whose first re-measurement is due (Seeding/DemoData.cs, SeedSupportPlans).
        var person = (await DemoLookup.AllPeopleAsync(fixture.Factory.Services)).Single(p => p.FirstName == "Eelkje");
        await using var context = await fixture.NoJavaScriptTabletAsync();
        var page = await context.NewPageAsync();
        await PersonJourneyTests.SignInAsync(page, "professional@welzijn.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Werklijst", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{person.FirstName} {person.LastName}" });
        await Assertions.Expect(row.GetByText("Opnieuw meten", new() { Exact = true }).First).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = "Opnieuw meten" }).ClickAsync();
        await page.GetByLabel("Samen ingevuld (voorgelezen)").CheckAsync();
        for (var i = 1; i <= 11; i++)
        {
            await page.GetByRole(AriaRole.Group, new() { NameRegex = new($"^{i}\\. ") }).GetByLabel("nee", new() { Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en uitkomst bekijken" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Alle metingen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verandering sinds de start van het plan" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Het zegt niet waardoor dat komt.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List).Filter(new() { HasText = "Plan afgesproken" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Werklijst", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{person.FirstName} {person.LastName}" })).ToHaveCountAsync(0);
    }
}
