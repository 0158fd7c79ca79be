using System.Net;
using Konvooi.Features.Data;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Convoy;

public sealed class ConvoyPagesTests : IAsyncLifetime
{
    private KonvooiWebFactory _factory = null!;
    private Person _person = null!;

    public async Task InitializeAsync()
    {
        _factory = await KonvooiWebFactory.CreateAsync();
        _person = await DemoLookup.PersonAsync(_factory.Services, "Welzijn Lindenhaven (demo)", responsibleIsDemoProfessional: true);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private string Page => $"/People/{_person.Id}/Convoy";

    [Fact]
    public async Task Post_AddMoveRemove_KeepsOneSnapshotForTodayAndShowsTheMapAccessibly()
    {
        using var session = await _factory.SignInAsync("professional@welzijn.example");

        var added = await session.PostFormAsync(Page, Page + "?handler=Add", Member("Anna", version: 0, latest: ""));
        var html = await session.GetHtmlAsync(Page);
        var memberId = System.Text.RegularExpressions.Regex.Match(html, "name=\"memberId\" value=\"([^\"]+)\"").Groups[1].Value;
        // Anna stands in "heel dichtbij": moving her outward first asks why (JG-4); a correction raises no work-list item.
        var asked = await session.PostFormAsync(Page, Page + "?handler=Move", new() { ["memberId"] = memberId, ["circle"] = "further", ["version"] = "1", ["latest"] = Today });
        var askedHtml = await asked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Waarom staat Anna niet meer heel dichtbij?", askedHtml, StringComparison.Ordinal);
        var moved = await session.PostFormAsync(Page, Page + "?handler=Move", new() { ["memberId"] = memberId, ["circle"] = "further", ["version"] = "1", ["latest"] = Today, ["askedReason"] = "true", ["closestReason"] = "correction" });
        var afterMove = await session.GetHtmlAsync(Page);
        var removed = await session.PostFormAsync(Page, Page + "?handler=Remove", new() { ["memberId"] = memberId, ["version"] = "2", ["latest"] = Today });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Mensen op de kaart", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("<option value=\"further\" selected=\"selected\">", afterMove, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        var maps = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().ConvoyMaps.IgnoreQueryFilters().Where(m => m.PersonId == _person.Id).ToListAsync();
        Assert.Equal(3, Assert.Single(maps).Version);
    }

    [Fact]
    public async Task Post_AddWithoutRequiredFields_ShowsMessagesBesideTheFields()
    {
        using var session = await _factory.SignInAsync("professional@welzijn.example");

        var response = await session.PostFormAsync(Page, Page + "?handler=Add", new() { ["version"] = "0", ["latest"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"Member_Name-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Kies in welke cirkel deze persoon staat.", html, StringComparison.Ordinal);
        Assert.Contains("Kies hoe vaak er contact is.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EditOnAStaleMap_IsRefusedAndNothingIsLost()
    {
        using var first = await _factory.SignInAsync("professional@welzijn.example");
        using var second = await _factory.SignInAsync("coordinator@welzijn.example");

        await first.PostFormAsync(Page, Page + "?handler=Add", Member("Anna", version: 0, latest: ""));
        var stale = await second.PostFormAsync(Page, Page + "?handler=Add", Member("Bram", version: 0, latest: ""));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Iemand anders heeft de kaart net ook gewijzigd", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var html = await second.GetHtmlAsync(Page);
        Assert.Contains("Anna", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bram", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterAnEarlierSnapshot_ShowsWhoWasLostAddedOrMoved()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            db.ConvoyMaps.Add(new ConvoyMap
            {
                Id = Guid.NewGuid(),
                PersonId = _person.Id,
                OrganisationId = _person.OrganisationId,
                TakenOn = new DateOnly(2025, 6, 1),
                MembersJson = """[{"Id":"m-old","Name":"Gerrit","Relation":"partner","Circle":"closest","Frequency":"daily","Modes":[],"SupportReceived":["emotional"],"SupportGiven":[],"WouldNotice":true,"IsLightContact":false}]""",
                Version = 1,
                UpdatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        using var session = await _factory.SignInAsync("professional@welzijn.example");
        await session.PostFormAsync(Page, Page + "?handler=Add", Member("Anna", version: 1, latest: "2025-06-01"));
        var removeGerrit = await session.PostFormAsync(Page, Page + "?handler=Remove", new() { ["memberId"] = "m-old", ["version"] = "1", ["latest"] = Today, ["askedReason"] = "true", ["closestReason"] = "died" });
        var html = await session.GetHtmlAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, removeGerrit.StatusCode);
        Assert.Contains("Veranderd sinds 1 juni 2025", html, StringComparison.Ordinal);
        Assert.Contains("Niet meer op de kaart: Gerrit", html, StringComparison.Ordinal);
        Assert.Contains("Nieuw: Anna", html, StringComparison.Ordinal);
        Assert.Contains("Eerdere kaarten", html, StringComparison.Ordinal);
    }

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Member(string name, int version, string latest) => new()
    {
        ["Member.Name"] = name,
        ["Member.Relation"] = "friend",
        ["Member.Circle"] = "closest",
        ["Member.Frequency"] = "weekly",
        ["Member.Modes"] = "in_person",
        ["Member.SupportReceived"] = "emotional",
        ["Member.WouldNotice"] = "yes",
        ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["latest"] = latest,
    };
}
