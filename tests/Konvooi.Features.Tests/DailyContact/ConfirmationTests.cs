using Konvooi.Domain.DailyContact;
using Konvooi.Features.DailyContact;
using Konvooi.Features.Data;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.DailyContact;

public sealed class ConfirmationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Mine_Volunteer_SeesOnlyFirstNameAddressWindowAndTopics(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await world.RunJobAsync();
        world.At(9, 15);

        await using var scope = world.Volunteer();
        var mine = await scope.ServiceProvider.GetRequiredService<ListMySlots.Handler>().HandleAsync(7, CancellationToken.None);

        var today = Assert.Single(mine, s => s.Reference == world.TodayReference());
        Assert.Equal("Greet", today.FirstName);
        Assert.Equal("Lindelaan 12, 9999 ZZ", today.Address);
        Assert.Equal(["Hoe was uw dag?", "De tuin"], today.Topics);
        Assert.True(today.CanConfirm);
        Assert.False(Assert.Single(mine, s => s.LocalDate == new DateOnly(2026, 3, 3)).CanConfirm);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Mine_OtherVolunteer_SeesNoSlotAndCannotConfirm(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await world.RunJobAsync();
        world.At(9, 15);

        await using var scope = world.Volunteer(world.OtherVolunteer);
        var mine = scope.ServiceProvider.GetRequiredService<ListMySlots.Handler>();
        var confirm = scope.ServiceProvider.GetRequiredService<ConfirmSlot.Handler>();

        Assert.Empty(await mine.HandleAsync(7, CancellationToken.None));
        Assert.IsType<SlotViews.Outcome.NotFound>(await confirm.HandleAsync(world.TodayReference(), new SlotViews.ConfirmInput(), CancellationToken.None));
        Assert.Equal(nameof(SlotStatus.Scheduled), (await world.SlotAsync(world.TodayReference())).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Confirm_InTheWindowWithSignals_StoredQueryableAndAudited(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await world.RunJobAsync();
        world.At(9, 20);

        await using (var scope = world.Volunteer())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ConfirmSlot.Handler>().HandleAsync(
                world.TodayReference(),
                new SlotViews.ConfirmInput { Note = "Koffie gedronken", Signals = [DifferenceSignal.Confused, DifferenceSignal.VeryLow] },
                CancellationToken.None);
            Assert.False(Assert.IsType<SlotViews.Outcome.Confirmed>(outcome).IsLate);
        }

        await using var check = world.Coordinator();
        var db = check.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var confirmation = await db.DailyContactConfirmations.SingleAsync();
        Assert.Equal(world.PersonId, confirmation.PersonId);
        Assert.Equal("Confused,VeryLow", confirmation.Signals);
        Assert.True(confirmation.HasSignals);
        Assert.False(confirmation.FollowUpHandled);
        Assert.Equal(nameof(SlotStatus.Confirmed), (await world.SlotAsync(world.TodayReference())).Status);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == Konvooi.Features.Audit.AuditActions.DailyContactConfirm && a.PersonId == world.PersonId));

        world.At(13, 0);
        await world.RunJobAsync();
        Assert.Empty(await world.OutboxAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Confirm_LateAfterEscalation_RecordedAsLateAndStopsTheLadder(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await world.RunJobAsync();
        world.At(11, 10);
        await world.RunJobAsync(); // steps 1 and 2 taken

        await using (var scope = world.Volunteer())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ConfirmSlot.Handler>().HandleAsync(world.TodayReference(), new SlotViews.ConfirmInput(), CancellationToken.None);
            Assert.True(Assert.IsType<SlotViews.Outcome.Confirmed>(outcome).IsLate);
        }

        world.At(12, 30);
        await world.RunJobAsync();

        var keys = (await world.OutboxAsync()).Select(m => m.ActionKey[(m.ActionKey.LastIndexOf('/') + 1)..]).ToList();
        Assert.Equal(["stand-down-second-contact", "step-1", "step-2"], keys);
        var slot = await world.SlotAsync(world.TodayReference());
        Assert.Equal(nameof(SlotStatus.ConfirmedLate), slot.Status);
        Assert.Equal(2, slot.LastStep);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Confirm_ByCoordinator_RecordedForTheNeighbour(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await world.RunJobAsync();
        world.At(9, 40);

        await using var scope = world.Coordinator();
        var outcome = await scope.ServiceProvider.GetRequiredService<ConfirmSlot.Handler>().HandleAsync(world.TodayReference(), new SlotViews.ConfirmInput(), CancellationToken.None);

        Assert.IsType<SlotViews.Outcome.Confirmed>(outcome);
        var confirmation = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().DailyContactConfirmations.SingleAsync();
        Assert.Null(confirmation.ContactId);
        Assert.Equal(world.Org.CoordinatorA, confirmation.RecordedById);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Confirm_Twice_SecondIsRefused(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await world.RunJobAsync();
        world.At(9, 40);
        await using var scope = world.Volunteer();
        var handler = scope.ServiceProvider.GetRequiredService<ConfirmSlot.Handler>();

        await handler.HandleAsync(world.TodayReference(), new SlotViews.ConfirmInput(), CancellationToken.None);
        var second = await handler.HandleAsync(world.TodayReference(), new SlotViews.ConfirmInput(), CancellationToken.None);

        Assert.Equal("daily-contact.already-confirmed", Assert.IsType<SlotViews.Outcome.Rejected>(second).Error.Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConfirmByLink_OwnSlot_ConfirmedAndRevokedLinkRefused(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await world.RunJobAsync();
        string token;
        await using (var scope = world.Coordinator())
        {
            var issued = await scope.ServiceProvider.GetRequiredService<IssueLink.Handler>().HandleAsync(world.PersonId, world.ArrangementId, world.NeighbourId, TokenPurpose.ConfirmationLink, CancellationToken.None);
            token = Assert.IsType<IssueLink.Outcome.Issued>(issued).Token;
            var stored = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().DailyContactTokens.SingleAsync();
            Assert.Equal(AccessTokens.Hash(token), stored.Hash);
            Assert.NotEqual(token, stored.Hash);
        }

        // The neighbour is second contact: the slot opens for them once the ladder asks them to look in.
        world.At(11, 5);
        await world.RunJobAsync();
        await using (var anonymous = world.Services.CreateAsyncScope())
        {
            var slots = anonymous.ServiceProvider.GetRequiredService<ListSlotsByLink.Handler>();
            var visible = await slots.HandleAsync(token, CancellationToken.None);
            var mine = Assert.Single(visible!, s => s.Reference == world.TodayReference());
            Assert.True(mine.IsAskedAsSecondContact);
            Assert.IsType<SlotViews.Outcome.Confirmed>(await anonymous.ServiceProvider.GetRequiredService<ConfirmByLink.Handler>().HandleAsync(token, world.TodayReference(), new SlotViews.ConfirmInput(), CancellationToken.None));
            Assert.Null(await slots.HandleAsync("x" + token[1..], CancellationToken.None));
        }

        await using (var scope = world.Coordinator())
        {
            var row = Assert.Single(await scope.ServiceProvider.GetRequiredService<ListLinks.Handler>().HandleAsync(world.PersonId, world.ArrangementId, CancellationToken.None));
            Assert.IsType<RevokeLink.Outcome.Revoked>(await scope.ServiceProvider.GetRequiredService<RevokeLink.Handler>().HandleAsync(world.PersonId, world.ArrangementId, row.Id, CancellationToken.None));
        }

        await using var after = world.Services.CreateAsyncScope();
        Assert.Null(await after.ServiceProvider.GetRequiredService<ListSlotsByLink.Handler>().HandleAsync(token, CancellationToken.None));
    }
}
