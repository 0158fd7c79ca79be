using System.Collections.Concurrent;
using Konvooi.Features.Outbox;
using Konvooi.Domain.Access;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.DailyContact;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Konvooi.Features.Tests.DailyContact;

/// <summary>Records e-mails instead of sending them.</summary>
public sealed class RecordingMailer : IMailer
{
    public ConcurrentQueue<OutgoingEmail> Sent { get; } = new();

    public bool Fail { get; set; }

    public Task SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new MailException("Verbinding geweigerd");
        }

        Sent.Enqueue(message);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A migrated database with a person who has a daily arrangement 10:00–11:00 local time: the volunteer of
/// organisation A on every day, a neighbour (Nel, by e-mail) as substitute and second contact.
/// </summary>
public sealed class DailyContactWorld : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 08:00 UTC = 09:00 in Amsterdam (CET, UTC+1).</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private DailyContactWorld(TestDatabase database, FakeTimeProvider clock, RecordingMailer mailer, ServiceProvider services, TwoOrganisations org)
    {
        Database = database;
        Clock = clock;
        Mailer = mailer;
        Services = services;
        Org = org;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingMailer Mailer { get; }

    public ServiceProvider Services { get; private set; }

    public TwoOrganisations Org { get; }

    public Guid PersonId { get; private set; }

    public Guid ArrangementId { get; private set; }

    public Guid NeighbourId { get; private set; }

    public Guid OtherVolunteer { get; private set; }

    public static async Task<DailyContactWorld> CreateAsync(string provider, DateOnly? startDate = null, TimeOnly? from = null, TimeOnly? to = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var mailer = new RecordingMailer();
        var services = BuildServices(database, clock, mailer);
        var org = await TwoOrganisations.CreateAsync(services);
        var world = new DailyContactWorld(database, clock, mailer, services, org);
        await using (var scope = services.CreateAsyncScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<Setup.Handler>();
            var created = await setup.CreateUserAsync(new Setup.NewUser("volunteer2-a@test.example", "Wim Tweede", Role.Volunteer, org.OrganisationA, "Test-wachtwoord-123"), CancellationToken.None);
            world.OtherVolunteer = Assert.IsType<Setup.Outcome.Created>(created).Id;
        }

        var person = TwoOrganisations.ValidPerson("Greet");
        person.Street = "Lindelaan";
        person.HouseNumber = "12";
        world.PersonId = await org.CreatePersonAsync(services, person);
        var input = Input(org.VolunteerA, startDate ?? new DateOnly(2026, 3, 1), from ?? new TimeOnly(10, 0), to ?? new TimeOnly(11, 0));
        await using (var scope = world.Coordinator())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveArrangement.Handler>().HandleAsync(world.PersonId, null, 0, input, CancellationToken.None);
            world.ArrangementId = Assert.IsType<SaveArrangement.Outcome.Saved>(saved).Id;
            var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
            var row = await db.DailyContactArrangements.SingleAsync();
            world.NeighbourId = DailyContactStore.ReadArrangement(row).Contacts.Single(c => c.Role == ContactRole.Neighbour).Id;
        }

        return world;
    }

    public static ArrangementInput Input(Guid volunteer, DateOnly startDate, TimeOnly from, TimeOnly to)
    {
        var everyDay = Enum.GetValues<DayOfWeek>().ToList();
        var input = new ArrangementInput
        {
            Days = everyDay,
            WindowStart = from,
            WindowEnd = to,
            Form = ContactForm.DoorVisit,
            StartDate = startDate,
            Topics = "Hoe was uw dag?\nDe tuin",
            ConsentGivenOn = new DateOnly(2026, 2, 20),
            Contacts =
            [
                new ContactInput { Role = ContactRole.Volunteer, VolunteerUserId = volunteer, Position = RotaPosition.Main, Days = everyDay },
                new ContactInput { Role = ContactRole.Neighbour, FirstName = "Nel", Email = "nel@buren.example", Position = RotaPosition.Substitute, Days = everyDay, IsSecondContact = true, IsKeyHolder = true },
            ],
        };
        return input;
    }

    public static ServiceProvider BuildServices(TestDatabase database, FakeTimeProvider clock, IMailer mailer) =>
        database.BuildServices(clock, services => services.AddSingleton(mailer));

    public AsyncServiceScope Coordinator() => TestDatabase.Scope(Services, Org.CoordinatorA, Org.OrganisationA, Role.Coordinator);

    public AsyncServiceScope Volunteer(Guid? user = null) => TestDatabase.Scope(Services, user ?? Org.VolunteerA, Org.OrganisationA, Role.Volunteer);

    public async Task<DailyContactJob.RunResult> RunJobAsync(IServiceProvider? services = null)
    {
        await using var scope = (services ?? Services).CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DailyContactJob>().RunOnceAsync(CancellationToken.None);
    }

    public void At(int hourUtc, int minute = 0, int day = 2) =>
        Clock.SetUtcNow(new DateTimeOffset(2026, 3, day, hourUtc, minute, 0, TimeSpan.Zero));

    public string TodayReference(int day = 2) => Slot.ReferenceFor(ArrangementId, new DateOnly(2026, 3, day));

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var scope = Coordinator();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Outbox.AsNoTracking().OrderBy(m => m.ActionKey).ToListAsync();
    }

    public async Task<DailyContactSlot> SlotAsync(string reference)
    {
        await using var scope = Coordinator();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().DailyContactSlots.AsNoTracking().SingleAsync(s => s.Reference == reference);
    }

    public async Task RestartAsync()
    {
        await Services.DisposeAsync();
        Services = BuildServices(Database, Clock, Mailer);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
