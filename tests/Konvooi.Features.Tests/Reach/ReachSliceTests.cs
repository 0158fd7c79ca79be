using System.Text;
using Konvooi.Domain.Access;
using Konvooi.Domain.Reach;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Konvooi.Features.Reach;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.Reach;

/// <summary>
/// Reach against need on both providers (docs/reach.md): scope per role, consent, DJG levels per instrument,
/// suppression, the estimate from the figure and population tables, imports and audit entries.
/// </summary>
public sealed class ReachSliceTests
{
    private static async Task<(TwoOrganisations Orgs, Guid CoalitionId)> ArrangeAsync(IServiceProvider services)
    {
        var orgs = await TwoOrganisations.CreateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var coalitionId = await db.Organisations.Where(o => o.Id == orgs.OrganisationA).Select(o => o.CoalitionId).SingleAsync();
        db.Wijken.AddRange(
            new Wijk { Id = Guid.NewGuid(), CoalitionId = coalitionId, Code = "WK999901", Name = "Noord" },
            new Wijk { Id = Guid.NewGuid(), CoalitionId = coalitionId, Code = "WK999902", Name = "Zuid" });
        var today = Konvooi.Domain.Common.DutchDate.Today(services.GetRequiredService<TimeProvider>());

        // A: 12 in Noord (written in lower case) with consent; of them 6 last measured with DJG-11 (4 lonely), 2 with
        // DJG-6 (1 lonely; one of them was lonely on an older DJG-11), 3 with an open plan (and 1 closed), 2 with daily contact.
        for (var i = 0; i < 12; i++)
        {
            var id = AddPerson(db, orgs.OrganisationA, "noord", consent: true);
            if (i < 6)
            {
                AddMeasurement(db, id, orgs, "djg11", i < 4 ? "moderately_lonely" : "not_lonely", today.AddDays(-10));
            }
            else if (i < 8)
            {
                AddMeasurement(db, id, orgs, "djg11", "severely_lonely", today.AddDays(-100));
                AddMeasurement(db, id, orgs, "djg6", i == 6 ? "moderately_lonely" : "not_lonely", today.AddDays(-5));
            }

            if (i < 4)
            {
                db.SupportPlans.Add(new SupportPlanRecord { Id = Guid.NewGuid(), PersonId = id, OrganisationId = orgs.OrganisationA, ResponsibleProfessionalId = orgs.ProfessionalA, CurrentVersion = 1, StartDate = today.AddDays(-30), ClosedOn = i == 3 ? today.AddDays(-1) : null, CreatedAtUtc = DateTime.UtcNow });
            }

            if (i < 3)
            {
                db.DailyContactArrangements.Add(new DailyContactArrangement { Id = Guid.NewGuid(), PersonId = id, OrganisationId = orgs.OrganisationA, ArrangementJson = "{}", ContactDetailsJson = "{}", StartDate = today.AddDays(-7), EndDate = i == 2 ? today.AddDays(-1) : null, UpdatedById = orgs.CoordinatorA, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, Version = 1 });
            }
        }

        // A: 3 in Zuid (by code) with consent; 2 without consent and 1 whose consent was withdrawn. B: 10 in a wijk not on the list.
        for (var i = 0; i < 3; i++)
        {
            AddPerson(db, orgs.OrganisationA, "WK999902", consent: true);
        }

        AddPerson(db, orgs.OrganisationA, "Noord", consent: false);
        AddPerson(db, orgs.OrganisationA, "Noord", consent: false);
        var withdrawn = AddPerson(db, orgs.OrganisationA, "Noord", consent: true);
        db.Consents.Local.Single(c => c.PersonId == withdrawn).WithdrawnOn = today.AddDays(-1);
        for (var i = 0; i < 10; i++)
        {
            AddPerson(db, orgs.OrganisationB, i % 2 == 0 ? "Elders" : null, consent: true);
        }

        db.ReachFigureTables.Add(new ReachFigureTable
        {
            Id = Guid.NewGuid(),
            CoalitionId = coalitionId,
            Name = "Peiling",
            CreatedAtUtc = DateTime.UtcNow,
            Rows = [new ReachFigureRow { Id = Guid.NewGuid(), WijkCode = "WK999901", Indicator = "eenzaam", Estimate = 40, CiLow = 35, CiHigh = 45 }],
        });
        db.ReachPopulationTables.Add(new ReachPopulationTable
        {
            Id = Guid.NewGuid(),
            CoalitionId = coalitionId,
            Name = "Inwoners",
            CreatedAtUtc = DateTime.UtcNow,
            Rows = [new ReachPopulationRow { Id = Guid.NewGuid(), WijkCode = "WK999901", AgeGroup = "totaal", Residents = 1000 }],
        });
        await db.SaveChangesAsync();
        return (orgs, coalitionId);
    }

