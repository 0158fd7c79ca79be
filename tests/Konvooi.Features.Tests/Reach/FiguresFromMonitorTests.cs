using Konvooi.Domain.Access;
using Konvooi.Features.Data;
using Konvooi.Features.Monitor;
using Konvooi.Features.Reach;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.Reach;

/// <summary>
/// A finished monitor run feeds reach against need (docs/reach.md, "Figures from a monitor analysis"), on both
/// providers: the wijk values are matched to the coalition's wijk list, suppressed cells stay out, the write is audited,
/// and only the run's own organisation's analyst may do it.
/// </summary>
public sealed class FiguresFromMonitorTests
{
    private static MonitorResult Result(string extraWijk = "Zuid") => new()
    {
        RowsRead = 1000,
        RowsUsed = 990,
        MinN = 30,
        Indicators = [new MonitorIndicatorInfo("lonely", true), new MonitorIndicatorInfo("total", false)],
        Tables =
        [
            new MonitorTable(["wave"], [new MonitorEstimateRow(["2024"], "lonely", 500, 500, 0.4, 0.02, 0.36, 0.44, 1.1, false)]),
            new MonitorTable(["wave", "wijk"],
            [
                new MonitorEstimateRow(["2022", "Noord"], "lonely", 200, 200, 0.35, 0.03, 0.29, 0.41, 1.1, false),
                new MonitorEstimateRow(["2024", "Noord"], "lonely", 200, 200, 0.45, 0.03, 0.39, 0.51, 1.1, false),
                new MonitorEstimateRow(["2024", extraWijk], "lonely", 20, 20, 0.5, 0.1, 0.3, 0.7, 1.0, true),
                new MonitorEstimateRow(["2024", "Noord"], "total", 200, 200, 3.1, 0.1, 2.9, 3.3, 1.1, false),
            ]),
        ],
    };

    private static async Task<(TwoOrganisations Orgs, Guid JobA, Guid JobB)> ArrangeAsync(IServiceProvider services, MonitorResult result)
    {
        var orgs = await TwoOrganisations.CreateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var coalitionId = await db.Organisations.Where(o => o.Id == orgs.OrganisationA).Select(o => o.CoalitionId).SingleAsync();
        db.Wijken.AddRange(
            new Wijk { Id = Guid.NewGuid(), CoalitionId = coalitionId, Code = "WK999901", Name = "Noord" },
            new Wijk { Id = Guid.NewGuid(), CoalitionId = coalitionId, Code = "WK999902", Name = "Zuid" });
        var jobs = new List<Guid>();
        foreach (var organisation in new[] { orgs.OrganisationA, orgs.OrganisationB })
        {
            var file = new MonitorFile
            {
                Id = Guid.NewGuid(),
                OrganisationId = organisation,
                FileName = "peiling.csv",
                DatasetName = "Gezondheidsmonitor",
                Format = "csv",
                Columns = "wave,wijk",
                PreviewJson = "[]",
                Complete = true,
                UploadedAtUtc = DateTime.UtcNow,
                ExpiresAtUtc = DateTime.UtcNow.AddDays(30),
            };
            var job = new MonitorJob
            {
                Id = Guid.NewGuid(),
                OrganisationId = organisation,
                FileId = file.Id,
                SettingsJson = new MonitorSettings().ToJson(),
                Status = MonitorJobStatus.Done,
                RequestedByUserId = orgs.AnalystA,
                CreatedAtUtc = DateTime.UtcNow,
                ResultJson = result.ToJson(),
            };
            db.MonitorFiles.Add(file);
            db.MonitorJobs.Add(job);
            jobs.Add(job.Id);
        }

        await db.SaveChangesAsync();
        return (orgs, jobs[0], jobs[1]);
    }

    private static async Task<FiguresFromMonitor.Outcome> WriteAsync(IServiceProvider services, Guid user, Guid organisation, Role role, FiguresFromMonitor.Command command)
    {
        await using var scope = TestDatabase.Scope(services, user, organisation, role);
        return await scope.ServiceProvider.GetRequiredService<FiguresFromMonitor.Handler>().HandleAsync(command, CancellationToken.None);
    }

