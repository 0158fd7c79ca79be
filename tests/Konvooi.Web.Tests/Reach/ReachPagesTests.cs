using System.Net;
using System.Text;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Reach;

/// <summary>Reach against need on the demo data (Seeding/DemoReach.cs), without JavaScript: roles, content, uploads and isolation.</summary>
public sealed class ReachPagesTests : IAsyncLifetime
{
    private KonvooiWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await KonvooiWebFactory.CreateAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static async Task<HttpResponseMessage> UploadAsync(WebSession session, string handler, string csv)
    {
        var page = await session.GetHtmlAsync("/Reach/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebSession.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("Test"), "Name" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", "tabel.csv" },
        };
        return await session.Client.PostAsync(new Uri($"/Reach/Import?handler={handler}", UriKind.Relative), form);
    }

    [Fact]
    public async Task Analyst_SeesTheDemoWijkenWithFiguresTheWarningAndTheChart_WithoutNames()
    {
        using var session = await _factory.SignInAsync("analist@welzijn.example");

        var start = await session.GetHtmlAsync("/");
        var html = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Reach"));

        Assert.Contains("href=\"/Reach\"", start, StringComparison.Ordinal);
        Assert.Contains("<h1>Bereik en behoefte per wijk</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Cijfers van Demo-coalitie Lindenhaven (fictief)", html, StringComparison.Ordinal);
        foreach (var wijk in new[] { "Centrum (WK999900)", "Oost (WK999901)", "West (WK999902)", "De Hoven (WK999903)", "Lindenveld (WK999904)" })
        {
            Assert.Contains($"<th scope=\"row\">{wijk}</th>", html, StringComparison.Ordinal);
        }

        Assert.Contains("52,4 % (47,9 tot 56,8)", html, StringComparison.Ordinal);
        Assert.Contains("4.428 (4.048 tot 4.800)", html, StringComparison.Ordinal); // 52.4 % of 8,450 residents of Centrum
        Assert.Contains("Let op: twee soorten cijfers naast elkaar", html, StringComparison.Ordinal);
        Assert.Contains("6 personen tellen niet mee", html, StringComparison.Ordinal);
        Assert.Contains("<span aria-hidden=\"true\">×</span><span class=\"visually-hidden\">niet getoond</span>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<caption id=\"caption-reach\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Reach/Import\"", html, StringComparison.Ordinal);
        var people = await DemoLookup.AllPeopleAsync(_factory.Services);
        Assert.All(people, p => Assert.DoesNotContain(p.LastName, html, StringComparison.Ordinal));

        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().AuditEntries.AnyAsync(a => a.Action == "reach-report-view"));
    }

    [Fact]
    public async Task Get_IndicatorAndAgeGroup_ChangeTheEstimate()
    {
        using var session = await _factory.SignInAsync("analist@welzijn.example");

        var html = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Reach?Indicator=ernstig_eenzaam&AgeGroup=18%2B"));

        Assert.Contains("13,1 % (10,2 tot 16,4)", html, StringComparison.Ordinal);
        Assert.Contains("933 (726 tot 1.168)", html, StringComparison.Ordinal); // 13.1 % of 7,120 adults of Centrum
    }

    [Fact]
    public async Task Coordinators_SeeTheirOwnOrganisation_TheLeadMayChooseTheCoalition_OtherRolesAreForbidden()
    {
        using (var partner = await _factory.SignInAsync("coordinator@zorg.example"))
        {
            var html = await partner.GetHtmlAsync("/Reach?Scope=coalition");
            Assert.Contains("Cijfers van Zorggroep De Linde (demo)", html, StringComparison.Ordinal);
            Assert.DoesNotContain("value=\"coalition\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/Reach/Import\"", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/Reach/Import")).StatusCode);
        }

        using (var lead = await _factory.SignInAsync("coordinator@welzijn.example"))
        {
            Assert.Contains("href=\"/Reach\"", await lead.GetHtmlAsync("/"), StringComparison.Ordinal);
            Assert.Contains("Cijfers van Welzijn Lindenhaven (demo)", await lead.GetHtmlAsync("/Reach"), StringComparison.Ordinal);
            Assert.Contains("Cijfers van Demo-coalitie Lindenhaven (fictief)", await lead.GetHtmlAsync("/Reach?Scope=coalition"), StringComparison.Ordinal);
        }

        foreach (var email in new[] { "professional@welzijn.example", "vrijwilliger@welzijn.example", "beheerder@welzijn.example", "signaleerder@fysio.example" })
        {
            using var session = await _factory.SignInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/Reach")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/Reach/Import")).StatusCode);
            Assert.DoesNotContain("href=\"/Reach\"", await session.GetHtmlAsync("/"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Upload_ListsEveryBadRow_StoresNothing_ThenStoresAndShowsTheNewTable()
    {
        using var session = await _factory.SignInAsync("analist@welzijn.example");

        var refused = await UploadAsync(session, "Figures", "wijkcode;indicator;schatting;ci_laag;ci_hoog\nWK999900;eenzaam;40;35;45\nWK123456;eenzaam;40;35;45\nWK999901;eenzaam;abc;35;45\n");
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var empty = await session.PostFormAsync("/Reach/Import", "/Reach/Import?handler=Population", []);
        var stored = await UploadAsync(session, "Figures", "wijkcode;indicator;schatting;ci_laag;ci_hoog\nWK999900;eenzaam;30;25;35\n");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Het bestand heeft 2 problemen. Er is niets opgeslagen.", html, StringComparison.Ordinal);
        Assert.Contains("<td>3</td><td>wijkcode</td><td>De wijk WK123456 staat niet op de wijkenlijst van de coalitie.</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>4</td><td>schatting</td>", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"FiguresUpload-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Kies een CSV-bestand.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var page = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Reach"));
        Assert.Contains("30,0 % (25,0 tot 35,0)", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalystOfAnotherCoalition_SeesNoneOfIt()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<Setup.Handler>();
            var coalition = Assert.IsType<Setup.Outcome.Created>(await setup.CreateCoalitionAsync("Andere coalitie (test)", null, false, CancellationToken.None)).Id;
            var organisation = Assert.IsType<Setup.Outcome.Created>(await setup.CreateOrganisationAsync(coalition, "Andere gemeente (test)", OrganisationKind.Gemeente, CancellationToken.None)).Id;
            Assert.IsType<Setup.Outcome.Created>(await setup.CreateUserAsync(new Setup.NewUser("analist@andere.example", "Analist", Konvooi.Domain.Access.Role.Analyst, organisation, Konvooi.Features.Seeding.DemoData.Password), CancellationToken.None));
        }

        using var session = await _factory.SignInAsync("analist@andere.example");
        var html = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Reach"));

        Assert.Contains("Cijfers van Andere coalitie (test)", html, StringComparison.Ordinal);
        Assert.Contains("er is nog geen cijfertabel", html, StringComparison.Ordinal);
        Assert.Contains("0 personen tellen niet mee", html, StringComparison.Ordinal);
        Assert.DoesNotContain("WK9999", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Lindenhaven", html, StringComparison.Ordinal);
    }
}
