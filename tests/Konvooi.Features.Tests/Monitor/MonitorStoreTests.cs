using System.Text;
using Konvooi.Domain.Access;
using Konvooi.Features.Data;
using Konvooi.Features.Monitor;
using Konvooi.Features.Organisations;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Konvooi.Features.Tests.Monitor;

/// <summary>
/// The web monitor's storage, jobs and isolation on both providers (docs/monitor-web.md): files stored in chunks per
/// organisation, audit entries with ids only, retention, and a job claim that only one node wins.
/// </summary>
public sealed class MonitorStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private sealed record Arranged(TwoOrganisations Orgs, Guid AnalystB, string Path, byte[] Bytes, MonitorTableShape Shape) : IDisposable
    {
        public void Dispose() => File.Delete(Path);
    }

    /// <summary>Two organisations, an analyst in each, and a CSV of a little over 2 MB (three chunks) with a header and 25 rows per block.</summary>
    private static async Task<Arranged> ArrangeAsync(IServiceProvider services)
    {
        var orgs = await TwoOrganisations.CreateAsync(services);
        Guid analystB;
        await using (var scope = services.CreateAsyncScope())
        {
            analystB = Assert.IsType<Setup.Outcome.Created>(await scope.ServiceProvider.GetRequiredService<Setup.Handler>()
                .CreateUserAsync(new Setup.NewUser("analyst-b@test.example", "Analist B", Role.Analyst, orgs.OrganisationB, "Test-wachtwoord-123"), CancellationToken.None)).Id;
        }

        var csv = new StringBuilder("wave,wijk,q1,weight\n");
        var row = 0;
        while (csv.Length < (2 * MonitorStore.ChunkBytes) + 1000)
        {
            csv.Append(2024).Append(',').Append("Oost").Append(',').Append((row % 3) + 1).Append(',').Append("1.25\n");
            row++;
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "konvooi-monitor-test-" + Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllBytesAsync(path, bytes);
        IReadOnlyList<IReadOnlyList<string>> preview = [.. Enumerable.Range(0, MonitorStore.PreviewRows).Select(i => (IReadOnlyList<string>)["2024", "Oost", ((i % 3) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "1.25"])];
        return new Arranged(orgs, analystB, path, bytes, new MonitorTableShape(["wave", "wijk", "q1", "weight"], preview));
    }

    private static async Task<Guid> StoreAsync(IServiceProvider services, Arranged arranged, string datasetName = "Gezondheidsmonitor")
    {
        await using var scope = TestDatabase.Scope(services, arranged.Orgs.AnalystA, arranged.Orgs.OrganisationA, Role.Analyst);
        var id = await scope.ServiceProvider.GetRequiredService<MonitorStore>()
            .StoreAsync(arranged.Path, "C:\\map\\enquete 2024.csv", datasetName, "csv", arranged.Shape, CancellationToken.None);
        return Assert.NotNull(id);
    }

    private static async Task<Guid> EnqueueAsync(IServiceProvider services, Arranged arranged, Guid fileId)
    {
        await using var scope = TestDatabase.Scope(services, arranged.Orgs.AnalystA, arranged.Orgs.OrganisationA, Role.Analyst);
        var id = await scope.ServiceProvider.GetRequiredService<MonitorJobs>()
            .EnqueueAsync(fileId, new MonitorSettings { Items = ["q1"], Weight = "weight", Strata = "wijk" }, null, CancellationToken.None);
        return Assert.NotNull(id);
    }

    private static async Task<(int Files, int Chunks, int Jobs)> CountAsync(IServiceProvider services, Guid fileId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        return (await db.MonitorFiles.IgnoreQueryFilters().CountAsync(f => f.Id == fileId),
            await db.MonitorFileChunks.IgnoreQueryFilters().CountAsync(c => c.FileId == fileId),
            await db.MonitorJobs.IgnoreQueryFilters().CountAsync(j => j.FileId == fileId));
    }

    private static async Task<List<AuditEntry>> AuditAsync(IServiceProvider services, string action)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Action == action).ToListAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Analyst_StoresListsFindsPreviewsAndCopies_AndDeleteRemovesFileChunksAndJobs_WithAuditEntries(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        using var arranged = await ArrangeAsync(services);

        var id = await StoreAsync(services, arranged);
        await EnqueueAsync(services, arranged, id);

        await using (var scope = TestDatabase.Scope(services, arranged.Orgs.AnalystA, arranged.Orgs.OrganisationA, Role.Analyst))
        {
            var store = scope.ServiceProvider.GetRequiredService<MonitorStore>();
            var listed = Assert.Single(await store.ListAsync(CancellationToken.None));
            Assert.Equal((id, "enquete 2024.csv", "Gezondheidsmonitor", "csv", (long)arranged.Bytes.Length), (listed.Id, listed.FileName, listed.DatasetName, listed.Format, listed.SizeBytes));
            Assert.Equal(["wave", "wijk", "q1", "weight"], listed.Columns);
            Assert.Equal(Start.UtcDateTime.AddDays(365), listed.ExpiresAtUtc);
            Assert.Equal((id, "enquete 2024.csv"), await store.FindAsync(id, CancellationToken.None) is { } found ? (found.Id, found.FileName) : default);
            var preview = await store.PreviewAsync(id, CancellationToken.None);
            Assert.NotNull(preview);
            Assert.Equal(MonitorStore.PreviewRows, preview.Count);
            Assert.Equal(["2024", "Oost", "1", "1.25"], preview[0]);
            using var copy = new MemoryStream();
            Assert.True(await store.CopyToAsync(id, copy, CancellationToken.None));
            Assert.Equal(arranged.Bytes, copy.ToArray());
        }

        Assert.Equal((1, 3, 1), await CountAsync(services, id));

        await using (var scope = TestDatabase.Scope(services, arranged.Orgs.AnalystA, arranged.Orgs.OrganisationA, Role.Analyst))
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<MonitorStore>().DeleteAsync(id, CancellationToken.None));
        }

        Assert.Equal((0, 0, 0), await CountAsync(services, id));
        await using (var scope = TestDatabase.Scope(services, arranged.Orgs.AnalystA, arranged.Orgs.OrganisationA, Role.Analyst))
        {
            var store = scope.ServiceProvider.GetRequiredService<MonitorStore>();
            Assert.Empty(await store.ListAsync(CancellationToken.None));
            Assert.Null(await store.FindAsync(id, CancellationToken.None));
            Assert.False(await store.DeleteAsync(id, CancellationToken.None));
        }

        // Ids only: no file name, dataset name or value from the file, and never a person.
        foreach (var action in new[] { MonitorAudit.Upload, MonitorAudit.Read, MonitorAudit.Delete })
        {
            var entry = Assert.Single(await AuditAsync(services, action));
            Assert.Equal((MonitorAudit.FileEntity, id.ToString("D"), (Guid?)null), (entry.EntityType, entry.RecordIds, entry.PersonId));
            Assert.Equal((arranged.Orgs.AnalystA, arranged.Orgs.OrganisationA), (entry.UserId, entry.OrganisationId));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnalystOfAnotherOrganisation_CannotReachTheFileItsJobsOrTheSavedAnalyses(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        using var arranged = await ArrangeAsync(services);
        var id = await StoreAsync(services, arranged);
        var jobId = await EnqueueAsync(services, arranged, id);
        Guid analysisId;
        await using (var scope = TestDatabase.Scope(services, arranged.Orgs.AnalystA, arranged.Orgs.OrganisationA, Role.Analyst))
        {
            analysisId = Assert.NotNull(await scope.ServiceProvider.GetRequiredService<MonitorJobs>()
                .SaveAnalysisAsync("Eenzaamheid per wijk", "Gezondheidsmonitor", new MonitorSettings { Items = ["q1"] }, CancellationToken.None));
        }

        await using (var scope = TestDatabase.Scope(services, arranged.AnalystB, arranged.Orgs.OrganisationB, Role.Analyst))
        {
            var store = scope.ServiceProvider.GetRequiredService<MonitorStore>();
            var jobs = scope.ServiceProvider.GetRequiredService<MonitorJobs>();
            Assert.Empty(await store.ListAsync(CancellationToken.None));
            Assert.Null(await store.FindAsync(id, CancellationToken.None));
            Assert.Null(await store.PreviewAsync(id, CancellationToken.None));
            using var copy = new MemoryStream();
            Assert.False(await store.CopyToAsync(id, copy, CancellationToken.None));
            Assert.Equal(0, copy.Length);
            Assert.False(await store.DeleteAsync(id, CancellationToken.None));
            Assert.Null(await jobs.GetAsync(jobId, CancellationToken.None));
            Assert.Empty(await jobs.RecentAsync(20, CancellationToken.None));
            Assert.Empty(await jobs.AnalysesAsync(CancellationToken.None));
            Assert.Null(await jobs.EnqueueAsync(id, new MonitorSettings(), null, CancellationToken.None));
            Assert.Null(await jobs.RunAnalysisAsync(analysisId, id, CancellationToken.None));
        }

        // B's coordinator (reading role) sees nothing of A either.
        await using (var scope = TestDatabase.Scope(services, arranged.Orgs.CoordinatorB, arranged.Orgs.OrganisationB, Role.Coordinator))
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<MonitorStore>().ListAsync(CancellationToken.None));
            Assert.Null(await scope.ServiceProvider.GetRequiredService<MonitorJobs>().GetAsync(jobId, CancellationToken.None));
        }

        Assert.Equal((1, 3, 1), await CountAsync(services, id));
        Assert.Empty(await AuditAsync(services, MonitorAudit.Read));
        Assert.Empty(await AuditAsync(services, MonitorAudit.Delete));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Roles_ReadersSeeTheList_OnlyAnalystsManage_OthersGetNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        using var arranged = await ArrangeAsync(services);
        var id = await StoreAsync(services, arranged);
        var jobId = await EnqueueAsync(services, arranged, id);
        var orgs = arranged.Orgs;

        foreach (var (user, role) in new[] { (orgs.CoordinatorA, Role.Coordinator), (orgs.AdministratorA, Role.Administrator), (orgs.ProfessionalA, Role.Professional), (orgs.VolunteerA, Role.Volunteer), (orgs.ProfessionalA, Role.Signaller) })
        {
            Assert.False(MonitorAccess.CanManage(role));
            var reads = MonitorAccess.CanRead(role);
            Assert.Equal(role is Role.Coordinator or Role.Administrator, reads);
            await using var scope = TestDatabase.Scope(services, user, orgs.OrganisationA, role);
            var store = scope.ServiceProvider.GetRequiredService<MonitorStore>();
            var jobs = scope.ServiceProvider.GetRequiredService<MonitorJobs>();
            Assert.Equal((reads, false), (store.CanRead, store.CanManage));
            Assert.Equal(reads ? 1 : 0, (await store.ListAsync(CancellationToken.None)).Count);
            Assert.Equal(reads, await store.FindAsync(id, CancellationToken.None) is not null);
            Assert.Equal(reads, await jobs.GetAsync(jobId, CancellationToken.None) is not null);
            Assert.Equal(reads ? 1 : 0, (await jobs.RecentAsync(20, CancellationToken.None)).Count);
            // Rows of the file (the preview) and every change are the analyst's only.
            Assert.Null(await store.PreviewAsync(id, CancellationToken.None));
            Assert.Null(await store.StoreAsync(arranged.Path, "x.csv", "x", "csv", arranged.Shape, CancellationToken.None));
            Assert.False(await store.DeleteAsync(id, CancellationToken.None));
            Assert.Null(await jobs.EnqueueAsync(id, new MonitorSettings(), null, CancellationToken.None));
            Assert.Null(await jobs.SaveAnalysisAsync("x", null, new MonitorSettings(), CancellationToken.None));
        }

        Assert.True(MonitorAccess.CanManage(Role.Analyst));
        Assert.Equal((1, 3, 1), await CountAsync(services, id));
        Assert.Single(await AuditAsync(services, MonitorAudit.Upload));
        Assert.Empty(await AuditAsync(services, MonitorAudit.Read));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RemoveExpired_KeepsTheFileWithinRetention_ThenRemovesItWithChunksAndJobs(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        await using var services = database.BuildServices(time);
        using var arranged = await ArrangeAsync(services);
        var id = await StoreAsync(services, arranged);
        await EnqueueAsync(services, arranged, id);

        time.Advance(TimeSpan.FromDays(364));
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<MonitorBackground>().RemoveExpiredAsync(CancellationToken.None));
        }

        Assert.Equal((1, 3, 1), await CountAsync(services, id));
        time.Advance(TimeSpan.FromDays(2));
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MonitorBackground>().RemoveExpiredAsync(CancellationToken.None));
        }

        Assert.Equal((0, 0, 0), await CountAsync(services, id));
        var entry = Assert.Single(await AuditAsync(services, MonitorAudit.Expire));
        Assert.Equal((MonitorAudit.FileEntity, id.ToString("D"), arranged.Orgs.OrganisationA, (Guid?)null), (entry.EntityType, entry.RecordIds, entry.OrganisationId, entry.PersonId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RetentionPerOrganisation_ReplacesTheDefault(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        Guid? organisation = null;
        await using var services = database.BuildServices(time, s => s.PostConfigure<MonitorOptions>(o =>
        {
            if (organisation is { } id)
            {
                o.RetentionDaysByOrganisation[id.ToString("D")] = 30;
            }
        }));
        using var arranged = await ArrangeAsync(services);
        organisation = arranged.Orgs.OrganisationA;
        var id = await StoreAsync(services, arranged);

        time.Advance(TimeSpan.FromDays(31));
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MonitorBackground>().RemoveExpiredAsync(CancellationToken.None));
        }

        Assert.Equal((0, 0, 0), await CountAsync(services, id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claim_TwoNodesRaceForOneQueuedJob_ExactlyOneWins_AndTheLeaseLetsItBeClaimedAgain(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start);
        await using var services = database.BuildServices(time);
        using var arranged = await ArrangeAsync(services);
        var id = await StoreAsync(services, arranged);
        var jobId = await EnqueueAsync(services, arranged, id);

        // Two nodes: two scopes, two DbContexts (two connections) on the same database.
        await using (var first = services.CreateAsyncScope())
        await using (var second = services.CreateAsyncScope())
        {
            var nodes = new[] { first, second }.Select(s => s.ServiceProvider.GetRequiredService<MonitorBackground>()).ToList();
            using var go = new SemaphoreSlim(0);
            var claims = nodes.Select(n => Task.Run(async () =>
            {
                await go.WaitAsync();
                return await n.ClaimNextAsync(CancellationToken.None);
            })).ToList();
            go.Release(2);
            var results = await Task.WhenAll(claims);

            var won = Assert.Single(results, r => r is not null)!;
            Assert.Equal((jobId, arranged.Orgs.OrganisationA, id, "csv"), (won.Id, won.OrganisationId, won.FileId, won.Format));
            Assert.Equal(["q1"], won.Settings.Items);
            using var copy = new MemoryStream();
            Assert.True(await nodes[0].CopyFileAsync(won, copy, CancellationToken.None));
            Assert.Equal(arranged.Bytes, copy.ToArray());
        }

        await using (var scope = services.CreateAsyncScope())
        {
            // Still within the lease: nobody else gets it.
            Assert.Null(await scope.ServiceProvider.GetRequiredService<MonitorBackground>().ClaimNextAsync(CancellationToken.None));
        }

        time.Advance(MonitorBackground.Lease + TimeSpan.FromMinutes(1));
        await using (var scope = services.CreateAsyncScope())
        {
            var background = scope.ServiceProvider.GetRequiredService<MonitorBackground>();
            Assert.Equal(jobId, (await background.ClaimNextAsync(CancellationToken.None))?.Id);
            await background.FinishAsync(jobId, new MonitorResult { RowsRead = 3, RowsUsed = 2, MinN = 30 }, CancellationToken.None);
            Assert.Null(await background.ClaimNextAsync(CancellationToken.None));
        }

        Assert.Equal(2, (await AuditAsync(services, MonitorAudit.Run)).Count);
        await using (var scope = TestDatabase.Scope(services, arranged.Orgs.CoordinatorA, arranged.Orgs.OrganisationA, Role.Coordinator))
        {
            var job = await scope.ServiceProvider.GetRequiredService<MonitorJobs>().GetAsync(jobId, CancellationToken.None);
            Assert.NotNull(job);
            Assert.Equal((MonitorJobStatus.Done, 3L, 2L), (job.Status, job.Result?.RowsRead, job.Result?.RowsUsed));
        }

        var view = Assert.Single(await AuditAsync(services, MonitorAudit.ResultView));
        Assert.Equal((MonitorAudit.JobEntity, jobId.ToString("D"), (Guid?)null), (view.EntityType, view.RecordIds, view.PersonId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Fail_StoresTheProblems_AndANewUploadOfALinkedDatasetQueuesTheSavedAnalysis(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        using var arranged = await ArrangeAsync(services);
        var first = await StoreAsync(services, arranged);
        var jobId = await EnqueueAsync(services, arranged, first);
        await using (var scope = services.CreateAsyncScope())
        {
            var background = scope.ServiceProvider.GetRequiredService<MonitorBackground>();
            Assert.NotNull(await background.ClaimNextAsync(CancellationToken.None));
            await background.FailAsync(jobId, ["--weight: negative weight", "--strata: one PSU"], CancellationToken.None);
        }

        await using (var scope = TestDatabase.Scope(services, arranged.Orgs.AnalystA, arranged.Orgs.OrganisationA, Role.Analyst))
        {
            var jobs = scope.ServiceProvider.GetRequiredService<MonitorJobs>();
            var failed = await jobs.GetAsync(jobId, CancellationToken.None);
            Assert.NotNull(failed);
            Assert.Equal((MonitorJobStatus.Failed, (MonitorResult?)null), (failed.Status, failed.Result));
            Assert.Equal(["--weight: negative weight", "--strata: one PSU"], failed.Problems);
            Assert.NotNull(await jobs.SaveAnalysisAsync("Per wijk", "Gezondheidsmonitor", new MonitorSettings { Items = ["q1"], Strata = "wijk" }, CancellationToken.None));
            Assert.NotNull(await jobs.SaveAnalysisAsync("Los", null, new MonitorSettings { Items = ["q1"] }, CancellationToken.None));
        }

        var second = await StoreAsync(services, arranged);
        await using (var scope = TestDatabase.Scope(services, arranged.Orgs.AnalystA, arranged.Orgs.OrganisationA, Role.Analyst))
        {
            var queued = Assert.Single(await scope.ServiceProvider.GetRequiredService<MonitorJobs>().RecentAsync(20, CancellationToken.None), j => j.FileId == second);
            Assert.Equal((MonitorJobStatus.Queued, "Per wijk", "wijk"), (queued.Status, queued.AnalysisName, queued.Settings.Strata));
        }
    }
}
