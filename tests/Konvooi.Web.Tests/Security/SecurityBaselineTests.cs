using System.Net;
using Konvooi.Web.Tests.Infrastructure;

namespace Konvooi.Web.Tests.Security;

public sealed class SecurityBaselineTests : IAsyncLifetime
{
    private KonvooiWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await KonvooiWebFactory.CreateAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Get_Health_ReportsDatabaseReachableWithoutSignIn()
    {
        using var session = _factory.NewSession();

        var response = await session.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"ok\",\"database\":\"reachable\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_AnyPage_SendsSecurityHeaders()
    {
        using var session = _factory.NewSession();

        var response = await session.GetAsync("/Account/Login");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Get_PeopleWithoutSignIn_RedirectsToLogin()
    {
        using var session = _factory.NewSession();

        var response = await session.GetAsync("/People");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_LoginWrongPassword_ShowsMessageAndLocksOutAfterFiveTries()
    {
        using var session = _factory.NewSession();
        var fields = () => new Dictionary<string, string> { ["Input.Email"] = "analist@welzijn.example", ["Input.Password"] = "Fout-wachtwoord-1" };

        var first = await (await session.PostFormAsync("/Account/Login", "/Account/Login", fields())).Content.ReadAsStringAsync();
        for (var i = 0; i < 4; i++)
        {
            await session.PostFormAsync("/Account/Login", "/Account/Login", fields());
        }

        var locked = await (await session.PostFormAsync("/Account/Login", "/Account/Login", new()
        {
            ["Input.Email"] = "analist@welzijn.example",
            ["Input.Password"] = Konvooi.Features.Seeding.DemoData.Password,
        })).Content.ReadAsStringAsync();

        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", first, StringComparison.Ordinal);
        Assert.Contains("tijdelijk geblokkeerd", locked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_FormWithoutAntiforgeryToken_IsRejected()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.FirstName"] = "X" });

        var response = await session.Client.PostAsync(new Uri("/People/Create", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_PeopleAsVolunteer_IsForbiddenWithFriendlyPage()
    {
        using var session = await _factory.SignInAsync("vrijwilliger@welzijn.example");

        var response = await session.GetAsync("/People");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Geen toegang", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AuditLogAsAdministrator_ListsEntriesWithIdsOnly()
    {
        using var coordinator = await _factory.SignInAsync("coordinator@welzijn.example");
        await coordinator.GetHtmlAsync("/People?search=annie");
        using var admin = await _factory.SignInAsync("beheerder@welzijn.example");

        var html = await admin.GetHtmlAsync("/Admin/Audit?action=list");

        Assert.Contains("In een lijst getoond", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Annie", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AdminCreatesUserWithWeakPassword_ShowsDutchMessage()
    {
        using var admin = await _factory.SignInAsync("beheerder@welzijn.example");

        var response = await admin.PostFormAsync("/Admin/Users", "/Admin/Users", new()
        {
            ["Input.DisplayName"] = "Nieuwe collega",
            ["Input.Email"] = "nieuw@welzijn.example",
            ["Input.Role"] = "Professional",
            ["Input.Password"] = "kort",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("minstens 12 tekens", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Post_LoginMoreThanTheLimit_Gets429WithFriendlyPage()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync(signInPermitsPerMinute: 3);
        using var session = factory.NewSession();
        var token = WebSession.AntiforgeryToken(await (await session.GetAsync("/Account/Login")).Content.ReadAsStringAsync());

        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "niemand@welzijn.example",
                ["Input.Password"] = "Fout-wachtwoord-1",
                ["__RequestVerificationToken"] = token,
            });
            last = await session.Client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);
        }

        Assert.Equal((HttpStatusCode)429, last!.StatusCode);
        Assert.Contains("Even wachten", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
