using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Infrastructure;

/// <summary>Reads seeded demo records straight from the database (tests only, outside the tenant filters).</summary>
public static class DemoLookup
{
    public static async Task<Person> PersonAsync(IServiceProvider services, string organisationName, bool responsibleIsDemoProfessional)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var organisation = await db.Organisations.SingleAsync(o => o.Name == organisationName);
        return await db.People.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.OrganisationId == organisation.Id && (p.ResponsibleProfessionalId != null) == responsibleIsDemoProfessional)
            .OrderBy(p => p.FirstName)
            .FirstAsync();
    }

    /// <summary>
    /// A person of the demo professional without a support plan (the demo data gives some people one): the first by
    /// first name, or with <paramref name="last"/> the last (so a browser journey sharing the app takes another one).
    /// </summary>
    public static async Task<Person> PersonWithoutPlanAsync(IServiceProvider services, bool last = false)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var professional = await db.Users.Where(u => u.Email == "professional@welzijn.example").Select(u => u.Id).SingleAsync();
        var people = db.People.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.ResponsibleProfessionalId == professional)
            .Where(p => !db.SupportPlans.IgnoreQueryFilters().Any(s => s.PersonId == p.Id))
            // Demo people have measurements; people that other journeys register (e.g. after a signal) have none yet.
            .Where(p => db.Measurements.IgnoreQueryFilters().Any(m => m.PersonId == p.Id));
        return await (last ? people.OrderByDescending(p => p.FirstName) : people.OrderBy(p => p.FirstName)).FirstAsync();
    }

    public static async Task<List<Person>> AllPeopleAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().People.IgnoreQueryFilters().AsNoTracking().ToListAsync();
    }
}
