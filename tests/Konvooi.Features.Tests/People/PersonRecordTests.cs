using Konvooi.Domain.Access;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.People;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Konvooi.Features.Tests.People;

public sealed class PersonRecordTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_ValidInput_StoresPersonAndAuditEntry(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);

        var id = await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson());

        await using var scope = TestDatabase.Scope(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator);
        var result = await scope.ServiceProvider.GetRequiredService<GetPerson.Handler>().HandleAsync(id, AuditActions.View, CancellationToken.None);
        Assert.NotNull(result);
        Assert.Equal("9999 ZZ", result.Person.PostalCode);
        Assert.Equal("testa proefpersoon", result.Person.SearchName);
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var actions = await db.AuditEntries.Where(a => a.PersonId == id).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditActions.Create, AuditActions.View], actions);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_StaleVersion_IsRefusedAndKeepsTheOtherChange(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var id = await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson());
        var first = TwoOrganisations.ValidPerson("Eerste");
        first.Version = 1;
        var second = TwoOrganisations.ValidPerson("Tweede");
        second.Version = 1;

        await using (var scope = TestDatabase.Scope(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator))
        {
            Assert.IsType<SavePerson.Outcome.Saved>(await scope.ServiceProvider.GetRequiredService<SavePerson.Handler>().UpdateAsync(id, first, CancellationToken.None));
        }

        await using (var scope = TestDatabase.Scope(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator))
        {
            Assert.IsType<SavePerson.Outcome.Stale>(await scope.ServiceProvider.GetRequiredService<SavePerson.Handler>().UpdateAsync(id, second, CancellationToken.None));
            var stored = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().People.SingleAsync(p => p.Id == id);
            Assert.Equal("Eerste", stored.FirstName);
            Assert.Equal(2, stored.Version);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_ConcurrentWritersWithSameVersion_ExactlyOneWins(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var id = await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson());

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            await using var scope = TestDatabase.Scope(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator);
            var input = TwoOrganisations.ValidPerson($"Schrijver{i}");
            input.Version = 1;
            return await scope.ServiceProvider.GetRequiredService<SavePerson.Handler>().UpdateAsync(id, input, CancellationToken.None);
        }));

        Assert.Single(outcomes, o => o is SavePerson.Outcome.Saved);
        Assert.All(outcomes.Where(o => o is not SavePerson.Outcome.Saved), o => Assert.IsType<SavePerson.Outcome.Stale>(o));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Queries_OtherOrganisationVolunteerAnalystAdministrator_SeeNoPerson(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var id = await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson());

        (Guid User, Guid Organisation, Role Role)[] outsiders =
        [
            (orgs.CoordinatorB, orgs.OrganisationB, Role.Coordinator),
            (orgs.VolunteerA, orgs.OrganisationA, Role.Volunteer),
            (orgs.AnalystA, orgs.OrganisationA, Role.Analyst),
            (orgs.AdministratorA, orgs.OrganisationA, Role.Administrator),
            (orgs.ProfessionalA, orgs.OrganisationA, Role.Professional),
        ];
        foreach (var (user, organisation, role) in outsiders)
        {
            await using var scope = TestDatabase.Scope(services, user, organisation, role);
            Assert.Null(await scope.ServiceProvider.GetRequiredService<GetPerson.Handler>().HandleAsync(id, AuditActions.View, CancellationToken.None));
            var list = await scope.ServiceProvider.GetRequiredService<ListPeople.Handler>().HandleAsync(new ListPeople.Query(null, 1), CancellationToken.None);
            Assert.Empty(list.Rows);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Queries_Professional_SeesOnlyPeopleResponsibleFor(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var mine = await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson("Mijn", orgs.ProfessionalA));
        await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson("Ander", orgs.OtherProfessionalA));

        await using var scope = TestDatabase.Scope(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional);
        var list = await scope.ServiceProvider.GetRequiredService<ListPeople.Handler>().HandleAsync(new ListPeople.Query(null, 1), CancellationToken.None);

        Assert.Equal(mine, Assert.Single(list.Rows).Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_SearchAndPaging_FindsByPartOfNameAndLogsShownIds(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        for (var i = 0; i < 30; i++)
        {
            await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson($"Naam{i:D2}"));
        }

        await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson("Joke_%"));

        await using var scope = TestDatabase.Scope(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator);
        var handler = scope.ServiceProvider.GetRequiredService<ListPeople.Handler>();
        var page2 = await handler.HandleAsync(new ListPeople.Query(null, 2), CancellationToken.None);
        var found = await handler.HandleAsync(new ListPeople.Query("  NAAM1", 1), CancellationToken.None);
        var literal = await handler.HandleAsync(new ListPeople.Query("_%", 1), CancellationToken.None);

        Assert.Equal(31, page2.Total);
        Assert.Equal(6, page2.Rows.Count);
        Assert.Equal(10, found.Total);
        Assert.Equal("Joke_%", Assert.Single(literal.Rows).FirstName);
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var lastList = await db.AuditEntries.Where(a => a.Action == AuditActions.List).OrderByDescending(a => a.Sequence).FirstAsync();
        Assert.Equal(literal.Rows[0].Id.ToString("D"), lastList.RecordIds);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Consents_RecordAndWithdraw_KeepsHistoryAndRefusesImpossibleDates(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)));
        var orgs = await TwoOrganisations.CreateAsync(services);
        var id = await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson());
        await using var scope = TestDatabase.Scope(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator);
        var handler = scope.ServiceProvider.GetRequiredService<RecordConsent.Handler>();
        var withdraw = scope.ServiceProvider.GetRequiredService<WithdrawConsent.Handler>();

        var recorded = await handler.HandleAsync(id, new RecordConsent.RecordInput { Purpose = ConsentPurpose.MonitorAggregates, GivenOn = new DateOnly(2026, 2, 1) }, CancellationToken.None);
        var duplicate = await handler.HandleAsync(id, new RecordConsent.RecordInput { Purpose = ConsentPurpose.MonitorAggregates, GivenOn = new DateOnly(2026, 2, 2) }, CancellationToken.None);
        var future = await handler.HandleAsync(id, new RecordConsent.RecordInput { Purpose = ConsentPurpose.Registration, GivenOn = new DateOnly(2027, 1, 1) }, CancellationToken.None);
        var consent = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Consents.AsNoTracking().SingleAsync(c => c.PersonId == id);
        var tooEarly = await withdraw.HandleAsync(id, new WithdrawConsent.WithdrawInput { ConsentId = consent.Id, Version = 1, WithdrawnOn = new DateOnly(2026, 1, 1) }, CancellationToken.None);
        var withdrawn = await withdraw.HandleAsync(id, new WithdrawConsent.WithdrawInput { ConsentId = consent.Id, Version = 1, WithdrawnOn = new DateOnly(2026, 3, 1) }, CancellationToken.None);
        var again = await withdraw.HandleAsync(id, new WithdrawConsent.WithdrawInput { ConsentId = consent.Id, Version = 1, WithdrawnOn = new DateOnly(2026, 3, 1) }, CancellationToken.None);

        Assert.IsType<Consents.Outcome.Done>(recorded);
        Assert.IsType<Consents.Outcome.Invalid>(duplicate);
        Assert.IsType<Consents.Outcome.Invalid>(future);
        Assert.IsType<Consents.Outcome.Invalid>(tooEarly);
        Assert.IsType<Consents.Outcome.Done>(withdrawn);
        Assert.IsType<Consents.Outcome.Stale>(again);
        var stored = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Consents.AsNoTracking().SingleAsync(c => c.Id == consent.Id);
        Assert.Equal(new DateOnly(2026, 3, 1), stored.WithdrawnOn);
        Assert.Equal(orgs.CoordinatorA, stored.WithdrawnById);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Consents_HalfAnHourAfterDutchMidnight_TodayIsTheDutchDate(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // 23:30 UTC on 28 November is 00:30 on 29 November in the Netherlands.
        await using var services = database.BuildServices(new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 23, 30, 0, TimeSpan.Zero)));
        var orgs = await TwoOrganisations.CreateAsync(services);
        var id = await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson());
        await using var scope = TestDatabase.Scope(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator);
        var handler = scope.ServiceProvider.GetRequiredService<RecordConsent.Handler>();

        var today = await handler.HandleAsync(id, new RecordConsent.RecordInput { Purpose = ConsentPurpose.Registration, GivenOn = new DateOnly(2026, 11, 29) }, CancellationToken.None);
        var tomorrow = await handler.HandleAsync(id, new RecordConsent.RecordInput { Purpose = ConsentPurpose.MonitorAggregates, GivenOn = new DateOnly(2026, 11, 30) }, CancellationToken.None);

        Assert.IsType<Consents.Outcome.Done>(today);
        Assert.IsType<Consents.Outcome.Invalid>(tomorrow);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Assignments_CoordinatorAssignsAndRemoves_ProfessionalSeesThePersonOnlyWhileAssigned(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var id = await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson("Team", orgs.OtherProfessionalA));

        async Task<bool> ProfessionalSeesAsync()
        {
            await using var scope = TestDatabase.Scope(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional);
            return await scope.ServiceProvider.GetRequiredService<GetPerson.Handler>().HandleAsync(id, AuditActions.View, CancellationToken.None) is not null;
        }

        async Task<Assignments.Outcome> AsAsync<THandler>(Guid user, Role role, Func<THandler, Task<Assignments.Outcome>> act)
            where THandler : notnull
        {
            await using var scope = TestDatabase.Scope(services, user, orgs.OrganisationA, role);
            return await act(scope.ServiceProvider.GetRequiredService<THandler>());
        }

        var before = await ProfessionalSeesAsync();
        var selfAssign = await AsAsync(orgs.OtherProfessionalA, Role.Professional, (AssignProfessional.Handler h) => h.HandleAsync(id, orgs.ProfessionalA, CancellationToken.None));
        var added = await AsAsync(orgs.CoordinatorA, Role.Coordinator, (AssignProfessional.Handler h) => h.HandleAsync(id, orgs.ProfessionalA, CancellationToken.None));
        var twice = await AsAsync(orgs.CoordinatorA, Role.Coordinator, (AssignProfessional.Handler h) => h.HandleAsync(id, orgs.ProfessionalA, CancellationToken.None));
        var outsider = await AsAsync(orgs.CoordinatorA, Role.Coordinator, (AssignProfessional.Handler h) => h.HandleAsync(id, orgs.CoordinatorB, CancellationToken.None));
        var during = await ProfessionalSeesAsync();
        var removed = await AsAsync(orgs.CoordinatorA, Role.Coordinator, (UnassignProfessional.Handler h) => h.HandleAsync(id, orgs.ProfessionalA, CancellationToken.None));
        var after = await ProfessionalSeesAsync();

        Assert.False(before);
        Assert.IsType<Assignments.Outcome.Forbidden>(selfAssign);
        Assert.IsType<Assignments.Outcome.Done>(added);
        Assert.IsType<Assignments.Outcome.Invalid>(twice);
        Assert.IsType<Assignments.Outcome.Invalid>(outsider);
        Assert.True(during);
        Assert.IsType<Assignments.Outcome.Done>(removed);
        Assert.False(after);
    }

    /// <summary>Issue #17, finding 7: saving the person form never makes the acting professional responsible; on update
    /// only coordinators set responsibility (docs/permissions.md).</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_AssignedProfessionalSavesUnassignedPerson_DoesNotBecomeResponsible(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var orgs = await TwoOrganisations.CreateAsync(services);
        var id = await orgs.CreatePersonAsync(services, TwoOrganisations.ValidPerson("Zonder"));
        await using (var scope = TestDatabase.Scope(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator))
        {
            Assert.IsType<Assignments.Outcome.Done>(await scope.ServiceProvider.GetRequiredService<AssignProfessional.Handler>().HandleAsync(id, orgs.ProfessionalA, CancellationToken.None));
        }

        var input = TwoOrganisations.ValidPerson("Zonder", orgs.ProfessionalA);
        input.Version = 1;
        await using (var scope = TestDatabase.Scope(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional))
        {
            Assert.IsType<SavePerson.Outcome.Saved>(await scope.ServiceProvider.GetRequiredService<SavePerson.Handler>().UpdateAsync(id, input, CancellationToken.None));
        }

        await using (var scope = TestDatabase.Scope(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator))
        {
            var stored = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().People.SingleAsync(p => p.Id == id);
            Assert.Null(stored.ResponsibleProfessionalId);
            Assert.Equal(2, stored.Version);
        }
    }
}
