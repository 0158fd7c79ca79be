using System.Net;
using Konvooi.Domain.Access;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Konvooi.Features.Seeding;
using Konvooi.Features.Support;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Support;

/// <summary>The work list, the outcomes page and the plan on the measurement history, on the seeded demo plans.</summary>
public sealed class SupportListPagesTests : IAsyncLifetime
{
    private KonvooiWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await KonvooiWebFactory.CreateAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task WorkList_Professional_ShowsTheDemoItemsWithTheirLinks()
    {
        using var session = await _factory.SignInAsync("professional@welzijn.example");
        var dropout = await PersonAsync("Aafke");
        var remeasure = await PersonAsync("Eelkje");

        var html = await session.GetHtmlAsync("/WorkList");

        Assert.Contains("Aafke Testeling", html, StringComparison.Ordinal);     // dropout with an open follow-up
        Assert.Contains("Catrien Oefenaar", html, StringComparison.Ordinal);    // waiting ten weeks
        Assert.Contains("Eelkje Proefhuis", html, StringComparison.Ordinal);    // re-measurement due
        Assert.Contains("Yde Denkbeeld", html, StringComparison.Ordinal);       // watchful waiting past its review date
        Assert.DoesNotContain("Fatima", html, StringComparison.Ordinal);        // another organisation
        Assert.Contains($"href=\"/People/{dropout.Id}/Plan\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/People/{remeasure.Id}/Measurements/New?instrument=djg11\">Opnieuw meten</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"professional\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkList_CoordinatorWithFilters_ShowsOnlyMatchingItems()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");

        var all = await session.GetHtmlAsync("/WorkList");
        var buddy = await session.GetHtmlAsync("/WorkList?intervention=buddy");
        var oost = await session.GetHtmlAsync("/WorkList?wijk=Oost");

        Assert.Contains("id=\"professional\"", all, StringComparison.Ordinal);
        Assert.Contains("Aafke Testeling", all, StringComparison.Ordinal);
        Assert.Contains("Aafke Testeling", buddy, StringComparison.Ordinal);
        Assert.DoesNotContain("Catrien Oefenaar", buddy, StringComparison.Ordinal);
        Assert.Contains("<option value=\"buddy\" selected=\"selected\">", buddy, StringComparison.Ordinal);
        Assert.Contains("Catrien Oefenaar", oost, StringComparison.Ordinal); // demo wijk of person 26: Wijken[26 % 5]
        Assert.DoesNotContain("Aafke Testeling", oost, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkList_AnotherProfessional_SeesNoneOfTheseItemsEvenWithAFilter()
    {
        var professional = await UserIdAsync("professional@welzijn.example");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<Setup.Handler>();
            var organisation = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Organisations.SingleAsync(o => o.Name == "Welzijn Lindenhaven (demo)");
            Assert.IsType<Setup.Outcome.Created>(await setup.CreateUserAsync(
                new Setup.NewUser("collega@welzijn.example", "Collega (demo)", Role.Professional, organisation.Id, DemoData.Password), CancellationToken.None));
        }

        using var session = await _factory.SignInAsync("collega@welzijn.example");
        var html = await session.GetHtmlAsync($"/WorkList?professional={professional}");

        Assert.Contains("Er staat nu niets op de werklijst", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Aafke", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkList_OtherOrganisation_SeesOnlyItsOwnPlans()
    {
        using var session = await _factory.SignInAsync("coordinator@zorg.example");

        var html = await session.GetHtmlAsync("/WorkList");

        Assert.Contains("Fatima Voorbeeld", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Aafke", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkList_View_AuditLogsOneListEntryPerPersonShown()
    {
        using var session = await _factory.SignInAsync("professional@welzijn.example");
        var dropout = await PersonAsync("Aafke");

        await session.GetHtmlAsync("/WorkList");

        await using var scope = _factory.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().AuditEntries
            .Where(a => a.Action == AuditActions.List && a.EntityType == GetWorkList.AuditEntityType)
            .ToListAsync();
        Assert.Single(entries, e => e.PersonId == dropout.Id);
        Assert.Equal(entries.Count, entries.Select(e => e.PersonId).Distinct().Count());
        Assert.Equal(4, entries.Count);
    }

    [Theory]
    [InlineData("vrijwilliger@welzijn.example", "/WorkList")]
    [InlineData("analist@welzijn.example", "/WorkList")]
    [InlineData("beheerder@welzijn.example", "/WorkList")]
    [InlineData("vrijwilliger@welzijn.example", "/Outcomes")]
    [InlineData("analist@welzijn.example", "/Outcomes")]
    [InlineData("beheerder@welzijn.example", "/Outcomes")]
    [InlineData("professional@welzijn.example", "/Outcomes")]
    [InlineData("professional@welzijn.example", "/Outcomes?handler=Csv")]
    public async Task Pages_RolesWithoutPermission_Get403(string email, string url)
    {
        using var session = await _factory.SignInAsync(email);

        var response = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Navigation_ShowsWorkListAndOutcomesByRole()
    {
        using var coordinator = await _factory.SignInAsync("coordinator@welzijn.example");
        using var professional = await _factory.SignInAsync("professional@welzijn.example");

        var asCoordinator = await coordinator.GetHtmlAsync("/");
        var asProfessional = await professional.GetHtmlAsync("/");

        Assert.Contains("<a href=\"/WorkList\">Werklijst</a>", asCoordinator, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Outcomes\">Uitkomsten</a>", asCoordinator, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/WorkList\">Werklijst</a>", asProfessional, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"/Outcomes\">", asProfessional, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outcomes_Coordinator_ShowsTheDemoInterventionWithSmallCellsSuppressed()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");

        var html = await session.GetHtmlAsync("/Outcomes");

        Assert.Contains("<th scope=\"row\">Ontmoetingsactiviteit in de buurt</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>11</td>", html, StringComparison.Ordinal);                  // eleven referred and started
        Assert.Contains("<td>minder dan 10</td>", html, StringComparison.Ordinal);       // seven completed: suppressed
        Assert.Contains("punten gemiddeld (95%-betrouwbaarheidsinterval", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Maatje</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ontmoetingsgroep in eigen taal", html, StringComparison.Ordinal); // the other organisation's intervention
    }

    [Fact]
    public async Task Outcomes_Coordinator_ShowsTheEvaluationPerInstrumentWithItsCaveats()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");

        var html = await session.GetHtmlAsync("/Outcomes");

        Assert.Contains("<h2 id=\"verandering\">Verandering per vragenlijst</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Verandering op de De Jong Gierveld-schaal, 11 vragen,", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Verandering op de De Jong Gierveld-schaal, 6 vragen,", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Verandering op de WHO-5-vragenlijst over welbevinden,", html, StringComparison.Ordinal); // VT-2
        Assert.Contains("<th scope=\"col\">Emotionele eenzaamheid</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Sociale eenzaamheid</th>", html, StringComparison.Ordinal);
        Assert.Contains("Vergelijkingsgroep: afgewezen, nooit begonnen of gewacht\n", html, StringComparison.Ordinal);            // the comparison group row
        Assert.Contains("hooguit 90 dagen ervoor", html, StringComparison.Ordinal);
        Assert.Contains("regressie naar het gemiddelde", html, StringComparison.Ordinal);                 // named in plain words
        Assert.Contains("niet door loting gekozen", html, StringComparison.Ordinal);                      // the comparison group's caveat
        Assert.Contains("Geen maat voor betrouwbare verandering per persoon", html, StringComparison.Ordinal);
        Assert.Contains("punten (95%-betrouwbaarheidsinterval", html, StringComparison.Ordinal);         // the demo's eleven DJG-11 pairs
    }

    [Fact]
    public async Task Outcomes_Csv_IsUtf8CsvWithTheDomainHeaderAndEveryCatalogueIntervention()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");

        var response = await session.GetAsync("/Outcomes?handler=Csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.DoesNotContain('\r', text);
        Assert.Equal(InterventionOutcomes.CsvHeader, lines[0]);
        Assert.Equal(Konvooi.Domain.Matching.InterventionCatalogue.Starter.Interventions.Count, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith("group_meeting_activity,10,11,11,,0,0,,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Outcomes_Summary_IsPlainDutchTextForOneIntervention()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");

        var response = await session.GetAsync("/Outcomes?handler=Summary&intervention=group_meeting_activity");
        var text = await response.Content.ReadAsStringAsync();
        var unknown = await session.GetAsync("/Outcomes?handler=Summary&intervention=bestaat_niet");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("Praktijkervaringen: Ontmoetingsactiviteit in de buurt\nPeriode: ", text, StringComparison.Ordinal);
        Assert.Contains("- Aangemeld: 11", text, StringComparison.Ordinal);
        Assert.Contains("- Helemaal afgerond: minder dan 10", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Outcomes_PeriodWithStartAfterEnd_ShowsTheMessage()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");

        var html = await session.GetHtmlAsync("/Outcomes?from=2026-06-01&to=2026-01-01");
        var unreadable = await session.GetHtmlAsync("/Outcomes?from=gisteren");

        Assert.Contains("De begindatum ligt na de einddatum.", html, StringComparison.Ordinal);
        Assert.Contains("Vul geldige datums in", unreadable, StringComparison.Ordinal);
        Assert.Contains("Ontmoetingsactiviteit in de buurt", unreadable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeasurementHistory_PersonWithPlan_MarksThePlanEventsAndShowsTheHonestChange()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var measured = await PersonAsync("Bertus");    // baseline at the start and a measurement six months later
        var due = await PersonAsync("Eelkje");         // no measurement after the start yet

        var withChange = await session.GetHtmlAsync($"/People/{measured.Id}/Measurements");
        var withoutChange = await session.GetHtmlAsync($"/People/{due.Id}/Measurements");

        Assert.Contains("<h3 id=\"h-events\">Gebeurtenissen in het plan</h3>", withChange, StringComparison.Ordinal);
        Assert.Contains("Plan afgesproken", withChange, StringComparison.Ordinal);
        Assert.Contains("stroke-dasharray", withChange, StringComparison.Ordinal);
        Assert.Contains("Gebeurtenissen in het plan: 1.", withChange, StringComparison.Ordinal); // the chart's description lists them too
        Assert.Contains(ScoreChange.HonestNote, withChange, StringComparison.Ordinal);
        Assert.Contains("De score ", withChange, StringComparison.Ordinal);
        Assert.Contains("Er is nog geen nieuwe meting na de start van het plan.", withoutChange, StringComparison.Ordinal);
        Assert.Contains($"href=\"/People/{due.Id}/Measurements/New?instrument=djg11\">Opnieuw meten</a>", withoutChange, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeasurementHistory_PersonWithoutPlan_KeepsThePlainChart()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var person = await PersonAsync("Bauke");

        var html = await session.GetHtmlAsync($"/People/{person.Id}/Measurements");

        Assert.DoesNotContain("stroke-dasharray", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Plan en nieuwe metingen", html, StringComparison.Ordinal);
    }

    private async Task<Person> PersonAsync(string firstName)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().People.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(p => p.FirstName == firstName);
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
