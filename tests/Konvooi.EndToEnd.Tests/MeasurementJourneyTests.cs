using Konvooi.Features.Seeding;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Konvooi.EndToEnd.Tests;

[Collection(BrowserTests.Name)]
public sealed class MeasurementJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Professional_WithoutJavaScript_AdministersDjg11AndSeesTheResultAndHistory()
    {
        var person = await DemoLookup.PersonAsync(fixture.Factory.Services, "Welzijn Lindenhaven (demo)", responsibleIsDemoProfessional: true);
        await using var context = await fixture.NoJavaScriptTabletAsync();
        var page = await context.NewPageAsync();
        await PersonJourneyTests.SignInAsync(page, "professional@welzijn.example");

        await page.GotoAsync($"/People/{person.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Metingen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe meting" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "De Jong Gierveld eenzaamheidsschaal (11 vragen)" }).ClickAsync();
        await page.GetByLabel("Samen ingevuld (voorgelezen)").CheckAsync();
        for (var i = 1; i <= 10; i++)
        {
            await page.GetByRole(AriaRole.Group, new() { NameRegex = QuestionName(i) }).GetByLabel("min of meer").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en uitkomst bekijken" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Fout: Kies een antwoord bij vraag 11, of ‘Wil ik niet zeggen’.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Group, new() { NameRegex = QuestionName(11) }).GetByLabel("Wil ik niet zeggen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en uitkomst bekijken" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uitkomst: De Jong Gierveld eenzaamheidsschaal (11 vragen)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Een hulpmiddel om over te praten, geen diagnose.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("sterk eenzaam", new() { Exact = true })).ToBeVisibleAsync(); // 10 of 10 answered items lonely
        await page.GetByRole(AriaRole.Link, new() { Name = "Alle metingen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "De Jong Gierveld eenzaamheidsschaal (11 vragen): totaalscore door de tijd (van 0 tot 11)" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task HandoverMode_WithoutJavaScript_ShowsOnlyTheQuestionnaireUntilTheProfessionalSignsInAgain()
    {
        var person = await DemoLookup.PersonAsync(fixture.Factory.Services, "Welzijn Lindenhaven (demo)", responsibleIsDemoProfessional: true);
        await using var context = await fixture.NoJavaScriptTabletAsync();
        var page = await context.NewPageAsync();
        await PersonJourneyTests.SignInAsync(page, "professional@welzijn.example");

        await page.GotoAsync($"/People/{person.Id}/Measurements/New?instrument=djg6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Geef de tablet aan de cliënt (zelf invullen)" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Handover$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText(person.LastName)).ToHaveCountAsync(0);

        await page.GotoAsync($"/People/{person.Id}");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Handover$"));

        for (var i = 1; i <= 6; i++)
        {
            await page.GetByRole(AriaRole.Group, new() { NameRegex = QuestionName(i) }).GetByLabel("nee", new() { Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Klaar, antwoorden opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dank u wel!" })).ToBeVisibleAsync();
        await page.GetByLabel("Uw wachtwoord").FillAsync("Niet-goed-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ontgrendelen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Fout: Dit wachtwoord klopt niet.")).ToBeVisibleAsync();
        await page.GetByLabel("Uw wachtwoord").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ontgrendelen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uitkomst: De Jong Gierveld eenzaamheidsschaal (6 vragen)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Zelf ingevuld op de tablet", new() { Exact = false })).ToBeVisibleAsync();
    }

    private static System.Text.RegularExpressions.Regex QuestionName(int number) => new($"^{number}\\. ");
}
