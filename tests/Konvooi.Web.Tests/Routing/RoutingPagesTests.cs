using System.Net;
using System.Text;
using Konvooi.Features.Data;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Routing;

/// <summary>
/// The routing pages as a browser without JavaScript: the lead's coordinator keeps the table and the wijk list, other
/// coordinators read them, other roles get 403; forms re-render with the message beside the field.
/// </summary>
public sealed class RoutingPagesTests
{
    private const string Lead = "coordinator@welzijn.example";

    private static async Task<int> VersionAsync(KonvooiWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Coalitions.Where(c => c.IsDemo).Select(c => c.RoutingVersion).SingleAsync();
    }

    private static async Task<Guid> OrganisationAsync(KonvooiWebFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private static async Task<Guid> RuleAsync(KonvooiWebFactory factory, int from)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().RoutingRules.Where(r => r.PostcodeFrom == from).Select(r => r.Id).SingleAsync();
    }

    [Fact]
    public async Task LeadCoordinator_AddsEditsAndDeletesARule_WithMessagesBesideTheFields()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        using var session = await factory.SignInAsync(Lead);
        var zorg = (await OrganisationAsync(factory, "Zorggroep De Linde (demo)")).ToString("D");
        var index = await session.GetHtmlAsync("/Routing");
        Assert.Contains("Regel toevoegen", index, StringComparison.Ordinal);
        Assert.Contains("postcodes 9900 tot en met 9949", index, StringComparison.Ordinal);