    private static FiguresFromMonitor.Command Command(Guid job, string wave = "2024", params string[] indicators) =>
        new(job, 1, new Dictionary<string, string> { ["wave"] = wave }, indicators.Length == 0 ? ["lonely"] : indicators, null);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Analyst_WritesTheWijkFiguresOfOneWave_AsAnAuditedFigureTable(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var (orgs, jobA, _) = await ArrangeAsync(services, Result());

        await using (var scope = TestDatabase.Scope(services, orgs.AnalystA, orgs.OrganisationA, Role.Analyst))
        {
            var offer = await scope.ServiceProvider.GetRequiredService<FiguresFromMonitor.Handler>().OfferAsync(jobA, CancellationToken.None);
            Assert.NotNull(offer);
            var candidate = Assert.Single(offer.Candidates);
            Assert.Equal((1, 1), (candidate.TableIndex, candidate.WijkVariable));
            Assert.Equal(["lonely"], candidate.Indicators);
            Assert.Equal(["2022", "2024"], candidate.OtherValues["wave"]);
        }

        var written = Assert.IsType<FiguresFromMonitor.Outcome.Written>(await WriteAsync(services, orgs.AnalystA, orgs.OrganisationA, Role.Analyst, Command(jobA)));

        Assert.Equal(["Zuid: lonely"], written.Skipped);
        await using var check = services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var table = await db.ReachFigureTables.Include(t => t.Rows).SingleAsync(t => t.Id == written.TableId);
        Assert.Equal((FigureTableSource.MonitorAnalysis, $"job:{jobA:D}", "Gezondheidsmonitor, wave 2024"), (table.Source, table.SourceReference, table.Name));
        var row = Assert.Single<ReachFigureRow>(table.Rows);
        Assert.Equal(("WK999901", "lonely"), (row.WijkCode, row.Indicator));
        Assert.Equal((45, 39, 51), (Math.Round(row.Estimate, 9), Math.Round(row.CiLow, 9), Math.Round(row.CiHigh, 9)));
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == ReachAuditActions.FiguresFromMonitor);
        Assert.Equal((nameof(ReachFigureTable), (Guid?)null), (entry.EntityType, entry.PersonId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnknownWijkOrNonProportion_IsRefused_WithEveryProblem_AndNothingStored(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var (orgs, jobA, _) = await ArrangeAsync(services, Result(extraWijk: "Elders"));

        var unknown = Assert.IsType<FiguresFromMonitor.Outcome.Refused>(await WriteAsync(services, orgs.AnalystA, orgs.OrganisationA, Role.Analyst, Command(jobA)));
        Assert.Equal(["‘Elders’ staat niet op de wijkenlijst van de coalitie (als code of als naam)."], unknown.Problems);
        var mean = Assert.IsType<FiguresFromMonitor.Outcome.Refused>(await WriteAsync(services, orgs.AnalystA, orgs.OrganisationA, Role.Analyst, Command(jobA, "2024", "lonely", "total")));
        Assert.Equal(["‘total’ is geen percentage en kan niet naar Bereik en behoefte."], mean.Problems);

        await using var check = services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<KonvooiDbContext>().ReachFigureTables.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnotherOrganisationsRun_IsNotFound_AndOtherRolesAreForbidden(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var (orgs, jobA, jobB) = await ArrangeAsync(services, Result());

        Assert.IsType<FiguresFromMonitor.Outcome.NotFound>(await WriteAsync(services, orgs.AnalystA, orgs.OrganisationA, Role.Analyst, Command(jobB)));
        Assert.IsType<FiguresFromMonitor.Outcome.Forbidden>(await WriteAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, Command(jobA)));
        await using var scope = TestDatabase.Scope(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<FiguresFromMonitor.Handler>().OfferAsync(jobA, CancellationToken.None));
    }
}
