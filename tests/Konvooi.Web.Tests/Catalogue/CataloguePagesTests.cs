using System.Net;
using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Matching.Hsds;
using Konvooi.Features.Catalogue;
using Konvooi.Features.Data;
using Konvooi.Features.Seeding;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Catalogue;

public sealed class CataloguePagesTests : IAsyncLifetime
{
    private KonvooiWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await KonvooiWebFactory.CreateAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("vrijwilliger@welzijn.example")] // every role of every organisation in the coalition reads the catalogue
    [InlineData("professional@zorg.example")]
    public async Task Index_AnyRole_ListsTheCoalitionCatalogueWithBothDemoProviders(string email)
    {
        using var session = await _factory.SignInAsync(email);

        var html = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Catalogue"));
        var filtered = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Catalogue?cause=financial_worries"));
        var details = WebUtility.HtmlDecode(await session.GetHtmlAsync($"/Catalogue/{await EntryIdAsync("home_visit_75plus")}"));

        Assert.Contains("Maatje", html, StringComparison.Ordinal);
        Assert.Contains("Welzijn Lindenhaven (demo)", html, StringComparison.Ordinal);
        Assert.Contains("Zorggroep De Linde (demo)", html, StringComparison.Ordinal);
        Assert.Contains($"<caption>{InterventionCatalogue.Starter.Interventions.Count} aanbod gevonden</caption>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Catalogue/New\"", html, StringComparison.Ordinal);
        Assert.Contains("Hulp bij geldzaken", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain(">Maatje<", filtered, StringComparison.Ordinal);
        Assert.Contains("Aangeboden door Zorggroep De Linde (demo).", details, StringComparison.Ordinal);
        Assert.Contains("Overgenomen uit de basiscatalogus", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_ProviderCoordinator_SavesANewVersionAndARetireKeepsIt()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var id = await EntryIdAsync("buddy");
        var page = $"/Catalogue/{id}/Edit";
        var form = FormFrom(await EntryAsync("buddy"));
        form["Input.Name"] = "Maatje Lindenhaven";
        form["Input.Capacity"] = "3";

        var saved = await session.PostFormAsync(page, page, form);
        var details = WebUtility.HtmlDecode(await session.GetHtmlAsync($"/Catalogue/{id}"));
        var retired = await session.PostFormAsync(page, page + "?handler=Retire", new() { ["version"] = "2" });
        var afterRetire = WebUtility.HtmlDecode(await session.GetHtmlAsync($"/Catalogue/{id}"));
        var list = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Catalogue"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<h1>Maatje Lindenhaven</h1>", details, StringComparison.Ordinal);
        Assert.Contains("3 vrije plaatsen", details, StringComparison.Ordinal);
        Assert.Contains("Gewijzigd", details, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.Contains("Dit aanbod is uit de catalogus gehaald.", afterRetire, StringComparison.Ordinal);
        Assert.DoesNotContain("Maatje Lindenhaven", list, StringComparison.Ordinal);
        var entry = await EntryAsync("buddy");
        Assert.True(entry.IsRetired);
        Assert.Equal(3, entry.Version);
    }

    [Theory]
    [InlineData("coordinator@zorg.example")]     // a coordinator of another organisation than the provider
    [InlineData("professional@welzijn.example")] // the provider's organisation, but not a coordinator
    [InlineData("beheerder@welzijn.example")]
    public async Task Edit_NotTheProvidersCoordinator_Gets403AndNothingChanges(string email)
    {
        using var session = await _factory.SignInAsync(email);
        var id = await EntryIdAsync("buddy");
        var token = WebSession.AntiforgeryToken(await session.GetHtmlAsync("/Account/Logout"));
        var form = FormFrom(await EntryAsync("buddy"));
        form["Input.Name"] = "Overgenomen";
        form["__RequestVerificationToken"] = token;

        var get = await session.GetAsync($"/Catalogue/{id}/Edit");
        using var content = new FormUrlEncodedContent(form);
        var post = await session.Client.PostAsync(new Uri($"/Catalogue/{id}/Edit", UriKind.Relative), content);
        using var retireContent = new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = "1", ["__RequestVerificationToken"] = token });
        var retire = await session.Client.PostAsync(new Uri($"/Catalogue/{id}/Edit?handler=Retire", UriKind.Relative), retireContent);

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, retire.StatusCode);
        var entry = await EntryAsync("buddy");
        Assert.Equal(1, entry.Version);
        Assert.False(entry.IsRetired);
    }

    [Fact]
    public async Task New_MissingAndWrongFields_ReRendersWithMessagesBesideTheFields()
    {
        using var session = await _factory.SignInAsync("coordinator@zorg.example");

        var response = await session.PostFormAsync("/Catalogue/New", "/Catalogue/New", new()
        {
            ["Input.Code"] = "Fout Code",
            ["Input.Description"] = "Een beschrijving.",
            ["Input.Setting"] = "individual",
            ["Input.MethodUrl"] = "geen-adres",
            ["Input.WaitingListWeeks"] = "twee",
            ["Input.Recognition"] = "none",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Input_Name-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Vul een naam in.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_MainElement-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Mode-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("Een beschrijving.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);

        var domain = await session.PostFormAsync("/Catalogue/New", "/Catalogue/New", ValidForm("Fout Code", "geen-adres", "twee"));
        var domainHtml = WebUtility.HtmlDecode(await domain.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, domain.StatusCode);
        Assert.Contains("id=\"Input_Code-error\"", domainHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_MethodUrl-error\"", domainHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_WaitingListWeeks-error\"", domainHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Causes-moved\" name=\"Input.Causes\" value=\"moved\" checked=\"checked\"", domainHtml, StringComparison.Ordinal);

        var created = await session.PostFormAsync("/Catalogue/New", "/Catalogue/New", ValidForm("wandelgroep_zorg", "https://example.org/methode", "0"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var shown = WebUtility.HtmlDecode(await session.GetHtmlAsync(created.Headers.Location!.OriginalString));
        Assert.Contains("Aangeboden door Zorggroep De Linde (demo).", shown, StringComparison.Ordinal);
        Assert.Contains("Wijzigen of uit de catalogus halen", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_StaleVersion_IsRefusedWithAClearMessage()
    {
        using var session = await _factory.SignInAsync("coordinator@zorg.example");
        var id = await EntryIdAsync("grief_support");
        var page = $"/Catalogue/{id}/Edit";
        var first = FormFrom(await EntryAsync("grief_support"));
        first["Input.Name"] = "Rouwsteun (eerste)";
        var second = FormFrom(await EntryAsync("grief_support"));
        second["Input.Name"] = "Rouwsteun (tweede)";

        var one = await session.PostFormAsync(page, page, first);
        var two = await session.PostFormAsync(page, page, second);
        var html = WebUtility.HtmlDecode(await two.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Contains("Iemand anders heeft dit aanbod net gewijzigd", html, StringComparison.Ordinal);
        Assert.Equal("Rouwsteun (eerste)", (await EntryAsync("grief_support")).Name);
    }

    [Fact]
    public async Task Export_AnyRole_DownloadsTheActiveCatalogueAsHsdsJsonThatImportsAgain()
    {
        using var session = await _factory.SignInAsync("analist@welzijn.example");

        var response = await session.GetAsync("/Catalogue/Export");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var catalogue = Assert.IsType<ReadResult<InterventionCatalogue>.Success>(HsdsCatalogue.ImportJson(bytes)).Value;
        Assert.Equal(InterventionCatalogue.Starter.Interventions.Count, catalogue.Interventions.Count);
        Assert.Equal("Zorggroep De Linde (demo)", catalogue.Find("memory_cafe")!.Provider);
        Assert.Equal(DemoData.DemoCareOffers.Count, catalogue.Interventions.Count(i => i.Provider == "Zorggroep De Linde (demo)"));
    }

    [Fact]
    public async Task Weights_Coordinator_ChangesWithAReasonAndRestoresTheDefaults_OthersOnlyRead()
    {
        using var coordinator = await _factory.SignInAsync("coordinator@welzijn.example");
        using var professional = await _factory.SignInAsync("professional@welzijn.example");
        var form = WeightsForm(version: 0, reason: "Oorzaken zwaarder laten wegen, besproken in het team.");
        form["Input.Weights[cause_fit]"] = "4,5";

        var wrong = WeightsForm(0, reason: "");
        wrong["Input.Weights[type_fit]"] = "12";
        var invalid = await coordinator.PostFormAsync("/Catalogue/Weights", "/Catalogue/Weights", wrong);
        var invalidHtml = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
        var saved = await coordinator.PostFormAsync("/Catalogue/Weights", "/Catalogue/Weights", form);
        var page = WebUtility.HtmlDecode(await coordinator.GetHtmlAsync("/Catalogue/Weights"));
        var reset = await coordinator.PostFormAsync("/Catalogue/Weights", "/Catalogue/Weights?handler=Reset", new() { ["resetReason"] = "Evaluatie afgerond.", ["version"] = "1" });
        var readOnly = WebUtility.HtmlDecode(await professional.GetHtmlAsync("/Catalogue/Weights"));
        var refused = await professional.PostFormAsync("/Account/Logout", "/Catalogue/Weights", WeightsForm(2, "Poging"));

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("id=\"Input_Weights_type_fit_-error\"", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Reason-error\"", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"12\"", invalidHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<code>weights-v1</code>", page, StringComparison.Ordinal);
        Assert.Contains("Oorzaken zwaarder laten wegen", page, StringComparison.Ordinal);
        Assert.Contains("Past bij een oorzaak (per oorzaak): 4,5", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("<code>weights-v2</code>", readOnly, StringComparison.Ordinal);
        Assert.Contains("standaard teruggezet", readOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("Gewichten opslaan", readOnly, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static Dictionary<string, string> WeightsForm(int version, string reason)
    {
        var form = MatchingWeights.Defaults.ToDictionary(
            d => $"Input.Weights[{d.Key}]", d => d.Value.ToString(System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), StringComparer.Ordinal);
        form["Input.Reason"] = reason;
        form["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return form;
    }

    private static Dictionary<string, string> ValidForm(string code, string methodUrl, string waiting) => new()
    {
        ["Input.Code"] = code,
        ["Input.Name"] = "Wandelgroep",
        ["Input.Description"] = "Elke week samen wandelen in de wijk, met koffie na afloop.",
        ["Input.Aim"] = "loneliness_social",
        ["Input.Causes"] = "moved",
        ["Input.MainElement"] = "meeting",
        ["Input.Setting"] = "group",
        ["Input.Mode"] = "in_person",
        ["Input.Intensity"] = "light",
        ["Input.Recognition"] = "none",
        ["Input.MethodUrl"] = methodUrl,
        ["Input.WaitingListWeeks"] = waiting,
        ["Input.Languages"] = "nl",
        ["Input.Version"] = "0",
    };

    /// <summary>The edit form's single-value fields for a stored entry (enough for a valid edit; list fields are left empty).</summary>
    private static Dictionary<string, string> FormFrom(CatalogueEntry entry)
    {
        var input = CatalogueEntryInput.From(CatalogueStore.Read(entry.InterventionJson), entry.Version);
        return new Dictionary<string, string>
        {
            ["Input.Name"] = input.Name ?? string.Empty,
            ["Input.Description"] = input.Description ?? string.Empty,
            ["Input.Aim"] = input.Aim ?? string.Empty,
            ["Input.MainElement"] = input.MainElement ?? string.Empty,
            ["Input.Setting"] = input.Setting ?? string.Empty,
            ["Input.Mode"] = input.Mode ?? string.Empty,
            ["Input.Intensity"] = input.Intensity ?? string.Empty,
            ["Input.Recognition"] = input.Recognition ?? string.Empty,
            ["Input.MethodUrl"] = input.MethodUrl ?? string.Empty,
            ["Input.Version"] = input.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private async Task<CatalogueEntry> EntryAsync(string code)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().CatalogueEntries.AsNoTracking().SingleAsync(e => e.Code == code);
    }

    private async Task<Guid> EntryIdAsync(string code) => (await EntryAsync(code)).Id;
}