        // Overlapping the demo range 9900–9949 without lying inside it: the message stands beside "Van postcode".
        var version = (await VersionAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var refused = await session.PostFormAsync("/Routing", "/Routing", new() { ["Version"] = version, ["Input.OrganisationId"] = zorg, ["Input.PostcodeFrom"] = "9940", ["Input.PostcodeTo"] = "9960" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_PostcodeFrom-error\"", html, StringComparison.Ordinal);
        Assert.Contains("overlappen", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"9960\"", html, StringComparison.Ordinal);

        var both = await session.PostFormAsync("/Routing", "/Routing", new() { ["Version"] = version, ["Input.OrganisationId"] = "", ["Input.WijkCode"] = "WK999901", ["Input.PostcodeFrom"] = "9950" });
        html = await both.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Input_OrganisationId-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_WijkCode-error\"", html, StringComparison.Ordinal);

        var added = await session.PostFormAsync("/Routing", "/Routing", new() { ["Version"] = version, ["Input.OrganisationId"] = zorg, ["Input.PostcodeFrom"] = "9950", ["Input.PostcodeTo"] = "9959" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("De regel is toegevoegd.", await session.GetHtmlAsync("/Routing"), StringComparison.Ordinal);

        // A second form loaded before the change is stale.
        var stale = await session.PostFormAsync("/Routing", "/Routing", new() { ["Version"] = version, ["Input.OrganisationId"] = zorg, ["Input.PostcodeFrom"] = "9970" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Iemand anders heeft de routering net gewijzigd", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var rule = await RuleAsync(factory, 9950);
        var edit = await session.GetHtmlAsync($"/Routing/{rule}");
        Assert.Contains("value=\"9959\"", edit, StringComparison.Ordinal);
        version = (await VersionAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var changed = await session.PostFormAsync($"/Routing/{rule}", $"/Routing/{rule}", new() { ["Version"] = version, ["Input.OrganisationId"] = zorg, ["Input.PostcodeFrom"] = "9950", ["Input.PostcodeTo"] = "9969" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var badEdit = await session.PostFormAsync($"/Routing/{rule}", $"/Routing/{rule}", new() { ["Version"] = (int.Parse(version, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.OrganisationId"] = zorg, ["Input.PostcodeFrom"] = "9950", ["Input.PostcodeTo"] = "99" });
        Assert.Contains("id=\"Input_PostcodeTo-error\"", await badEdit.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        version = (await VersionAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var deleted = await session.PostFormAsync($"/Routing/{rule}", $"/Routing/{rule}?handler=Delete", new() { ["Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var after = await session.GetHtmlAsync("/Routing");
        Assert.Contains("Regel verwijderd", after, StringComparison.Ordinal);
        Assert.Contains("postcodes 9950–9969 → Zorggroep De Linde (demo)", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/Routing/{rule}")).StatusCode);
    }

    [Fact]
    public async Task WhereDoesItGo_ExplainsTheRoute_AndABadPostcodeGetsAMessage()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        using var session = await factory.SignInAsync("coordinator@zorg.example");
        var html = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Routing?Postcode=9901+AB&Wijk=WK999903"));
        Assert.Contains("Een melding uit postcode 9901 en wijk De Hoven gaat naar Welzijn Lindenhaven (demo), want regel", html, StringComparison.Ordinal);
        html = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Routing?Wijk=WK999903"));
        Assert.Contains("gaat naar Zorggroep De Linde (demo)", html, StringComparison.Ordinal);
        html = await session.GetHtmlAsync("/Routing?Postcode=12");
        Assert.Contains("id=\"Postcode-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnerCoordinator_ReadsButCannotChange_OtherRolesGet403()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        var rule = await RuleAsync(factory, 9900);
        using (var partner = await factory.SignInAsync("coordinator@zorg.example"))
        {
            var index = await partner.GetHtmlAsync("/Routing");
            Assert.Contains("postcodes 9900 tot en met 9949", index, StringComparison.Ordinal);
            Assert.DoesNotContain("Regel toevoegen", index, StringComparison.Ordinal);
            Assert.DoesNotContain("Wijkenlijst vervangen", await partner.GetHtmlAsync("/Routing/Wijken"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/Routing/{rule}")).StatusCode);
            var token = WebSession.AntiforgeryToken(await partner.GetHtmlAsync("/Account/Logout"));
            foreach (var url in new[] { "/Routing", $"/Routing/{rule}", $"/Routing/{rule}?handler=Delete", "/Routing/Wijken" })
            {
                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Version"] = "0",
                    ["Input.OrganisationId"] = Guid.NewGuid().ToString("D"),
                    ["Input.PostcodeFrom"] = "1000",
                });
                Assert.Equal(HttpStatusCode.Forbidden, (await partner.Client.PostAsync(new Uri(url, UriKind.Relative), form)).StatusCode);
            }
        }

        foreach (var email in new[] { "professional@welzijn.example", "vrijwilliger@welzijn.example", "analist@welzijn.example", "beheerder@welzijn.example", "signaleerder@fysio.example" })
        {
            using var session = await factory.SignInAsync(email);
            foreach (var url in new[] { "/Routing", "/Routing/Wijken", $"/Routing/{rule}", "/Routing?Postcode=9901" })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync(url)).StatusCode);
            }

            Assert.DoesNotContain("href=\"/Routing\"", await session.GetHtmlAsync("/"), StringComparison.Ordinal);
        }

        using var lead = await factory.SignInAsync(Lead);
        Assert.Contains("href=\"/Routing\"", await lead.GetHtmlAsync("/"), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().RoutingRules.CountAsync());
    }

    private static async Task<HttpResponseMessage> UploadAsync(WebSession session, string csv)
    {
        var page = await session.GetHtmlAsync("/Routing/Wijken");
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebSession.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(version), "Version" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", "wijken.csv" },
        };
        return await session.Client.PostAsync(new Uri("/Routing/Wijken", UriKind.Relative), form);
    }

    [Fact]
    public async Task WijkUpload_ListsEveryBadRow_ChangesNothing_ThenReplacesTheList()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        using var session = await factory.SignInAsync(Lead);

        var refused = await UploadAsync(session, "code;naam\nWK999900;Centrum\nWK12;Kort\nWK999902;\nWK999904;Lindenveld\n");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("id=\"Upload-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<td>3</td><td>code</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>4</td><td>naam</td>", html, StringComparison.Ordinal);

        // WK999903 (De Hoven) is used by a demo rule and missing from the file.
        var inUse = await UploadAsync(session, "code;naam\nWK999900;Centrum\n");
        Assert.Contains("WK999903 (De Hoven)", WebUtility.HtmlDecode(await inUse.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var empty = await session.PostFormAsync("/Routing/Wijken", "/Routing/Wijken", new() { ["Version"] = (await VersionAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("Kies een CSV-bestand", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var done = await UploadAsync(session, "wijkcode,wijknaam\nWK999900,Centrum\nWK999903,De Hoven\nWK999905,Nieuwbouw\n");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        html = await session.GetHtmlAsync("/Routing/Wijken");
        Assert.Contains("Nieuwbouw", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>Lindenveld</td>", html, StringComparison.Ordinal);
        Assert.Contains("3 wijken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCoalition_LeadsAdministratorChoosesTheLead_OthersCannot()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        var zorg = (await OrganisationAsync(factory, "Zorggroep De Linde (demo)")).ToString("D");
        using (var coordinator = await factory.SignInAsync(Lead))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/Admin/Coalition")).StatusCode);
        }

        using var admin = await factory.SignInAsync("beheerder@welzijn.example");
        Assert.Contains("href=\"/Admin/Coalition\"", await admin.GetHtmlAsync("/"), StringComparison.Ordinal);
        var page = await admin.GetHtmlAsync("/Admin/Coalition");
        Assert.Contains("Penvoerder kiezen", page, StringComparison.Ordinal);
        var version = (await VersionAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var refused = await admin.PostFormAsync("/Admin/Coalition", "/Admin/Coalition", new() { ["Version"] = version, ["OrganisationId"] = "" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"OrganisationId-error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var chosen = await admin.PostFormAsync("/Admin/Coalition", "/Admin/Coalition", new() { ["Version"] = version, ["OrganisationId"] = zorg });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        // Welzijn is no longer the lead: its administrator now only reads, and a post is refused.
        page = await admin.GetHtmlAsync("/Admin/Coalition");
        Assert.Contains("Zorggroep De Linde (demo)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Penvoerder kiezen", page, StringComparison.Ordinal);
        using var again = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebSession.AntiforgeryToken(await admin.GetHtmlAsync("/Account/Logout")),
            ["Version"] = (await VersionAsync(factory)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OrganisationId"] = zorg,
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.PostAsync(new Uri("/Admin/Coalition", UriKind.Relative), again)).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "coalition-lead-set"));
    }
}
