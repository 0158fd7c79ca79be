using Konvooi.Domain.DailyContact;
using Konvooi.Features.Data;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.DailyContact;

public sealed class DailyContactJobTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunOnce_BeforeTheWindow_CreatesSlotsForTheComingFortnightButNotBeforeTheArrangementExisted(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);

        var result = await world.RunJobAsync();

        // A 14-day horizon; 1 March (the catch-up day) ended before the arrangement was made on 2 March.
        Assert.Equal(14, result.SlotsCreated);
        Assert.Equal(0, (await world.RunJobAsync()).SlotsCreated);
        var today = await world.SlotAsync(world.TodayReference());
        Assert.Equal(new DateTime(2026, 3, 2, 9, 0, 0), today.StartUtc);
        Assert.Equal(world.Org.VolunteerA, today.ContactId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunOnce_FakeClockThroughTheLadder_TakesEachStepOnceAndMailsItsRecipient(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await world.RunJobAsync();

        // Window 10:00–11:00 local = 09:00–10:00 UTC; ladder 30/60/120 minutes after the window end.
        var steps = new (int Hour, int Minute, string ExpectedKey, string ExpectedTo)[]
        {
            (10, 30, "step-1", "volunteer-a@test.example"),
            (11, 0, "step-2", "nel@buren.example"),
            (12, 0, "step-3", "coordinator-a@test.example"),
        };
        foreach (var (hour, minute, key, to) in steps)
        {
            world.At(hour, minute);
            await world.RunJobAsync();
            await world.RunJobAsync();
            var message = Assert.Single(world.Mailer.Sent, m => m.Body.Contains(world.TodayReference(), StringComparison.Ordinal) && m.To.Contains(to));
            Assert.Contains(world.TodayReference() + "/" + key, (await world.OutboxAsync()).Select(m => m.ActionKey));
            Assert.DoesNotContain("Greet", message.Body, StringComparison.Ordinal);
        }

        var slot = await world.SlotAsync(world.TodayReference());
        Assert.Equal(nameof(SlotStatus.Escalated), slot.Status);
        Assert.Equal(3, slot.LastStep);
        Assert.Equal(3, world.Mailer.Sent.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunOnce_RestartMidWindow_NewInstanceCatchesUpEveryMissedStepOnce(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        world.At(9, 30);
        await world.RunJobAsync();
        Assert.Equal(nameof(SlotStatus.Due), (await world.SlotAsync(world.TodayReference())).Status);

        // The app stops mid-window and comes back after the whole ladder should have run.
        await world.RestartAsync();
        world.At(12, 30);
        await world.RunJobAsync();
        await world.RunJobAsync();

        var keys = (await world.OutboxAsync()).Where(m => m.Subject == world.TodayReference()).Select(m => m.ActionKey).ToList();
        Assert.Equal(["step-1", "step-2", "step-3"], keys.Select(k => k[(k.LastIndexOf('/') + 1)..]));
        Assert.Equal(3, world.Mailer.Sent.Count(m => m.Body.Contains(world.TodayReference(), StringComparison.Ordinal)));
        Assert.All(await world.OutboxAsync(), m => Assert.NotNull(m.SentAtUtc));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunOnce_TwoInstancesAtOnce_SendOneAlertPerStep(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await world.RunJobAsync();
        var otherMailer = new RecordingMailer();
        await using var other = DailyContactWorld.BuildServices(world.Database, world.Clock, otherMailer);

        world.At(12, 30);
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(world.RunJobAsync(), world.RunJobAsync(other));
        }

        var outbox = (await world.OutboxAsync()).Where(m => m.Subject == world.TodayReference()).ToList();
        Assert.Equal(3, outbox.Count);
        var mails = world.Mailer.Sent.Concat(otherMailer.Sent).Where(m => m.Body.Contains(world.TodayReference(), StringComparison.Ordinal)).ToList();
        Assert.Equal(3, mails.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunOnce_MailServerDown_RetriesAndKeepsTheFailureVisible(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await world.RunJobAsync();
        world.Mailer.Fail = true;
        world.At(10, 30);
        await world.RunJobAsync();

        var failed = Assert.Single(await world.OutboxAsync());
        Assert.Null(failed.SentAtUtc);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("Verbinding geweigerd", failed.LastError, StringComparison.Ordinal);

        // Not before the back-off has passed; then it goes out.
        await world.RunJobAsync();
        Assert.Equal(1, Assert.Single(await world.OutboxAsync()).Attempts);
        world.Mailer.Fail = false;
        world.At(10, 32);
        await world.RunJobAsync();
        var sent = Assert.Single(await world.OutboxAsync());
        Assert.NotNull(sent.SentAtUtc);
        Assert.Equal(2, sent.Attempts);
        Assert.Single(world.Mailer.Sent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunOnce_MailServerDownForEveryAttempt_GivesUpAndKeepsTheMessage(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await world.RunJobAsync();
        world.Mailer.Fail = true;
        world.At(10, 30);
        for (var minutes = 0; minutes <= 240; minutes += 5)
        {
            world.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.Zero).AddMinutes(minutes));
            await world.RunJobAsync();
            if ((await world.OutboxAsync()).All(m => m.GaveUpAtUtc is not null))
            {
                break;
            }
        }

        var outbox = await world.OutboxAsync();
        Assert.NotEmpty(outbox);
        Assert.All(outbox, m => Assert.Null(m.SentAtUtc));
        Assert.Contains(outbox, m => m.GaveUpAtUtc is not null && m.Attempts == 5);
    }

    [Theory]
    // LocalTime remarks: on 2026-03-29 02:00 → 03:00 a window in the skipped hour moves to 03:00 local (01:00 UTC);
    // on 2026-10-25 03:00 → 02:00 the first (summer-time) occurrence counts: 02:30 CEST = 00:30 UTC.
    [InlineData(2026, 3, 29, 1, 0)]
    [InlineData(2026, 10, 25, 0, 30)]
    public async Task RunOnce_DaylightSavingDays_SlotStartsAtTheDocumentedInstant(int year, int month, int day, int hourUtc, int minuteUtc)
    {
        var date = new DateOnly(year, month, day);
        await using var world = await DailyContactWorld.CreateAsync(TestDatabase.Sqlite, date.AddDays(-1), new TimeOnly(2, 30), new TimeOnly(3, 30));
        world.Clock.SetUtcNow(new DateTimeOffset(date.AddDays(-1).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

        await world.RunJobAsync();

        var slot = await world.SlotAsync(Slot.ReferenceFor(world.ArrangementId, date));
        Assert.Equal(new DateTime(year, month, day, hourUtc, minuteUtc, 0), slot.StartUtc);
        Assert.True(slot.EndUtc > slot.StartUtc);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunOnce_PausedDays_CreateNoSlots(string provider)
    {
        await using var world = await DailyContactWorld.CreateAsync(provider);
        await using (var scope = world.Coordinator())
        {
            var handler = scope.ServiceProvider.GetRequiredService<Features.DailyContact.SaveArrangement.Handler>();
            var stored = Assert.Single((await scope.ServiceProvider.GetRequiredService<Features.DailyContact.GetArrangements.Handler>().HandleAsync(world.PersonId, CancellationToken.None))!.Arrangements);
            var input = Features.DailyContact.ArrangementViews.ToInput(stored);
            input.PauseFrom = new DateOnly(2026, 3, 5);
            input.PauseTo = new DateOnly(2026, 3, 6);
            input.PauseReason = PauseReason.HospitalStay;
            Assert.IsType<Features.DailyContact.SaveArrangement.Outcome.Saved>(await handler.HandleAsync(world.PersonId, stored.Id, stored.Version, input, CancellationToken.None));
        }

        await world.RunJobAsync();

        await using var check = world.Coordinator();
        var dates = await check.ServiceProvider.GetRequiredService<KonvooiDbContext>().DailyContactSlots.Select(s => s.LocalDate).ToListAsync();
        Assert.DoesNotContain(new DateOnly(2026, 3, 5), dates);
        Assert.DoesNotContain(new DateOnly(2026, 3, 6), dates);
        Assert.Contains(new DateOnly(2026, 3, 7), dates);
    }
}
