using System.Net;
using Konvooi.Features.Data;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.People;

public sealed class PeoplePagesTests : IAsyncLifetime
{
    private KonvooiWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await KonvooiWebFactory.CreateAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Post_CreateWithMissingAndWrongFields_ShowsMessagesBesideFieldsAndSavesNothing()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var before = (await DemoLookup.AllPeopleAsync(_factory.Services)).Count;

        var response = await session.PostFormAsync("/People/Create", "/People/Create", new()
        {
            ["Input.FirstName"] = "",
            ["Input.LastName"] = "Nieuw",
            ["Input.DateOfBirth"] = "2999-01-01",
            ["Input.PostalCode"] = "12AB",
            ["Input.Phone"] = "bel me",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_FirstName-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Vul de voornaam in.", html, StringComparison.Ordinal);
        Assert.Contains("De geboortedatum kan niet in de toekomst liggen.", html, StringComparison.Ordinal);
        Assert.Contains("Vul een postcode in zoals 1234 AB.", html, StringComparison.Ordinal);
        Assert.Contains("Kies de woonsituatie.", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Input_FirstName-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Nieuw\"", html, StringComparison.Ordinal); // what was typed is kept
        Assert.Equal(before, (await DemoLookup.AllPeopleAsync(_factory.Services)).Count);
    }

    [Fact]
    public async Task Post_CreateValid_RedirectsToTheNewPersonAndShowsIt()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");

        var response = await session.PostFormAsync("/People/Create", "/People/Create", ValidForm("Aaltje"));
        var location = response.Headers.Location!.ToString();
        var html = await session.GetHtmlAsync(location);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("^/People/[0-9a-f-]{36}$", location);
        Assert.Contains("Aaltje Nieuwkomer", html, StringComparison.Ordinal);
        Assert.Contains("De gegevens zijn opgeslagen.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EditWithStaleVersion_ExplainsAndKeepsTheOtherChange()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var person = await DemoLookup.PersonAsync(_factory.Services, "Welzijn Lindenhaven (demo)", responsibleIsDemoProfessional: true);
        var editPage = $"/People/{person.Id}/Edit";
        var first = ValidForm("Eerste");
        first["Input.Version"] = "1";
        var second = ValidForm("Tweede");
        second["Input.Version"] = "1";

        var saved = await session.PostFormAsync(editPage, editPage, first);
        var stale = await session.PostFormAsync(editPage, editPage, second);
        var html = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Iemand anders heeft deze gegevens net gewijzigd", html, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().People.IgnoreQueryFilters().SingleAsync(p => p.Id == person.Id);
        Assert.Equal("Eerste", stored.FirstName);
    }

    [Fact]
    public async Task Post_ConsentRecordThenWithdraw_ShowsBothAndTheAccessHistory()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var person = await DemoLookup.PersonAsync(_factory.Services, "Welzijn Lindenhaven (demo)", responsibleIsDemoProfessional: false);
        var page = $"/People/{person.Id}/Consents";

        var recorded = await session.PostFormAsync(page, page + "?handler=Record", new() { ["Record.Purpose"] = "MonitorAggregates", ["Record.GivenOn"] = "2026-01-15" });
        var html = await session.GetHtmlAsync(page);
        var consentId = System.Text.RegularExpressions.Regex.Match(html, "name=\"Withdraw.ConsentId\" value=\"([^\"]+)\"").Groups[1].Value;
        var withdrawn = await session.PostFormAsync(page, page + "?handler=Withdraw", new()
        {
            ["Withdraw.ConsentId"] = consentId,
            ["Withdraw.Version"] = "1",
            ["Withdraw.WithdrawnOn"] = "2026-02-01",
        });
        var after = await session.GetHtmlAsync(page);
        var history = await session.GetHtmlAsync($"/People/{person.Id}/AccessHistory");

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains("1 februari 2026", after, StringComparison.Ordinal);
        Assert.Contains("Toestemming vastgelegd", history, StringComparison.Ordinal);
        Assert.Contains("Toestemming ingetrokken", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ConsentWithoutPurpose_ShowsMessageBesideTheQuestion()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var person = await DemoLookup.PersonAsync(_factory.Services, "Welzijn Lindenhaven (demo)", responsibleIsDemoProfessional: false);
        var page = $"/People/{person.Id}/Consents";

        var response = await session.PostFormAsync(page, page + "?handler=Record", new() { ["Record.GivenOn"] = "2026-01-15" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Record_Purpose-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Kies waarvoor de toestemming is.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SearchAndPaging_ListsMatchingPeople()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");

        var all = await session.GetHtmlAsync("/People");
        var page2 = await session.GetHtmlAsync("/People?p=2");
        var search = await session.GetHtmlAsync("/People?search=annie");

        Assert.Contains("Volgende pagina", all, StringComparison.Ordinal);
        Assert.Contains("pagina 2 van 2", page2, StringComparison.Ordinal);
        Assert.Contains("Annie", search, StringComparison.Ordinal);
        Assert.DoesNotContain("Bertus", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownPerson_ShowsFriendlyDutch404()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");

        var response = await session.GetAsync($"/People/{Guid.NewGuid()}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Pagina niet gevonden", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"nl\"", html, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ValidForm(string firstName) => new()
    {
        ["Input.FirstName"] = firstName,
        ["Input.LastName"] = "Nieuwkomer",
        ["Input.DateOfBirth"] = "1948-06-30",
        ["Input.LivingSituation"] = "Alone",
        ["Input.PostalCode"] = "9911 zz",
        ["Input.Phone"] = "06 99001234",
        ["Input.Wijk"] = "Oost",
        ["Input.Version"] = "0",
    };
}