    private static Guid AddPerson(KonvooiDbContext db, Guid organisationId, string? wijk, bool consent)
    {
        var person = new Person { Id = Guid.NewGuid(), OrganisationId = organisationId, FirstName = "Test", LastName = "Bereikpersoon", DateOfBirth = new DateOnly(1945, 1, 1), Wijk = wijk, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, Version = 1 };
        db.People.Add(person);
        if (consent)
        {
            db.Consents.Add(new Consent { Id = Guid.NewGuid(), PersonId = person.Id, OrganisationId = organisationId, Purpose = ConsentPurpose.MonitorAggregates, GivenOn = new DateOnly(2025, 1, 1), RecordedById = Guid.NewGuid(), RecordedAtUtc = DateTime.UtcNow, Version = 1 });
        }

        return person.Id;
    }

    private static void AddMeasurement(KonvooiDbContext db, Guid personId, TwoOrganisations orgs, string instrument, string level, DateOnly on) =>
        db.Measurements.Add(new Measurement
        {
            Id = Guid.NewGuid(),
            PersonId = personId,
            OrganisationId = orgs.OrganisationA,
            InstrumentId = instrument,
            InstrumentVersion = "1",
            Language = "nl",
            AdministeredOn = on,
            AdministeredById = orgs.CoordinatorA,
            RecordedAtUtc = DateTime.UtcNow,
            AnswersJson = "{}",
            ScoresJson = "{}",
            LevelCode = level,
        });

