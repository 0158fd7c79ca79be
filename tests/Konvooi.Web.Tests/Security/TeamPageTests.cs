using System.Net;
using Konvooi.Tests.Infrastructure;
using Konvooi.Web.Tests.Infrastructure;

namespace Konvooi.Web.Tests.Security;

/// <summary>Issue #17, finding 13: <c>/People/{id}/Team</c> answered 500 on SQLite.</summary>
public sealed class TeamPageTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Team_Coordinator_ShowsThePage(string provider)
    {
        await using var factory = await KonvooiWebFactory.CreateAsync(provider);
        // A person of the coordinator's own organisation with a responsible professional (another organisation's is a 404).
        var person = await DemoLookup.PersonAsync(factory.Services, "Welzijn Lindenhaven (demo)", responsibleIsDemoProfessional: true);
        using var session = await factory.SignInAsync("coordinator@welzijn.example");

        var html = await session.GetHtmlAsync($"/People/{person.Id}/Team");
        var userId = System.Text.RegularExpressions.Regex.Match(html, "name=\"userId\"[^>]*>\\s*<option value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        if (userId.Length == 0)
        {
            userId = System.Text.RegularExpressions.Regex.Match(html, "<option value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        }

        var added = await session.PostFormAsync($"/People/{person.Id}/Team", $"/People/{person.Id}/Team?handler=Add", new() { ["userId"] = userId });
        using var response = await session.GetAsync($"/People/{person.Id}/Team");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
