using Konvooi.Domain.Access;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.DailyContact;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Infrastructure;

/// <summary>
/// Daily contact arrangements for tests, made through the real handler as the demo coordinator. The window is
/// 00:00–23:59 so today's slot is open whenever the test runs (the app runs on the real clock).
/// </summary>
public static class DailyContactSetup
{
    public static async Task<string> AllDayArrangementAsync(IServiceProvider services, string personFirstName, bool volunteerIsMain = true)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var coordinator = await db.Users.SingleAsync(u => u.Email == "coordinator@welzijn.example");
        var volunteer = await db.Users.SingleAsync(u => u.Email == "vrijwilliger@welzijn.example");
        var membership = await db.Memberships.SingleAsync(m => m.UserId == coordinator.Id);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(coordinator.Id, membership.OrganisationId, Role.Coordinator);
        var person = await db.People.SingleAsync(p => p.FirstName == personFirstName && p.OrganisationId == membership.OrganisationId);
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var today = LocalTime.LocalDate(now, LocalTime.Amsterdam());
        var everyDay = Enum.GetValues<DayOfWeek>().ToList();
        var input = new ArrangementInput
        {
            Days = everyDay,
            WindowStart = new TimeOnly(0, 0),
            WindowEnd = new TimeOnly(23, 59),
            Form = ContactForm.DoorVisit,
            StartDate = today,
            Topics = "Hoe was uw dag?",
            Contacts =
            [
                new ContactInput { Role = ContactRole.Volunteer, VolunteerUserId = volunteer.Id, Days = everyDay, Position = volunteerIsMain ? RotaPosition.Main : RotaPosition.Substitute },
                new ContactInput { Role = ContactRole.Neighbour, FirstName = "Toos", Email = "toos@buren.example", Days = everyDay, Position = volunteerIsMain ? RotaPosition.Substitute : RotaPosition.Main, IsSecondContact = volunteerIsMain },
            ],
        };
        var saved = await scope.ServiceProvider.GetRequiredService<SaveArrangement.Handler>().HandleAsync(person.Id, null, 0, input, CancellationToken.None);
        var arrangementId = Assert.IsType<SaveArrangement.Outcome.Saved>(saved).Id;
        await RunJobAsync(services);
        return Slot.ReferenceFor(arrangementId, today);
    }

    public static async Task RunJobAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DailyContactJob>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>A reference of one of the person's slots (the demo arrangements have them once the job ran).</summary>
    public static async Task<string> AnySlotOfAsync(IServiceProvider services, Guid personId)
    {
        await RunJobAsync(services);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().DailyContactSlots.IgnoreQueryFilters()
            .Where(s => s.PersonId == personId).OrderBy(s => s.StartUtc).Select(s => s.Reference).FirstAsync();
    }
}
