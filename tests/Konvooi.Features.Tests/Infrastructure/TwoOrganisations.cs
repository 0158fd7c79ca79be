using Konvooi.Domain.Access;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Konvooi.Features.People;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Tests.Infrastructure;

/// <summary>A migrated database with two organisations and a user per role in the first.</summary>
public sealed record TwoOrganisations(
    Guid OrganisationA,
    Guid OrganisationB,
    Guid CoordinatorA,
    Guid ProfessionalA,
    Guid OtherProfessionalA,
    Guid VolunteerA,
    Guid AnalystA,
    Guid AdministratorA,
    Guid CoordinatorB)
{
    public static async Task<TwoOrganisations> CreateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        var setup = scope.ServiceProvider.GetRequiredService<Setup.Handler>();
        var coalition = Id(await setup.CreateCoalitionAsync("Testcoalitie", "GM0001", false, CancellationToken.None));
        var a = Id(await setup.CreateOrganisationAsync(coalition, "Organisatie A", OrganisationKind.Welzijnsorganisatie, CancellationToken.None));
        var b = Id(await setup.CreateOrganisationAsync(coalition, "Organisatie B", OrganisationKind.Zorgaanbieder, CancellationToken.None));

        async Task<Guid> User(string email, Role role, Guid organisation) =>
            Id(await setup.CreateUserAsync(new Setup.NewUser(email, email, role, organisation, "Test-wachtwoord-123"), CancellationToken.None));

        return new TwoOrganisations(
            a, b,
            await User("coordinator-a@test.example", Role.Coordinator, a),
            await User("professional-a@test.example", Role.Professional, a),
            await User("professional2-a@test.example", Role.Professional, a),
            await User("volunteer-a@test.example", Role.Volunteer, a),
            await User("analyst-a@test.example", Role.Analyst, a),
            await User("admin-a@test.example", Role.Administrator, a),
            await User("coordinator-b@test.example", Role.Coordinator, b));
    }

    public static PersonInput ValidPerson(string firstName = "Testa", Guid? responsible = null) => new()
    {
        FirstName = firstName,
        LastName = "Proefpersoon",
        DateOfBirth = new DateOnly(1944, 5, 17),
        LivingSituation = LivingSituation.Alone,
        PostalCode = "9999zz",
        Phone = "06 99000001",
        ResponsibleProfessionalId = responsible,
    };

    public async Task<Guid> CreatePersonAsync(IServiceProvider services, PersonInput input)
    {
        await using var scope = TestDatabase.Scope(services, CoordinatorA, OrganisationA, Role.Coordinator);
        var outcome = await scope.ServiceProvider.GetRequiredService<SavePerson.Handler>().CreateAsync(input, CancellationToken.None);
        return Assert.IsType<SavePerson.Outcome.Saved>(outcome).Id;
    }

    private static Guid Id(Setup.Outcome outcome) => Assert.IsType<Setup.Outcome.Created>(outcome).Id;
}