    private static async Task<GetReachReport.Result> ReportAsync(IServiceProvider services, Guid user, Guid organisation, Role role, GetReachReport.Query? query = null)
    {
        await using var scope = TestDatabase.Scope(services, user, organisation, role);
        var outcome = await scope.ServiceProvider.GetRequiredService<GetReachReport.Handler>().HandleAsync(query ?? new GetReachReport.Query(), CancellationToken.None);
        return Assert.IsType<GetReachReport.Outcome.Computed>(outcome).Result;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Analyst_SeesTheCoalition_WithConsentLevelsPerInstrumentSuppressionAndEstimate(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var (orgs, coalitionId) = await ArrangeAsync(services);

        var result = await ReportAsync(services, orgs.AnalystA, orgs.OrganisationA, Role.Analyst);

        Assert.Equal((GetReachReport.ReachScope.Coalition, false, true, 3), (result.Scope, result.CanChooseScope, result.CanImport, result.LeftOutWithoutConsent));
        var rows = result.Report.Wijken.ToDictionary(r => r.WijkCode);
        Assert.Equal(["WK999901", "WK999902", "Onbekend"], result.Report.Wijken.Select(r => r.WijkCode));
        Assert.Equal(new ReachCounts(12, 8, 6, 4, 2, 1, 3, 2), rows["WK999901"].Counts);
        Assert.Equal(new EstimatedResidents(400, 350, 450), rows["WK999901"].EstimatedLonely);
        Assert.Equal(3.0, rows["WK999901"].ReachedPer100!.Value, 6);
        Assert.Equal(100.0 * 4 / 6 - 40, rows["WK999901"].DifferenceDjg11!.Value, 6);
        // Zuid (3) is too small; Onbekend (10), the next smallest, is hidden with it.
        Assert.True(rows["WK999902"].IsSuppressed);
        Assert.True(rows["Onbekend"].IsSuppressed);
        Assert.Equal(25, result.Report.Total.Counts!.Registered);

        await using var scope = services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().AuditEntries.SingleAsync(a => a.Action == ReachAuditActions.ReportView);
        Assert.Equal((ReachAuditActions.ReportEntity, coalitionId.ToString("D"), (Guid?)null), (entry.EntityType, entry.RecordIds, entry.PersonId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Coordinator_SeesOnlyTheOwnOrganisation_AndTheLeadMayChooseTheCoalition(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var (orgs, coalitionId) = await ArrangeAsync(services);

        var b = await ReportAsync(services, orgs.CoordinatorB, orgs.OrganisationB, Role.Coordinator, new GetReachReport.Query(Scope: GetReachReport.ReachScope.Coalition));
        var a = await ReportAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator);
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<SetCoalitionLead.Handler>().HandleAsync(coalitionId, orgs.OrganisationA, CancellationToken.None));
        }

        var lead = await ReportAsync(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator, new GetReachReport.Query(Scope: GetReachReport.ReachScope.Coalition));

        Assert.Equal((GetReachReport.ReachScope.Organisation, "Organisatie B", 0, 10), (b.Scope, b.ScopeName, b.LeftOutWithoutConsent, b.Report.Total.Counts!.Registered));
        Assert.Equal(0, b.Report.Wijken.Single(r => r.WijkCode == "WK999901").Counts!.Registered);
        Assert.Equal((GetReachReport.ReachScope.Organisation, false, 3, 15), (a.Scope, a.CanChooseScope, a.LeftOutWithoutConsent, a.Report.Total.Counts!.Registered));
        Assert.All(a.Report.Wijken, r => Assert.True(r.IsSuppressed)); // 12 and 3: the small one and the next smallest
        Assert.Equal((GetReachReport.ReachScope.Coalition, true, 25), (lead.Scope, lead.CanChooseScope, lead.Report.Total.Counts!.Registered));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OtherCoalition_SeesNoneOfIt_AndRolesWithoutThePermissionAreForbidden(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var (orgs, _) = await ArrangeAsync(services);
        Guid otherOrganisation, otherAnalyst;
        await using (var scope = services.CreateAsyncScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<Setup.Handler>();
            var coalition = Assert.IsType<Setup.Outcome.Created>(await setup.CreateCoalitionAsync("Andere coalitie", null, false, CancellationToken.None)).Id;
            otherOrganisation = Assert.IsType<Setup.Outcome.Created>(await setup.CreateOrganisationAsync(coalition, "Andere gemeente", OrganisationKind.Gemeente, CancellationToken.None)).Id;
            otherAnalyst = Assert.IsType<Setup.Outcome.Created>(await setup.CreateUserAsync(new Setup.NewUser("analist@andere.example", "Analist", Role.Analyst, otherOrganisation, "Test-wachtwoord-123"), CancellationToken.None)).Id;
        }

        var other = await ReportAsync(services, otherAnalyst, otherOrganisation, Role.Analyst);

        Assert.Empty(other.Report.Wijken);
        Assert.Empty(other.FigureTables);
        Assert.Null(other.PopulationTable);
        Assert.Equal((0, true), (other.LeftOutWithoutConsent, other.Report.Total.IsSuppressed));
        foreach (var (user, role) in new[] { (orgs.ProfessionalA, Role.Professional), (orgs.VolunteerA, Role.Volunteer), (orgs.AdministratorA, Role.Administrator) })
        {
            await using var scope = TestDatabase.Scope(services, user, orgs.OrganisationA, role);
            Assert.IsType<GetReachReport.Outcome.Forbidden>(await scope.ServiceProvider.GetRequiredService<GetReachReport.Handler>().HandleAsync(new GetReachReport.Query(), CancellationToken.None));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_RefusesEveryBadRow_StoresNothing_ThenStoresTheTablesWithAuditEntries(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var (orgs, coalitionId) = await ArrangeAsync(services);
        await using var scope = TestDatabase.Scope(services, orgs.AnalystA, orgs.OrganisationA, Role.Analyst);
        var handler = scope.ServiceProvider.GetRequiredService<ImportReachTable.Handler>();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();

        var refused = await handler.HandleAsync(ImportReachTable.Kind.Figures, "Fout", Encoding.UTF8.GetBytes("wijkcode;indicator;schatting;ci_laag;ci_hoog\nWK999901;eenzaam;47,5;43;52\nWK999909;eenzaam;40;35;45\n"), CancellationToken.None);
        var figures = await handler.HandleAsync(ImportReachTable.Kind.Figures, "Goed", Encoding.UTF8.GetBytes("wijkcode;indicator;schatting;ci_laag;ci_hoog\nWK999901;eenzaam;47,5;43;52\nWK999902;eenzaam;40;35;45\n"), CancellationToken.None);
        var population = await handler.HandleAsync(ImportReachTable.Kind.Population, null, Encoding.UTF8.GetBytes("wijkcode,leeftijdsgroep,inwoners\nWK999901,18+,800\n"), CancellationToken.None);

        var problem = Assert.Single(Assert.IsType<ImportReachTable.Outcome.Refused>(refused).Problems);
        Assert.Equal((3, "wijkcode"), (problem.Line, problem.Column));
        Assert.Equal(2, Assert.IsType<ImportReachTable.Outcome.Imported>(figures).Rows);
        Assert.Equal(1, Assert.IsType<ImportReachTable.Outcome.Imported>(population).Rows);
        Assert.Equal(["Goed", "Peiling"], await db.ReachFigureTables.Where(t => t.CoalitionId == coalitionId).OrderBy(t => t.Name).Select(t => t.Name).ToListAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == ReachAuditActions.FiguresImport));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == ReachAuditActions.PopulationImport));

        await using var coordinator = TestDatabase.Scope(services, orgs.CoordinatorA, orgs.OrganisationA, Role.Coordinator);
        Assert.IsType<ImportReachTable.Outcome.Forbidden>(await coordinator.ServiceProvider.GetRequiredService<ImportReachTable.Handler>()
            .HandleAsync(ImportReachTable.Kind.Figures, null, Encoding.UTF8.GetBytes("x"), CancellationToken.None));
    }
}
