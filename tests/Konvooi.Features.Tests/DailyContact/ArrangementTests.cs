using Konvooi.Domain.Access;
using Konvooi.Features.DailyContact;
using Konvooi.Features.Data;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.DailyContact;

public sealed class ArrangementTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task View_Coordinator_ReadsTheArrangementAndIsAuditLogged(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await using var scope = world.Coordinator();

        var view = await scope.ServiceProvider.GetRequiredService<GetArrangements.Handler>().HandleAsync(world.PersonId, CancellationToken.None);

        var stored = Assert.Single(view!.Arrangements);
        Assert.Equal(new TimeOnly(10, 0), stored.Arrangement.Window.Start);
        Assert.Equal(world.NeighbourId, stored.Arrangement.Escalation.SecondContactId);
        Assert.Equal("nel@buren.example", Assert.Single(stored.Contacts, c => c.ContactId == world.NeighbourId).Email);
        var actions = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().AuditEntries
            .Where(a => a.PersonId == world.PersonId).Select(a => a.Action).ToListAsync();
        Assert.Contains(Konvooi.Features.Audit.AuditActions.DailyContactArrangementSave, actions);
        Assert.Contains(Konvooi.Features.Audit.AuditActions.DailyContactArrangementView, actions);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_OverlappingSecondArrangement_IsRefusedWithTheDomainMessage(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await using var scope = world.Coordinator();
        var input = DailyContactWorld.Input(world.Org.VolunteerA, new DateOnly(2026, 3, 10), new TimeOnly(10, 30), new TimeOnly(11, 30));

        var outcome = await scope.ServiceProvider.GetRequiredService<SaveArrangement.Handler>().HandleAsync(world.PersonId, null, 0, input, CancellationToken.None);

        var invalid = Assert.IsType<SaveArrangement.Outcome.Invalid>(outcome);
        Assert.Contains(invalid.Problems, p => p.Code == "daily-contact.overlapping-arrangement");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_StaleVersion_IsAConflict(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await using var scope = world.Coordinator();
        var handler = scope.ServiceProvider.GetRequiredService<SaveArrangement.Handler>();
        var stored = Assert.Single((await scope.ServiceProvider.GetRequiredService<GetArrangements.Handler>().HandleAsync(world.PersonId, CancellationToken.None))!.Arrangements);
        var input = ArrangementViews.ToInput(stored);
        Assert.IsType<SaveArrangement.Outcome.Saved>(await handler.HandleAsync(world.PersonId, stored.Id, stored.Version, input, CancellationToken.None));

        var stale = await handler.HandleAsync(world.PersonId, stored.Id, stored.Version, input, CancellationToken.None);

        Assert.IsType<SaveArrangement.Outcome.Conflict>(stale);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_VolunteerOfAnotherOrganisation_IsRefused(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await using var scope = world.Coordinator();
        var input = DailyContactWorld.Input(world.Org.CoordinatorB, new DateOnly(2026, 3, 10), new TimeOnly(18, 0), new TimeOnly(19, 0));

        var outcome = await scope.ServiceProvider.GetRequiredService<SaveArrangement.Handler>().HandleAsync(world.PersonId, null, 0, input, CancellationToken.None);

        Assert.Contains(Assert.IsType<SaveArrangement.Outcome.Invalid>(outcome).Problems, p => p.Code == "daily-contact.unknown-volunteer");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task View_OtherOrganisationOrVolunteer_SeesNothing(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await using (var other = TestDatabase.Scope(world.Services, world.Org.CoordinatorB, world.Org.OrganisationB, Role.Coordinator))
        {
            Assert.Null(await other.ServiceProvider.GetRequiredService<GetArrangements.Handler>().HandleAsync(world.PersonId, CancellationToken.None));
            Assert.Empty(await other.ServiceProvider.GetRequiredService<KonvooiDbContext>().DailyContactArrangements.ToListAsync());
        }

        await using var volunteer = world.Volunteer();
        Assert.Null(await volunteer.ServiceProvider.GetRequiredService<GetArrangements.Handler>().HandleAsync(world.PersonId, CancellationToken.None));
        Assert.Empty(await volunteer.ServiceProvider.GetRequiredService<KonvooiDbContext>().DailyContactArrangements.ToListAsync());
    }
}
