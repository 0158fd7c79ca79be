using Konvooi.Domain.Access;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Konvooi.Features.Referrals;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.Referrals;

/// <summary>
/// The signal reports on both providers (docs/referral.md, "Reports"): scope per role, the period filter, what counts,
/// small-cell suppression and the audit entry. The clock stands on 2 March 2026, so the default period is April 2025 to
/// March 2026.
/// </summary>
public sealed class SignalReportSliceTests
{
    private sealed record Coalition(TwoOrganisations Orgs, Guid CoalitionId, Guid Physio, Guid Signaller);

    private static async Task<Coalition> ArrangeAsync(IServiceProvider services)
    {
        var orgs = await TwoOrganisations.CreateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var setup = scope.ServiceProvider.GetRequiredService<Setup.Handler>();
        var coalitionId = await db.Organisations.Where(o => o.Id == orgs.OrganisationA).Select(o => o.CoalitionId).SingleAsync();
        var physio = Assert.IsType<Setup.Outcome.Created>(await setup.CreateOrganisationAsync(coalitionId, "Fysio Test", OrganisationKind.Fysiotherapie, CancellationToken.None)).Id;
        var signaller = Assert.IsType<Setup.Outcome.Created>(await setup.CreateUserAsync(
            new Setup.NewUser("signaal@test.example", "Signaleerder Test", Role.Signaller, physio, "Test-wachtwoord-123"), CancellationToken.None)).Id;
        Assert.Null(await scope.ServiceProvider.GetRequiredService<SetCoalitionLead.Handler>().HandleAsync(coalitionId, orgs.OrganisationA, CancellationToken.None));
        db.Wijken.AddRange(
            new Wijk { Id = Guid.NewGuid(), CoalitionId = coalitionId, Code = "WK999901", Name = "Noord" },
            new Wijk { Id = Guid.NewGuid(), CoalitionId = coalitionId, Code = "WK999902", Name = "Zuid" });

        // February 2026, received by A: 12 signals from the physiotherapist in Noord (first contact after 1 or 2 working
        // days; 8 with a plan, 4 closed), 10 referrals from B without a wijk (closed: not reachable).
        for (var i = 0; i < 12; i++)
        {
            db.Signals.Add(Signal(coalitionId, physio, signaller, orgs.OrganisationA, new DateOnly(2026, 2, 2), "WK999901",
                i < 8 ? IntakeState.PlanAgreed : IntakeState.Closed, i < 8 ? null : IntakeCloseReason.NotNeeded,
                new DateOnly(2026, 2, i % 2 == 0 ? 3 : 4)));
        }

        for (var i = 0; i < 10; i++)
        {
            db.Signals.Add(Signal(coalitionId, orgs.OrganisationB, orgs.CoordinatorB, orgs.OrganisationA, new DateOnly(2026, 2, 16), null,
                IntakeState.Closed, IntakeCloseReason.NotReachable, null, SignalSource.Referral));
        }

        // March 2026, received by A: 3 signals in Zuid (too few to show). Received by B: 11 signals in Zuid.
        for (var i = 0; i < 3; i++)
        {
            db.Signals.Add(Signal(coalitionId, physio, signaller, orgs.OrganisationA, new DateOnly(2026, 3, 2), "WK999902", IntakeState.Received, null, null));
        }

        for (var i = 0; i < 11; i++)
        {
            db.Signals.Add(Signal(coalitionId, physio, signaller, orgs.OrganisationB, new DateOnly(2026, 3, 2), "WK999902", IntakeState.Received, null, null));
        }

        // Not counted: an advice request, and a signal before the period.
        var advice = Signal(coalitionId, physio, signaller, orgs.OrganisationA, new DateOnly(2026, 2, 2), null, IntakeState.Closed, IntakeCloseReason.Other, null);
        advice.Kind = SignalKind.AdviceRequest;
        advice.Name = null;
        db.Signals.Add(advice);
        db.Signals.Add(Signal(coalitionId, physio, signaller, orgs.OrganisationA, new DateOnly(2025, 3, 31), "WK999901", IntakeState.Received, null, null));
        await db.SaveChangesAsync();
        return new Coalition(orgs, coalitionId, physio, signaller);
    }

