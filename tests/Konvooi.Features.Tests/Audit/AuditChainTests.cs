using Konvooi.Domain.Access;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.People;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.Audit;

public sealed class AuditChainTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_ConcurrentWriters_ChainStaysIntactAndComplete(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var id = await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson());

        await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            await using var scope = TestDatabase.Scope(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator);
            await scope.ServiceProvider.GetRequiredService<GetPerson.Handler>().HandleAsync(id, AuditActions.View, CancellationToken.None);
        }));

        await using var check = services.CreateAsyncScope();
        var outcome = await check.ServiceProvider.GetRequiredService<VerifyAuditChain.Handler>().HandleAsync(CancellationToken.None);
        Assert.Equal(new VerifyAuditChain.Outcome.Intact(13), outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_AlteredEntry_ReportsWhere(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson("Een"));
        await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson("Twee"));
        await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson("Drie"));

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        await db.AuditEntries.Where(a => a.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(a => a.Action, "view"));
        var outcome = await scope.ServiceProvider.GetRequiredService<VerifyAuditChain.Handler>().HandleAsync(CancellationToken.None);

        Assert.Equal(new VerifyAuditChain.Outcome.Broken(2, "entry was altered"), outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Verify_RemovedEntry_ReportsTheGap(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson("Een"));
        await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson("Twee"));
        await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson("Drie"));

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        await db.AuditEntries.Where(a => a.Sequence == 2).ExecuteDeleteAsync();
        var outcome = await scope.ServiceProvider.GetRequiredService<VerifyAuditChain.Handler>().HandleAsync(CancellationToken.None);

        Assert.Equal(new VerifyAuditChain.Outcome.Broken(2, "entry missing"), outcome);
    }
}
