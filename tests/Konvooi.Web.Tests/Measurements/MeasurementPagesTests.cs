using System.Net;
using Konvooi.Features.Data;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Measurements;

public sealed class MeasurementPagesTests : IAsyncLifetime
{
    private KonvooiWebFactory _factory = null!;
    private Person _person = null!;

    public async Task InitializeAsync()
    {
        _factory = await KonvooiWebFactory.CreateAsync();
        _person = await DemoLookup.PersonAsync(_factory.Services, "Welzijn Lindenhaven (demo)", responsibleIsDemoProfessional: true);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Post_Djg11WithAnItemUnanswered_ShowsMessageBesideThatQuestionAndKeepsTheOtherAnswers()
    {
        using var session = await _factory.SignInAsync("professional@welzijn.example");
        var page = $"/People/{_person.Id}/Measurements/New?instrument=djg11";
        var form = Answers(Enumerable.Repeat("ja", 10));
        form["Input.Mode"] = "FaceToFace";
        form["Input.AdministeredOn"] = "2026-03-01";

        var response = await session.PostFormAsync(page, page, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kies een antwoord bij vraag 11, of ‘Wil ik niet zeggen’.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Answers_djg11-11_-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"q-djg11-3-ja\" name=\"Input.Answers[djg11-3]\" value=\"ja\" checked=\"checked\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("min_of_meer", "11", "zeer sterk eenzaam")] // docs/instruments.md, conventions: "min of meer" always scores; all neutral = maximum
    [InlineData("_decline", "Niet te berekenen", "Vragen zonder antwoord")] // every item declined: total missing
    public async Task Post_Djg11Complete_StoresScoresAndShowsTheResultInPlainDutch(string answer, string expectedTotal, string expectedText)
    {
        using var session = await _factory.SignInAsync("professional@welzijn.example");
        var page = $"/People/{_person.Id}/Measurements/New?instrument=djg11";
        var form = Answers(Enumerable.Repeat(answer, 11));
        form["Input.Mode"] = "Phone";
        form["Input.AdministeredOn"] = "2026-03-01";

        var response = await session.PostFormAsync(page, page, form);
        var html = await session.GetHtmlAsync(response.Headers.Location!.ToString());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(expectedTotal, html, StringComparison.Ordinal);
        Assert.Contains(expectedText, html, StringComparison.Ordinal);
        Assert.Contains("geen diagnose", html, StringComparison.Ordinal);
        Assert.Contains("Telefonisch afgenomen", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_History_ShowsAnAccessibleChartAndTheNumbersInATable()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");

        var html = await session.GetHtmlAsync($"/People/{_person.Id}/Measurements");

        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"chart-djg11-title\">", html, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"chart-djg11-desc\">", html, StringComparison.Ordinal);
        Assert.Contains("<caption>De Jong Gierveld eenzaamheidsschaal (11 vragen): alle metingen, oudste eerst</caption>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handover_LocksTheSessionToTheQuestionnaireUntilThePasswordIsGiven()
    {
        using var session = await _factory.SignInAsync("professional@welzijn.example");
        var page = $"/People/{_person.Id}/Measurements/New?instrument=djg6";

        var start = await session.PostFormAsync(page, $"/People/{_person.Id}/Measurements/New?handler=Handover&instrument=djg6", []);
        var elsewhere = await session.GetAsync($"/People/{_person.Id}");
        var questionnaire = await session.GetHtmlAsync("/Handover");
        var save = Answers(Enumerable.Repeat("nee", 6), "djg6");
        var saved = await session.PostFormAsync("/Handover", "/Handover?handler=Save", save);
        var thanks = await session.GetHtmlAsync("/Handover");
        var stillLocked = await session.GetAsync("/People");
        var wrong = await session.PostFormAsync("/Handover", "/Handover?handler=Unlock", new() { ["Password"] = "Niet-het-wachtwoord-1" });
        var unlock = await session.PostFormAsync("/Handover", "/Handover?handler=Unlock", new() { ["Password"] = Konvooi.Features.Seeding.DemoData.Password });
        var back = await session.GetAsync("/People");

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/Handover", elsewhere.Headers.Location!.ToString());
        Assert.DoesNotContain(_person.LastName, questionnaire, StringComparison.Ordinal);
        Assert.DoesNotContain("Cliënten", questionnaire, StringComparison.Ordinal);
        Assert.Contains("Ik ervaar een leegte om mij heen.", questionnaire, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Dank u wel!", thanks, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, stillLocked.StatusCode);
        Assert.Contains("Dit wachtwoord klopt niet.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.StartsWith($"/People/{_person.Id}/Measurements/", unlock.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Measurements.IgnoreQueryFilters()
            .SingleAsync(m => m.PersonId == _person.Id && m.InstrumentId == "djg6");
        Assert.Equal(AdministrationMode.SelfCompletion, stored.Mode);
        Assert.Equal(3, stored.Total); // all "nee": only the three positively worded social items score (docs/instruments.md, conventions)
    }

    private static Dictionary<string, string> Answers(IEnumerable<string> answers, string instrument = "djg11") =>
        answers.Select((a, i) => (Key: $"Input.Answers[{instrument}-{i + 1}]", Value: a)).ToDictionary(x => x.Key, x => x.Value);
}