    private static SignalRecord Signal(Guid coalitionId, Guid from, Guid submittedBy, Guid to, DateOnly receivedOn, string? wijk, IntakeState state, IntakeCloseReason? reason, DateOnly? firstContact, SignalSource source = SignalSource.Form) => new()
    {
        Id = Guid.NewGuid(),
        CoalitionId = coalitionId,
        Kind = SignalKind.Signal,
        Source = source,
        SourceOrganisationId = from,
        SubmittedById = submittedBy,
        SubmittedAtUtc = receivedOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
        IdempotencyKey = Guid.NewGuid(),
        ReceivingOrganisationId = to,
        RoutingBasis = RoutingBasis.Wijk,
        ReceivedOn = receivedOn,
        Deadline = receivedOn.AddDays(7),
        Urgency = SignalUrgency.Routine,
        State = state,
        CloseReason = reason,
        ClosedOn = state == IntakeState.Closed ? receivedOn.AddDays(7) : null,
        FirstContactOn = firstContact,
        PlanAgreedOn = state == IntakeState.PlanAgreed ? receivedOn.AddDays(10) : null,
        Name = "Fictief Persoon",
        Age = 80,
        WijkCode = wijk,
        ConsentToContact = true,
        ConsentGivenOn = receivedOn,
        Version = 1,
    };

