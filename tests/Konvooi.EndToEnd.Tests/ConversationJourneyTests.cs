using Konvooi.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Konvooi.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public sealed class ConversationJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Professional_WithoutJavaScript_GoesThroughTheWholeConversationDrawsTheConvoyMapAndDrawsUpTheProfile()
    {
        var person = await DemoLookup.PersonAsync(fixture.Factory.Services, "Welzijn Lindenhaven (demo)", responsibleIsDemoProfessional: true);
        await using var context = await fixture.NoJavaScriptTabletAsync();
        var page = await context.NewPageAsync();
        await PersonJourneyTests.SignInAsync(page, "professional@welzijn.example");

        await page.GotoAsync($"/People/{person.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Goed gesprek" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Dagelijks leven en ritme", Exact = true }).ClickAsync();
        await page.GetByLabel("een beetje").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Dit onderdeel is opgeslagen.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("een beetje")).ToBeCheckedAsync();

        // Through the whole guide: every section opens from the overview, takes a first answer where it has a
        // choice, and saves without JavaScript.
        foreach (var section in Konvooi.Domain.Conversations.ConversationGuide.Sections)
        {
            await page.GotoAsync($"/People/{person.Id}/Conversation");
            await page.GetByRole(AriaRole.Link, new() { Name = section.Title, Exact = true }).ClickAsync();
            var firstChoice = page.Locator("main input[type=radio], main input[type=checkbox]").First;
            if (await firstChoice.CountAsync() > 0)
            {
                await firstChoice.CheckAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Dit onderdeel is opgeslagen.")).ToBeVisibleAsync();
        }

        await page.GotoAsync($"/People/{person.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Konvooikaart" }).ClickAsync();
        await page.GetByLabel("Voornaam of rol").FillAsync("Buurvrouw Els");
        await page.GetByLabel("Wie is dit voor de cliënt?").SelectOptionAsync("neighbour");
        await page.GetByRole(AriaRole.Group, new() { Name = "In welke cirkel?" }).GetByLabel("dichtbij", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Hoe vaak is er contact?" }).GetByLabel("elke dag").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan de kaart" }).ClickAsync();

        await Assertions.Expect(page.GetByText("De persoon staat op de kaart.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Buurvrouw Els", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg[role=img]")).ToHaveCountAsync(1);

        await page.GotoAsync($"/People/{person.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Profiel", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Profiel (opnieuw )?opstellen") }).ClickAsync();
        await Assertions.Expect(page.GetByText("Het profiel is opgesteld met de nieuwste gegevens.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wat zou kunnen passen" })).ToBeVisibleAsync();
    }
}
