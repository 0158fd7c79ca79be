using System.Globalization;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Konvooi.EndToEnd.Tests;

/// <summary>
/// Issue #16 without JavaScript on a tablet, with axe: a DJG-11 with two "wil ik niet zeggen" answers shows the
/// uncertainty and the judgement form; a WHO-5 of 6 shows the mood referral; a "yes" to the death-wish question puts
/// the safety panel first; a 79-year-old who lost her partner ten months ago and just moved, judged not lonely, gets
/// prevention suggestions; removing the closest person from the convoy map puts up a work-list item.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AssessmentJourneyTests(BrowserFixture fixture)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Professional_SeesUncertaintySafetyAndPrevention_AndAConvoyLossLandsOnTheWorkList()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var personId = await NewPersonAsync(today.AddYears(-79).AddDays(-20));
        var violations = new List<string>();
        await using (var context = await fixture.NoJavaScriptTabletAsync())
        {
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            await PersonJourneyTests.SignInAsync(page, "professional@welzijn.example");

            // DJG-11 with two "wil ik niet zeggen": total 2 of 9, at worst 4 (items 2 and 3 score; 1 and 5 declined).
            await page.GotoAsync($"/People/{personId}/Measurements/New?instrument=djg11");
            var answers = new[] { "decline", "ja", "ja", "ja", "decline", "nee", "ja", "ja", "nee", "nee", "ja" };
            for (var i = 0; i < answers.Length; i++)
            {
                await page.Locator($"#q-djg11-{i + 1}-{answers[i]}").CheckAsync();
            }

            await page.Locator("#mode-FaceToFace").CheckAsync();
            await page.GetByLabel("Datum van de meting").FillAsync(Iso(today));
            await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en uitkomst bekijken" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Niet zeker: tussen niet eenzaam en matig eenzaam.")).ToBeVisibleAsync();

            // WHO-5 raw 6 (likely depression): 2 + 1 + 1 + 1 + 1.
            await page.GotoAsync($"/People/{personId}/Measurements/New?instrument=who5");
            var who5 = new[] { "less_than_half", "some_of_the_time", "some_of_the_time", "some_of_the_time", "some_of_the_time" };
            for (var i = 0; i < who5.Length; i++)
            {
                await page.Locator($"#q-who5-{i + 1}-{who5[i]}").CheckAsync();
            }

            await page.Locator("#mode-FaceToFace").CheckAsync();
            await page.GetByLabel("Datum van de meting").FillAsync(Iso(today));
            await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en uitkomst bekijken" }).ClickAsync();

            // The conversation: a passive death wish; the partner died ten months ago and she moved last month.
            await page.GotoAsync($"/People/{personId}/Conversation/meaning");
            await Assertions.Expect(page.Locator("#a_meaning_death_wish-hint")).ToContainTextAsync("Voor u:");
            await page.Locator("#a_meaning_death_wish-yes").CheckAsync();
            await page.Locator("#a_meaning_death_wish_plan-no").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
            await page.GotoAsync($"/People/{personId}/Conversation/life_events");
            await page.Locator("#a_life_events_loss-partner").CheckAsync();
            await page.Locator("#a_life_events_loss_date").FillAsync(Iso(today.AddMonths(-10)));
            await page.Locator("#a_life_events_recent-moved").CheckAsync();
            await page.Locator("#a_life_events_recent_date_moved").FillAsync(Iso(today.AddMonths(-1)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Opgeslagen", new() { Exact = false }).First).ToBeVisibleAsync();

            // The profile: the safety panel comes first, the mood referral shows, the judgement form is there.
            await page.GotoAsync($"/People/{personId}/Profile");
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Profiel (opnieuw )?opstellen") }).ClickAsync();
            var firstSection = page.Locator("main h2").First;
            await Assertions.Expect(firstSection).ToHaveTextAsync("Veiligheid gaat voor");
            await Assertions.Expect(page.Locator("#veiligheid")).ToContainTextAsync("0800-0113");
            await Assertions.Expect(page.Locator("#veiligheid")).ToContainTextAsync("POH-GGZ");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uw eigen oordeel" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("tussen niet eenzaam en matig eenzaam").First).ToBeVisibleAsync();

            // An empty reason is refused beside the field; then she judges "niet eenzaam" and the profile is drawn up again.
            await page.GetByLabel("Ernst").SelectOptionAsync("not_lonely");
            await page.GetByRole(AriaRole.Button, new() { Name = "Oordeel vastleggen" }).ClickAsync();
            await Assertions.Expect(page.Locator("#Judgement_Reason-error")).ToBeVisibleAsync();
            await page.GetByLabel("Soort eenzaamheid").SelectOptionAsync("none");
            await page.GetByLabel("Waarom vindt u dit?").FillAsync("Mevrouw zegt zelf dat ze genoeg mensen om zich heen heeft.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Oordeel vastleggen" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Uw oordeel is vastgelegd.")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Profiel opnieuw opstellen met de nieuwste gegevens" }).ClickAsync();
            await Assertions.Expect(page.Locator("#suggesties ~ form .tag", new() { HasTextString = "voorkomen" }).First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Preventief huisbezoek").First).ToBeVisibleAsync();

            // The convoy map: removing the closest person asks why; "overleden" puts an item on the work list (JG-4).
            await page.GotoAsync($"/People/{personId}/Convoy");
            await page.GetByLabel("Voornaam of rol").FillAsync("Jan");
            await page.GetByLabel("Wie is dit voor de cliënt?").SelectOptionAsync("sibling");
            await page.Locator("#Circle-closest").CheckAsync();
            await page.Locator("#Frequency-weekly").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan de kaart" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Van de kaart halen: Jan" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Waarom staat Jan niet meer heel dichtbij?" })).ToBeVisibleAsync();
            await page.GetByLabel("overleden").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Wijziging opslaan" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Er staat een punt op de werklijst")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Werklijst" }).First.ClickAsync();
            await Assertions.Expect(page.GetByText("Jan staat niet meer op de kaart (overleden)")).ToBeVisibleAsync();
        }

        await using (var scan = await fixture.ScanContextAsync())
        {
            var page = await scan.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            await PersonJourneyTests.SignInAsync(page, "professional@welzijn.example");
            var djg = await MeasurementIdAsync(personId, "djg11");
            await AccessibilityTests.ScanAsync(page, $"/People/{personId}/Measurements/{djg}", violations);
            await AccessibilityTests.ScanAsync(page, $"/People/{personId}/Measurements", violations);
            await AccessibilityTests.ScanAsync(page, $"/People/{personId}/Profile", violations);
            await AccessibilityTests.ScanAsync(page, $"/People/{personId}/Conversation/meaning", violations);
            await AccessibilityTests.ScanAsync(page, $"/People/{personId}/Conversation/life_events", violations);
            await AccessibilityTests.ScanAsync(page, "/WorkList", violations);
            await page.GetByRole(AriaRole.Button, new() { Name = "Contact vastleggen" }).First.ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "work list alert with errors");
            await page.GotoAsync($"/People/{personId}/Profile");
            await page.GetByRole(AriaRole.Button, new() { Name = "Opvolging vastleggen" }).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "safety follow-up with errors");
            await page.GotoAsync($"/People/{personId}/Profile");
            await page.GetByLabel("Waarom vindt u dit?").FillAsync("");
            await page.GetByRole(AriaRole.Button, new() { Name = "Oordeel vastleggen" }).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "profile with judgement errors");
            await page.GotoAsync($"/People/{personId}/Convoy");
            await page.GetByLabel("Voornaam of rol").FillAsync("Piet");
            await page.GetByLabel("Wie is dit voor de cliënt?").SelectOptionAsync("friend");
            await page.Locator("#Circle-closest").CheckAsync();
            await page.Locator("#Frequency-weekly").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen aan de kaart" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Van de kaart halen: Piet" }).ClickAsync();
            await AccessibilityTests.ScanAsync(page, null, violations, "convoy reason form");
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>A new client of the demo professional, so no other journey shares her.</summary>
    private async Task<Guid> NewPersonAsync(DateOnly born)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var professional = await db.Users.Where(u => u.Email == "professional@welzijn.example").Select(u => u.Id).SingleAsync();
        var organisation = await db.Memberships.Where(m => m.UserId == professional).Select(m => m.OrganisationId).FirstAsync();
        var person = new Person
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisation,
            FirstName = "Truus",
            LastName = "Preventie",
            SearchName = "truus preventie",
            DateOfBirth = born,
            LivingSituation = LivingSituation.Alone,
            ResponsibleProfessionalId = professional,
            CreatedAtUtc = DateTime.UtcNow,
            UpdatedAtUtc = DateTime.UtcNow,
            Version = 1,
        };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person.Id;
    }

    private async Task<Guid> MeasurementIdAsync(Guid personId, string instrument)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Measurements.IgnoreQueryFilters()
            .Where(m => m.PersonId == personId && m.InstrumentId == instrument).Select(m => m.Id).SingleAsync();
    }
}