    private static async Task<GetSignalReport.Outcome> ReportAsync(IServiceProvider services, Guid user, Guid organisation, Role role, GetSignalReport.Query? query = null)
    {
        await using var scope = TestDatabase.Scope(services, user, organisation, role);
        return await scope.ServiceProvider.GetRequiredService<GetSignalReport.Handler>().HandleAsync(query ?? new GetSignalReport.Query(), null, CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Coordinator_OwnOrganisation_AggregatesWithSuppression_AndAnAuditEntry(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var c = await ArrangeAsync(services);

        var result = Assert.IsType<GetSignalReport.Outcome.Computed>(await ReportAsync(services, c.Orgs.CoordinatorA, c.Orgs.OrganisationA, Role.Coordinator)).Result;

        Assert.Equal((new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 1)), (result.From, result.To));
        Assert.Equal(12, result.Months.Count);
        Assert.Equal((GetSignalReport.ReportScope.Organisation, true, "Organisatie A"), (result.Scope, result.CanChooseScope, result.ScopeName));
        Assert.Equal(25, result.SignalCount); // 12 + 10 + 3: no advice request, nothing before April 2025, nothing received by B
        var report = result.Report;
        Assert.Equal(
            [new("fysiotherapie", "2026-02", 12), new("zorgaanbieder", "2026-02", 10), new("fysiotherapie", "2026-03", null)],
            report.BySourceKind);
        Assert.Equal(
            [new("Onbekend", "2026-02", 10), new("WK999901", "2026-02", 12), new("WK999902", "2026-03", null)],
            report.ByWijk);
        Assert.Equal("Zuid", result.WijkNames["WK999902"]);
        // Not needed (4) is too small, and not reachable, the only other reason that month, is hidden with it.
        Assert.Equal([new("not_needed", "2026-02", null), new("not_reachable", "2026-02", null)], report.CloseReasons);
        Assert.Equal((12, 1.5), (report.FirstContactN, report.MedianWorkingDaysToFirstContact));
        Assert.Equal((22, 8), (report.EndedN, report.EndedWithPlan));

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == ReferralAuditActions.ReportView);
        Assert.Equal((GetSignalReport.AuditEntityType, c.Orgs.OrganisationA.ToString("D"), (Guid?)null), (entry.EntityType, entry.RecordIds, entry.PersonId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scope_AnalystAndLeadCoordinatorSeeTheCoalition_OthersTheirOwn_OutsidersNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var c = await ArrangeAsync(services);
        var coalition = new GetSignalReport.Query(Scope: GetSignalReport.ReportScope.Coalition);

        var analyst = Assert.IsType<GetSignalReport.Outcome.Computed>(await ReportAsync(services, c.Orgs.AnalystA, c.Orgs.OrganisationA, Role.Analyst)).Result;
        var lead = Assert.IsType<GetSignalReport.Outcome.Computed>(await ReportAsync(services, c.Orgs.CoordinatorA, c.Orgs.OrganisationA, Role.Coordinator, coalition)).Result;
        var other = Assert.IsType<GetSignalReport.Outcome.Computed>(await ReportAsync(services, c.Orgs.CoordinatorB, c.Orgs.OrganisationB, Role.Coordinator, coalition)).Result;

        Assert.Equal((GetSignalReport.ReportScope.Coalition, false, "Testcoalitie", 36), (analyst.Scope, analyst.CanChooseScope, analyst.ScopeName, analyst.SignalCount));
        Assert.Equal((GetSignalReport.ReportScope.Coalition, 36), (lead.Scope, lead.SignalCount));
        Assert.Contains(new ReportCount("fysiotherapie", "2026-03", 14), analyst.Report.BySourceKind);
        // B is not the lead organisation: its coordinator sees B's own signals, whatever the query asks.
        Assert.Equal((GetSignalReport.ReportScope.Organisation, false, 11), (other.Scope, other.CanChooseScope, other.SignalCount));
        Assert.Equal([new ReportCount("fysiotherapie", "2026-03", 11)], other.Report.BySourceKind);

        foreach (var (user, role) in new[] { (c.Orgs.ProfessionalA, Role.Professional), (c.Orgs.VolunteerA, Role.Volunteer), (c.Orgs.AdministratorA, Role.Administrator) })
        {
            Assert.IsType<GetSignalReport.Outcome.Forbidden>(await ReportAsync(services, user, c.Orgs.OrganisationA, role));
        }

        Assert.IsType<GetSignalReport.Outcome.Forbidden>(await ReportAsync(services, c.Signaller, c.Physio, Role.Signaller));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Period_ChosenMonths_AndWrongInputNamesTheField(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        var c = await ArrangeAsync(services);

        async Task<GetSignalReport.Outcome> Period(string? from, string? to) =>
            await ReportAsync(services, c.Orgs.CoordinatorA, c.Orgs.OrganisationA, Role.Coordinator, new GetSignalReport.Query(from, to));

        var february = Assert.IsType<GetSignalReport.Outcome.Computed>(await Period("2026-02", "2026-2")).Result;
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 1), 22), (february.From, february.To, february.SignalCount));
        var march2025 = Assert.IsType<GetSignalReport.Outcome.Computed>(await Period("2025-03", "2025-03")).Result;
        Assert.Null(march2025.SignalCount); // one signal: fewer than the minimum, so no number
        var onlyTo = Assert.IsType<GetSignalReport.Outcome.Computed>(await Period(null, "2025-12")).Result;
        Assert.Equal(new DateOnly(2025, 1, 1), onlyTo.From);

        Assert.Equal(["From"], Assert.IsType<GetSignalReport.Outcome.Invalid>(await Period("maart", "2026-03")).Problems.Select(p => p.Field));
        Assert.Equal(["From", "To"], Assert.IsType<GetSignalReport.Outcome.Invalid>(await Period("2026-13", "x")).Problems.Select(p => p.Field));
        Assert.Equal(["To"], Assert.IsType<GetSignalReport.Outcome.Invalid>(await Period("2026-03", "2026-01")).Problems.Select(p => p.Field));
        var tooLong = Assert.IsType<GetSignalReport.Outcome.Invalid>(await Period("2023-01", "2026-03"));
        Assert.Equal("From", Assert.Single(tooLong.Problems).Field);
        Assert.True(tooLong.CanChooseScope);
    }
}
