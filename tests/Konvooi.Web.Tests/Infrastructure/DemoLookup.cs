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

    public static async Task<List<Person>> AllPeopleAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().People.IgnoreQueryFilters().AsNoTracking().ToListAsync();
    }
}
