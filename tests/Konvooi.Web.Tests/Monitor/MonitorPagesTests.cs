using System.Net;
using System.Text;
using Konvooi.Domain.Access;
using Konvooi.Features.Data;
using Konvooi.Features.Monitor;
using Konvooi.Features.Organisations;
using Konvooi.Features.Seeding;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Monitor;

/// <summary>The web monitor's pages on the demo data (docs/monitor-web.md), without JavaScript: roles, uploads refused with a message, and isolation.</summary>
public sealed class MonitorPagesTests : IAsyncLifetime
{
    private KonvooiWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await KonvooiWebFactory.CreateAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static async Task<HttpResponseMessage> UploadAsync(WebSession session, string fileName, byte[] content)
    {
        // The sign-out form carries a token on every page, also for readers who see no upload form.
        var page = await session.GetHtmlAsync("/Account/Logout");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebSession.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("Testenquête"), "DatasetName" },
            { new ByteArrayContent(content), "Upload", fileName },
        };
        return await session.Client.PostAsync(new Uri("/Monitor?handler=Upload", UriKind.Relative), form);
    }

    private static async Task<(int Files, int Chunks)> CountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        return (await db.MonitorFiles.IgnoreQueryFilters().CountAsync(), await db.MonitorFileChunks.IgnoreQueryFilters().CountAsync());
    }

    private static async Task<MonitorFile> DemoFileAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().MonitorFiles.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(f => f.FileName == DemoSurvey.FileName);
    }

    /// <summary>A finished run of the demo file (written straight to the table, so the background service leaves it alone).</summary>
    private static async Task<Guid> DemoJobAsync(IServiceProvider services, MonitorFile file, MonitorResult? result = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var job = new MonitorJob
        {
            Id = Guid.NewGuid(),
            OrganisationId = file.OrganisationId,
            FileId = file.Id,
            SettingsJson = DemoSurvey.Settings.ToJson(),
            Status = MonitorJobStatus.Done,
            RequestedByUserId = file.UploadedByUserId,
            CreatedAtUtc = DateTime.UtcNow,
            FinishedAtUtc = DateTime.UtcNow,
            ResultJson = (result ?? new MonitorResult { RowsRead = 20_000, RowsUsed = 19_000, MinN = 30 }).ToJson(),
        };
        db.MonitorJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    private async Task CreateAnalystAsync(string email, Guid? organisation)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<Setup.Handler>();
        if (organisation is null)
        {
            var coalition = Assert.IsType<Setup.Outcome.Created>(await setup.CreateCoalitionAsync("Andere coalitie (test)", null, false, CancellationToken.None)).Id;
            organisation = Assert.IsType<Setup.Outcome.Created>(await setup.CreateOrganisationAsync(coalition, "Andere gemeente (test)", OrganisationKind.Gemeente, CancellationToken.None)).Id;
        }

        Assert.IsType<Setup.Outcome.Created>(await setup.CreateUserAsync(new Setup.NewUser(email, "Analist", Role.Analyst, organisation.Value, DemoData.Password), CancellationToken.None));
    }

    [Fact]
    public async Task Analyst_SeesThePreloadedDemoFile_AndItsMappingPage()
    {
        var demo = await DemoFileAsync(_factory.Services);
        using var session = await _factory.SignInAsync("analist@welzijn.example");

        var html = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Monitor"));
        var map = WebUtility.HtmlDecode(await session.GetHtmlAsync($"/Monitor/Map?fileId={demo.Id}"));

        Assert.Contains($"<th scope=\"row\">{DemoSurvey.FileName}</th>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Monitor/Map?fileId={demo.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
        Assert.Contains(DemoSurvey.FileName, map, StringComparison.Ordinal);

        // The preview shows the first 20 rows of the 20,000, no more.
        Assert.Contains("<h2>De eerste 20 regels</h2>", map, StringComparison.Ordinal);
        var preview = map[map.IndexOf("<caption id=\"preview-caption\">", StringComparison.Ordinal)..];
        preview = preview[preview.IndexOf("<tbody>", StringComparison.Ordinal)..preview.IndexOf("</tbody>", StringComparison.Ordinal)];
        Assert.Equal(MonitorStore.PreviewRows, System.Text.RegularExpressions.Regex.Count(preview, "<tr>"));
        Assert.Equal(20, MonitorStore.PreviewRows);
        await using var scope = _factory.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().AuditEntries.SingleAsync(a => a.Action == MonitorAudit.Read);
        Assert.Equal((MonitorAudit.FileEntity, demo.Id.ToString("D"), (Guid?)null), (entry.EntityType, entry.RecordIds, entry.PersonId));
    }

    /// <summary>A workbook of a few kilobytes whose shared strings declare 16 MB (ratio far above 200).</summary>
    private static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var strings = zip.CreateEntry("xl/sharedStrings.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 16];
            Array.Fill(block, (byte)'a');
            for (var i = 0; i < 256; i++)
            {
                strings.Write(block);
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public async Task BadUploads_ReRenderWithADutchMessage_AndStoreNothing()
    {
        var before = await CountAsync(_factory.Services);
        using var session = await _factory.SignInAsync("analist@welzijn.example");

        var cases = new (string FileName, byte[] Content, string Message)[]
        {
            ("notities.csv", Encoding.UTF8.GetBytes("Dit is gewoon een briefje\nzonder kolommen\n"), "Dit lijkt geen tabel"),
            ("enquete.xlsx", Encoding.UTF8.GetBytes("wave,q1\n2024,1\n"), "Het bestand is geen leesbaar Excel-bestand (xlsx)."),
            ("enquete.parquet", Encoding.UTF8.GetBytes("wave,q1\n2024,1\n"), "Het bestand is geen leesbaar Parquet-bestand."),
            ("enquete.xls", Encoding.UTF8.GetBytes("wave,q1\n2024,1\n"), "Dit soort spreadsheet kan Konvooi niet lezen."),
            ("leeg.csv", [], "Kies een bestand: CSV, XLSX of Parquet."),
            ("bom.xlsx", ZipBomb(), "Dit bestand pakt uit tot een veel groter bestand dan toegestaan."), // issue #17, finding 11
        };
        foreach (var (fileName, content, message) in cases)
        {
            var response = await UploadAsync(session, fileName, content);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{fileName}: {(int)response.StatusCode}");
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
            Assert.Contains($"<th scope=\"row\">{DemoSurvey.FileName}</th>", html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync(_factory.Services));
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().AuditEntries.AnyAsync(a => a.Action == MonitorAudit.Upload));
    }

    [Fact]
    public async Task TooLargeUploads_AreRefusedOnThePage_OrAtOnceWith413_AndStoreNothing()
    {
        await using var small = _factory.WithWebHostBuilder(b => b.UseSetting("Konvooi:Monitor:MaxUploadBytes", "1000"));
        var before = await CountAsync(_factory.Services);
        using var session = new WebSession(small.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await session.SignInAsync("analist@welzijn.example");

        var tooLarge = await UploadAsync(session, "groot.csv", Encoding.UTF8.GetBytes("wave,q1\n" + string.Concat(Enumerable.Repeat("2024,1\n", 1000))));
        var html = WebUtility.HtmlDecode(await tooLarge.Content.ReadAsStringAsync());
        var huge = await UploadAsync(session, "enorm.csv", new byte[(1 << 20) + 5000]);
        var refused = WebUtility.HtmlDecode(await huge.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Contains("Het bestand is te groot. Het mag hoogstens", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("Het bestand is te groot", refused, StringComparison.Ordinal);
        Assert.Contains("Er is niets opgeslagen.", refused, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(_factory.Services));
    }

    [Fact]
    public async Task OtherOrganisationsAndCoalitions_Get404Or403_OnTheDemoFileAndRun_AndCannotDeleteIt()
    {
        var demo = await DemoFileAsync(_factory.Services);
        var jobId = await DemoJobAsync(_factory.Services, demo);
        Guid zorg;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            zorg = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Organisations.Where(o => o.Name == "Zorggroep De Linde (demo)").Select(o => o.Id).SingleAsync();
        }

        await CreateAnalystAsync("analist@zorg.example", zorg);
        await CreateAnalystAsync("analist@andere.example", null);
        var urls = new[]
        {
            $"/Monitor/Map?fileId={demo.Id}", $"/Monitor/Job?id={jobId}", $"/Monitor/Job?id={jobId}&handler=Csv", $"/Monitor/Job?id={jobId}&handler=Xlsx",
            $"/Monitor/Reach?id={jobId}",
        };

        foreach (var email in new[] { "analist@zorg.example", "analist@andere.example", "coordinator@zorg.example" })
        {
            using var session = await _factory.SignInAsync(email);
            var index = await session.GetHtmlAsync("/Monitor");
            Assert.DoesNotContain(DemoSurvey.FileName, index, StringComparison.Ordinal);
            Assert.DoesNotContain(demo.Id.ToString("D"), index, StringComparison.Ordinal);
            foreach (var url in urls)
            {
                var get = await session.GetAsync(url);
                Assert.True(get.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"GET {url} as {email}: {(int)get.StatusCode}");
                Assert.DoesNotContain(DemoSurvey.FileName, await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            var delete = await session.PostFormAsync("/Account/Logout", "/Monitor?handler=Delete", new() { ["fileId"] = demo.Id.ToString("D") });
            Assert.True(delete.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"delete as {email}: {(int)delete.StatusCode}");
            var toReach = await session.PostFormAsync("/Account/Logout", $"/Monitor/Reach?id={jobId}", new() { ["TableIndex"] = "0", ["Fixed[wave]"] = "2024", ["Indicators"] = "lonely" });
            Assert.True(toReach.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"to reach as {email}: {(int)toReach.StatusCode}");
            var rerun = await session.PostFormAsync("/Account/Logout", "/Monitor?handler=Rerun", new() { ["fileId"] = demo.Id.ToString("D"), ["analysisId"] = Guid.NewGuid().ToString("D") });
            Assert.True(rerun.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"rerun as {email}: {(int)rerun.StatusCode}");
        }

        // The demo organisation's own analyst still has both.
        using (var insider = await _factory.SignInAsync("analist@welzijn.example"))
        {
            Assert.Contains(DemoSurvey.FileName, await insider.GetHtmlAsync($"/Monitor/Job?id={jobId}"), StringComparison.Ordinal);
        }

        await using var check = _factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        Assert.True(await db.MonitorFiles.IgnoreQueryFilters().AnyAsync(f => f.Id == demo.Id));
        Assert.Equal(1, await db.MonitorJobs.IgnoreQueryFilters().CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == MonitorAudit.Delete || a.Action == MonitorAudit.Read));
    }

    [Fact]
    public async Task RolesWithoutTheMonitor_Get403_ReadersSeeTheListWithoutManaging()
    {
        var demo = await DemoFileAsync(_factory.Services);
        foreach (var email in new[] { "professional@welzijn.example", "vrijwilliger@welzijn.example", "signaleerder@fysio.example" })
        {
            using var session = await _factory.SignInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/Monitor")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync($"/Monitor/Map?fileId={demo.Id}")).StatusCode);
            Assert.DoesNotContain("href=\"/Monitor\"", await session.GetHtmlAsync("/"), StringComparison.Ordinal);
        }

        foreach (var email in new[] { "coordinator@welzijn.example", "beheerder@welzijn.example" })
        {
            using var session = await _factory.SignInAsync(email);
            var html = await session.GetHtmlAsync("/Monitor");
            Assert.Contains($"<th scope=\"row\">{DemoSurvey.FileName}</th>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync($"/Monitor/Map?fileId={demo.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(session, "enquete.csv", Encoding.UTF8.GetBytes("wave,q1\n2024,1\n"))).StatusCode);
        }

        Assert.Equal((1, demo.ChunkCount), await CountAsync(_factory.Services));
    }

    [Fact]
    public async Task MonitorToReach_ListsEveryProblemOnThePage_AndOnSuccessShowsTheTableOnTheReachPage()
    {
        var demo = await DemoFileAsync(_factory.Services);
        MonitorResult Result(string secondWijk) => new()
        {
            RowsRead = 20_000,
            RowsUsed = 19_000,
            MinN = 30,
            Indicators = [new MonitorIndicatorInfo("lonely", true)],
            Tables =
            [
                new MonitorTable(["wave", "wijk"],
                [
                    new MonitorEstimateRow(["2024", "Centrum"], "lonely", 900, 900, 0.41, 0.02, 0.37, 0.45, 1.2, false),
                    new MonitorEstimateRow(["2024", secondWijk], "lonely", 800, 800, 0.33, 0.02, 0.29, 0.37, 1.2, false),
                ]),
            ],
        };
        var bad = await DemoJobAsync(_factory.Services, demo, Result("Nergensland"));
        var good = await DemoJobAsync(_factory.Services, demo, Result("Oost"));
        using var session = await _factory.SignInAsync("analist@welzijn.example");
        Assert.Contains("href=\"/Monitor/Reach?id=" + bad.ToString("D"), await session.GetHtmlAsync($"/Monitor/Job?id={bad}"), StringComparison.Ordinal);

        var refused = await session.PostFormAsync($"/Monitor/Reach?id={bad}", $"/Monitor/Reach?id={bad}", new() { ["TableIndex"] = "0", ["Fixed[wave]"] = "2024", ["Indicators"] = "lonely" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("‘Nergensland’ staat niet op de wijkenlijst", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var written = await session.PostFormAsync($"/Monitor/Reach?id={good}", $"/Monitor/Reach?id={good}", new() { ["TableIndex"] = "0", ["Fixed[wave]"] = "2024", ["Indicators"] = "lonely", ["Name"] = "Monitor 2024" });
        Assert.Equal(HttpStatusCode.Redirect, written.StatusCode);
        var reach = await session.GetHtmlAsync(written.Headers.Location!.OriginalString);
        Assert.Contains("Monitor 2024 (monitor)</option>", reach, StringComparison.Ordinal);
        Assert.Contains("De cijfers staan nu bij bereik en behoefte (2 regels).", reach, StringComparison.Ordinal);

        await using var check = _factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        Assert.Equal(1, await db.ReachFigureTables.CountAsync(t => t.Source == FigureTableSource.MonitorAnalysis));
    }
}
