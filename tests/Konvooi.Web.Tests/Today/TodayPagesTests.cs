using System.Net;
using Konvooi.Features.Data;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Today;

/// <summary>The start page "Vandaag" per role, the person page as a case overview, and their SQL command counts.</summary>
public sealed class TodayPagesTests : IAsyncLifetime
{
    // Pinned SQL command counts per request (docs/start-page.md, "Queries per page"). They must not grow with the
    // number of people or items; a change here is a deliberate decision, not a fix to make the test pass.
    private const int PersonListCommands = 6;
    private const int PersonPageCommands = 18;
    private const int StartPageCommands = 18;

    private KonvooiWebFactory _factory = null!;
    private string? _lastKey;

    public async Task InitializeAsync() => _factory = await KonvooiWebFactory.CreateAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task StartPage_Coordinator_ListsTodaysWorkMostUrgentFirstWithOneClickLinks()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var aafke = await PersonAsync("Aafke");
        var eelkje = await PersonAsync("Eelkje");

        var html = await session.GetHtmlAsync("/");

        Assert.Contains("<h1>Vandaag</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Aafke Testeling", html, StringComparison.Ordinal);   // follow-up after a dropout
        Assert.Contains("Eelkje Proefhuis", html, StringComparison.Ordinal);  // re-measurement due
        Assert.Contains("Catrien Oefenaar", html, StringComparison.Ordinal);  // waiting a long time
        Assert.Contains($"href=\"/People/{aafke.Id}/Plan\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/People/{eelkje.Id}/Measurements/New?instrument=djg11\">Opnieuw meten</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Fatima", html, StringComparison.Ordinal);      // another organisation
        // Most urgent first: every overdue item comes before the first one that is merely upcoming.
        var lastLate = html.LastIndexOf(">Te laat</span>", StringComparison.Ordinal);
        var firstSoon = html.IndexOf(">Binnenkort</span>", StringComparison.Ordinal);
        Assert.True(firstSoon < 0 || lastLate < firstSoon, "an upcoming item is listed before an overdue one");
        Assert.Matches(@"<a href=""/"">Vandaag \(\d+\)</a>", html);          // the navigation counts what needs attention (Aafke's follow-up)
    }

    [Fact]
    public async Task StartPage_Volunteer_ShowsTodaysContactMoments()
    {
        using var session = await _factory.SignInAsync("vrijwilliger@welzijn.example");

        var html = await session.GetHtmlAsync("/");

        Assert.Contains("Uw contactmomenten van vandaag", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/DailyContact/Mine\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Wat er vandaag te doen is", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartPage_Analyst_ShowsSavedAnalysesAndRecentRunsButNoPeople()
    {
        using var session = await _factory.SignInAsync("analist@welzijn.example");

        var html = await session.GetHtmlAsync("/");

        Assert.Contains("Uw opgeslagen analyses", html, StringComparison.Ordinal);
        Assert.Contains("Laatste berekeningen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Wat er vandaag te doen is", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Testeling", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonPage_TellsTheStoryWithLinksAndNamesNotIds()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var aafke = await PersonAsync("Aafke");

        var html = await session.GetHtmlAsync($"/People/{aafke.Id}");

        Assert.Contains("<h2 id=\"overzicht\">Overzicht</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Laatste meting", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/People/{aafke.Id}/Measurements/", html, StringComparison.Ordinal);
        Assert.Contains("Aanbod in het plan", html, StringComparison.Ordinal);
        Assert.Contains("Nazorg na uitval", html, StringComparison.Ordinal);  // the dropout's follow-up is the next step
        Assert.Contains("<ol class=\"timeline\" reversed>", html, StringComparison.Ordinal);
        Assert.Contains("Plan afgesproken, vastgelegd door", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("door [0-9a-f]{8}-[0-9a-f]{4}-", html);               // names, never ids
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.PersonId == aafke.Id && a.Action == "view" && a.EntityType == nameof(Person)));
    }

    [Fact]
    public async Task SqlCommands_OfTheBusiestPages_DoNotGrowWithPeopleOrHistory()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var aafke = await PersonAsync("Aafke");
        var pages = new[] { "/People", $"/People/{aafke.Id}", "/" };
        foreach (var page in pages)
        {
            await session.GetHtmlAsync(page); // warm-up
        }

        var before = new List<int>();
        foreach (var page in pages)
        {
            before.Add(await CountAsync(session, page));
        }

        await GrowAsync(aafke.Id, copies: 30);
        var after = new List<int>();
        foreach (var page in pages)
        {
            after.Add(await CountAsync(session, page));
        }

        Assert.Equal(before, after);
        Assert.Equal([PersonListCommands, PersonPageCommands, StartPageCommands], after);
    }

    [Fact]
    public async Task AuditInserts_OfThePersonPage_AreOneWhateverTheHistory()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");
        var aafke = await PersonAsync("Aafke");
        await session.GetHtmlAsync($"/People/{aafke.Id}");

        await CountAsync(session, $"/People/{aafke.Id}");

        Assert.Equal(1, _factory.Sql.AuditInsertsFor(_lastKey!));
    }

    private async Task<int> CountAsync(WebSession session, string url)
    {
        var key = Guid.NewGuid().ToString();
        _lastKey = key;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add(SqlCommandCounter.Header, key);
        using var response = await session.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return _factory.Sql.CountFor(key);
    }

    /// <summary>Copies the person with their measurements, plans and trajectories, and doubles their own measurements.</summary>
    private async Task GrowAsync(Guid personId, int copies)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var person = await db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == personId);
        var measurements = await db.Measurements.IgnoreQueryFilters().Where(m => m.PersonId == personId).ToListAsync();
        var plans = await db.SupportPlans.IgnoreQueryFilters().Where(p => p.PersonId == personId).ToListAsync();
        var versions = await db.SupportPlanVersions.IgnoreQueryFilters().Where(v => v.PersonId == personId).ToListAsync();
        var trajectories = await db.Trajectories.IgnoreQueryFilters().Where(t => t.PersonId == personId).ToListAsync();
        var tasks = await db.FollowUpTasks.IgnoreQueryFilters().Where(t => t.PersonId == personId).ToListAsync();
        T Copy<T>(T entity)
            where T : class => (T)db.Entry(entity).CurrentValues.ToObject();

        foreach (var m in measurements)
        {
            var extra = Copy(m);
            extra.Id = Guid.NewGuid();
            extra.AdministeredOn = m.AdministeredOn.AddDays(-400);
            db.Measurements.Add(extra);
        }

        for (var i = 0; i < copies; i++)
        {
            var copy = Copy(person);
            copy.Id = Guid.NewGuid();
            copy.FirstName = $"Kopie{i}";
            db.People.Add(copy);
            foreach (var m in measurements)
            {
                var c = Copy(m);
                c.Id = Guid.NewGuid();
                c.PersonId = copy.Id;
                db.Measurements.Add(c);
            }

            foreach (var plan in plans)
            {
                var p = Copy(plan);
                p.Id = Guid.NewGuid();
                p.PersonId = copy.Id;
                db.SupportPlans.Add(p);
                foreach (var v in versions.Where(v => v.PlanId == plan.Id))
                {
                    var cv = Copy(v);
                    cv.Id = Guid.NewGuid();
                    cv.PlanId = p.Id;
                    cv.PersonId = copy.Id;
                    db.SupportPlanVersions.Add(cv);
                }

                foreach (var t in trajectories.Where(t => t.PlanId == plan.Id))
                {
                    var ct = Copy(t);
                    ct.Id = Guid.NewGuid();
                    ct.PlanId = p.Id;
                    ct.PersonId = copy.Id;
                    db.Trajectories.Add(ct);
                    foreach (var task in tasks.Where(k => k.Id == t.Id))
                    {
                        var ck = Copy(task);
                        ck.Id = ct.Id;
                        ck.PlanId = p.Id;
                        ck.PersonId = copy.Id;
                        db.FollowUpTasks.Add(ck);
                    }
                }
            }
        }

        await db.SaveChangesAsync();
    }

    private Task<Person> PersonAsync(string firstName) => PersonByNameAsync(_factory.Services, firstName);

    private static async Task<Person> PersonByNameAsync(IServiceProvider services, string firstName)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        return await db.People.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.FirstName == firstName);
    }
}
