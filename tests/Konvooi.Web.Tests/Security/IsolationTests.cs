using System.Net;
using Konvooi.Features.Data;
using Konvooi.Tests.Infrastructure;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Security;

/// <summary>
/// Enumerates every endpoint the app has and requests each route that takes an id as users who must
/// not reach the record. A new route parameter this test does not know makes it fail, so a new
/// route cannot slip past it.
/// </summary>
public sealed class IsolationTests
{
    private static readonly string[] Outsiders =
    [
        "coordinator@zorg.example",      // another organisation
        "professional@zorg.example",     // another organisation
        "vrijwilliger@welzijn.example",  // volunteers open no person records
        "analist@welzijn.example",       // analysts open no person records
        "beheerder@welzijn.example",     // administrators manage users, not people
        "professional@welzijn.example",  // a professional who is not responsible for this person (nor assigned to the signal)
        "signaleerder@fysio.example",    // signallers open no person records and no intake items
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryRouteWithAnId_OutsidersGet404Or403_AndTheRecordIsUnchanged(string provider)
    {
        await using var factory = await KonvooiWebFactory.CreateAsync(provider);
        var person = await DemoLookup.PersonAsync(factory.Services, "Welzijn Lindenhaven (demo)", responsibleIsDemoProfessional: false);
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0)
            .Select(e => e.RoutePattern)
            .ToList();
        Assert.NotEmpty(routes);

        // Every route parameter this test knows, with a real value that belongs to the person.
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = person.Id.ToString("D"),
            ["measurementId"] = (await MeasurementOfAsync(factory.Services, person.Id)).ToString("D"),
            ["section"] = "daily_life",
            // The demo arrangement of this person has slots once the job ran; a well-formed link token nobody holds.
            ["reference"] = await DailyContactSetup.AnySlotOfAsync(factory.Services, person.Id),
            ["token"] = Konvooi.Domain.DailyContact.AccessTokens.IssueRandom().PlainText,
            // A catalogue entry of another coalition: every demo user is an outsider to it.
            ["entryId"] = (await OtherCoalitionEntryAsync(factory.Services)).ToString("D"),
            // A demo signal waiting in Welzijn's intake queue, assigned to nobody.
            ["signalId"] = (await WaitingSignalAsync(factory.Services)).ToString("D"),
            // A demo routing rule: only coordinators of the lead organisation (Welzijn) may change it; the partner's
            // coordinator (coordinator@zorg.example) reads the table but gets 403 here.
            ["ruleId"] = (await DemoRoutingRuleAsync(factory.Services)).ToString("D"),
        };
        var arrangementId = await ArrangementOfAsync(factory.Services, person.Id);
        var measurementsBefore = await CountMeasurementsAsync(factory.Services, person.Id);
        var (runId, trajectoryId) = await PlanAsInsiderAsync(factory, person.Id);
        var professionalId = await UserIdAsync(factory.Services, "professional@welzijn.example");
        var urls = new List<string>();
        foreach (var pattern in routes)
        {
            var unknown = pattern.Parameters.Select(p => p.Name).Where(n => !values.ContainsKey(n)).ToList();
            Assert.True(unknown.Count == 0, $"Route {pattern.RawText} has parameters {string.Join(", ", unknown)} that {nameof(IsolationTests)} does not cover yet: add them here.");
            var url = pattern.RawText!;
            foreach (var parameter in pattern.Parameters)
            {
                url = System.Text.RegularExpressions.Regex.Replace(url, $@"\{{{parameter.Name}(:[^}}]*)?\}}", values[parameter.Name]);
            }

            urls.Add("/" + url.TrimStart('/'));
        }

        foreach (var email in Outsiders)
        {
            using var session = await factory.SignInAsync(email);
            var token = WebSession.AntiforgeryToken(await session.GetHtmlAsync("/Account/Logout"));
            foreach (var url in urls)
            {
                var get = await session.GetAsync(url);
                Assert.True(get.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"GET {url} as {email}: {(int)get.StatusCode}");
                Assert.DoesNotContain(person.LastName, await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);

                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["Input.FirstName"] = "Overschreven",
                    ["Input.LastName"] = "Overschreven",
                    ["Input.DateOfBirth"] = "1950-01-01",
                    ["Input.LivingSituation"] = "Alone",
                    ["Input.Version"] = "1",
                    ["Record.Purpose"] = "Registration",
                    ["Record.GivenOn"] = "2026-01-01",
                    ["Input.Mode"] = "FaceToFace",
                    ["Input.AdministeredOn"] = "2026-01-01",
                    ["userId"] = professionalId.ToString("D"),
                    ["version"] = "0",
                    ["a.daily_life.rhythm"] = "regular",
                    ["Member.Name"] = "Indringer",
                    ["Member.Relation"] = "friend",
                    ["Member.Circle"] = "closest",
                    ["Member.Frequency"] = "daily",
                    ["memberId"] = "m1",
                    ["circle"] = "close",
                    ["runId"] = runId.ToString("D"),
                    ["runVersion"] = "1",
                    ["Choice.Chosen"] = "buddy",
                    ["Choice.WatchfulWaiting"] = "true",
                    ["Choice.Reason"] = "Indringer",
                    ["Plan.Goals[0]"] = "Indringer",
                    ["Plan.AgreedOn"] = "2026-01-01",
                    ["Plan.AgreedBy"] = "Indringer",
                    ["Plan.AddInterventionId"] = "buddy",
                    ["Plan.AddReason"] = "Indringer",
                    ["Plan.ResponsibleProfessionalId"] = professionalId.ToString("D"),
                    ["trajectoryId"] = trajectoryId.ToString("D"),
                    ["taskId"] = trajectoryId.ToString("D"),
                    ["Step.State"] = "referred",
                    ["Step.Date"] = "2026-01-01",
                    ["doneOn"] = "2026-01-01",
                    ["doneNote"] = "Indringer",
                    ["Close.Reason"] = "moved",
                    ["Close.ClosedOn"] = "2026-01-01",
                    ["judgementVersion"] = "0",
                    ["Judgement.Type"] = "emotional",
                    ["Judgement.Reason"] = "Indringer",
                    ["Safety.AdviceCode"] = "safety_first",
                    ["Safety.Who"] = "Indringer",
                    ["Safety.On"] = "2026-01-01",
                    ["Safety.Agreed"] = "Indringer",
                    ["closestReason"] = "died",
                    ["arrangementId"] = arrangementId.ToString("D"),
                    ["contactId"] = Guid.NewGuid().ToString("D"),
                    ["tokenId"] = Guid.NewGuid().ToString("D"),
                    ["purpose"] = "ConfirmationLink",
                    ["reference"] = values["reference"],
                    ["confirmationId"] = Guid.NewGuid().ToString("D"),
                    ["Input.Days"] = "Monday",
                    ["Input.WindowStart"] = "10:00",
                    ["Input.WindowEnd"] = "11:00",
                    ["Input.Form"] = "DoorVisit",
                    ["Input.StartDate"] = "2026-01-01",
                    ["Confirm.Note"] = "Indringer",
                    ["ResolveNote"] = "Indringer",
                    ["Input.Code"] = "overschreven",
                    ["Input.Name"] = "Overschreven",
                    ["Input.Description"] = "Overschreven",
                    ["Input.Aim"] = "loneliness_social",
                    ["Input.MainElement"] = "meeting",
                    ["Input.Setting"] = "group",
                    ["Input.Intensity"] = "medium",
                    ["Input.Recognition"] = "none",
                    ["Version"] = "1",
                    ["SignalVersion"] = "1",
                    ["ProfessionalId"] = professionalId.ToString("D"),
                    ["ToOrganisationId"] = Guid.NewGuid().ToString("D"),
                    ["ForwardReason"] = "Indringer",
                    ["CloseReason"] = "not_needed",
                    ["ContactOn"] = "2026-01-01",
                    ["Input.ToOrganisationId"] = Guid.NewGuid().ToString("D"),
                    ["Input.Fields"] = "name",
                    ["Input.Request"] = "Indringer",
                    ["Input.Urgency"] = "Routine",
                    ["Input.IdempotencyKey"] = Guid.NewGuid().ToString("D"),
                    ["Input.OrganisationId"] = professionalId.ToString("D"),
                    ["Input.PostcodeFrom"] = "1000",
                    ["Input.PostcodeTo"] = "1999",
                }.Concat(Enumerable.Range(1, 11).Select(i => KeyValuePair.Create($"Input.Answers[djg11-{i}]", "ja"))));
                foreach (var handler in new[] { string.Empty, "?handler=Record", "?handler=Withdraw", "?instrument=djg11", "?handler=Handover&instrument=djg11", "?handler=Add", "?handler=Remove", "?handler=Move", "?handler=Choose", "?handler=Match", "?handler=Judgement", "?handler=Safety", "?handler=Step", "?handler=FollowUp", "?handler=Close", "?handler=Signal", $"?run={runId}", "?handler=Issue", "?handler=Revoke", "?handler=Resolve", "?handler=Handled", "?handler=Retire", "?handler=Assign", "?handler=Forward", "?handler=FirstContact", "?handler=Link", "?handler=Delete" })
                {
                    var post = await session.Client.PostAsync(new Uri(url + handler, UriKind.Relative), form);
                    Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.MethodNotAllowed,
                        $"POST {url}{handler} as {email}: {(int)post.StatusCode}");
                }
            }
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var stored = await db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == person.Id);
        Assert.Equal(person.FirstName, stored.FirstName);
        Assert.Equal(1, stored.Version);
        Assert.False(await db.Consents.IgnoreQueryFilters().AnyAsync(c => c.PersonId == person.Id));
        Assert.False(await db.PersonAssignments.AnyAsync(a => a.PersonId == person.Id));
        Assert.False(await db.ConversationSections.IgnoreQueryFilters().AnyAsync(c => c.PersonId == person.Id));
        Assert.False(await db.ConvoyMaps.IgnoreQueryFilters().AnyAsync(c => c.PersonId == person.Id));
        Assert.Equal(1, await db.ProfileSnapshots.IgnoreQueryFilters().CountAsync(c => c.PersonId == person.Id));
        Assert.Null((await db.MatchRuns.IgnoreQueryFilters().SingleAsync(r => r.Id == runId)).ChoiceJson);
        Assert.Equal(1, (await db.MatchRuns.IgnoreQueryFilters().SingleAsync(r => r.Id == runId)).ShownCount);
        Assert.False(await db.ProfessionalJudgements.IgnoreQueryFilters().AnyAsync(j => j.PersonId == person.Id));
        Assert.False(await db.SafetyFollowUps.IgnoreQueryFilters().AnyAsync(f => f.PersonId == person.Id));
        Assert.False(await db.ConvoyAlerts.IgnoreQueryFilters().AnyAsync(a => a.PersonId == person.Id));
        var plan = await db.SupportPlans.IgnoreQueryFilters().SingleAsync(p => p.PersonId == person.Id);
        Assert.Equal(1, plan.CurrentVersion);
        Assert.Null(plan.ClosedOn);
        Assert.Equal("proposed", (await db.Trajectories.IgnoreQueryFilters().SingleAsync(t => t.Id == trajectoryId)).State);
        Assert.Equal(measurementsBefore, await db.Measurements.IgnoreQueryFilters().CountAsync(m => m.PersonId == person.Id));
        Assert.Equal(1, (await db.DailyContactArrangements.IgnoreQueryFilters().SingleAsync(a => a.PersonId == person.Id)).Version);
        Assert.False(await db.DailyContactConfirmations.IgnoreQueryFilters().AnyAsync(c => c.PersonId == person.Id));
        Assert.False(await db.DailyContactTokens.IgnoreQueryFilters().AnyAsync());
        Assert.False(await db.DailyContactSlots.IgnoreQueryFilters().AnyAsync(s => s.PersonId == person.Id && s.IsClosed));
        var entry = await db.CatalogueEntries.SingleAsync(e => e.Id == Guid.Parse(values["entryId"]));
        Assert.Equal((1, false, "Maatje"), (entry.Version, entry.IsRetired, entry.Name));
        Assert.False(await db.Signals.IgnoreQueryFilters().AnyAsync(x => x.SourcePersonId == person.Id));
        var signal = await db.Signals.IgnoreQueryFilters().SingleAsync(x => x.Id == Guid.Parse(values["signalId"]));
        Assert.Equal((1, Konvooi.Domain.Referrals.IntakeState.Received, (Guid?)null), (signal.Version, signal.State, signal.AssignedProfessionalId));
        var rule = await db.RoutingRules.SingleAsync(r => r.Id == Guid.Parse(values["ruleId"]));
        Assert.Equal((9900, 9949), (rule.PostcodeFrom, rule.PostcodeTo));
        Assert.Equal(2, await db.RoutingRules.CountAsync());
        Assert.False(await db.RoutingChanges.AnyAsync());
    }

    private static async Task<Guid> DemoRoutingRuleAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().RoutingRules
            .Where(r => r.PostcodeFrom == 9900).Select(r => r.Id).SingleAsync();
    }

    private static async Task<Guid> WaitingSignalAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Signals.IgnoreQueryFilters()
            .Where(x => x.Source == SignalSource.Form && x.Kind == Konvooi.Domain.Referrals.SignalKind.Signal && x.State == Konvooi.Domain.Referrals.IntakeState.Received && x.MayHearBack)
            .Select(x => x.Id).FirstAsync();
    }

    private static async Task<Guid> ArrangementOfAsync(IServiceProvider services, Guid personId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().DailyContactArrangements.IgnoreQueryFilters()
            .Where(a => a.PersonId == personId).Select(a => a.Id).SingleAsync();
    }

    /// <summary>The person's coordinator draws up a profile (a match run) and agrees a plan, so outsiders have something to try.</summary>
    private static async Task<(Guid RunId, Guid TrajectoryId)> PlanAsInsiderAsync(KonvooiWebFactory factory, Guid personId)
    {
        using var coordinator = await factory.SignInAsync("coordinator@welzijn.example");
        var profile = $"/People/{personId}/Profile";
        await coordinator.PostFormAsync(profile, profile, []);
        await coordinator.GetHtmlAsync(profile);
        var newPlan = $"/People/{personId}/Plan/New";
        var coordinatorId = await UserIdAsync(factory.Services, "coordinator@welzijn.example");
        var created = await coordinator.PostFormAsync(newPlan, newPlan, new()
        {
            ["Plan.Goals[0]"] = "Iemand om mee te praten",
            ["Plan.AgreedOn"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Plan.AgreedBy"] = "meneer zelf",
            ["Plan.AddInterventionId"] = "buddy",
            ["Plan.AddReason"] = "Meneer vroeg er zelf om.",
            ["Plan.ResponsibleProfessionalId"] = coordinatorId.ToString("D"),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var run = await db.MatchRuns.IgnoreQueryFilters().Where(r => r.PersonId == personId).Select(r => r.Id).SingleAsync();
        var trajectory = await db.Trajectories.IgnoreQueryFilters().Where(t => t.PersonId == personId).Select(t => t.Id).SingleAsync();
        return (run, trajectory);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WorkListAndOutcomes_OutsidersGet403OrNoneOfThePeople(string provider)
    {
        await using var factory = await KonvooiWebFactory.CreateAsync(provider);
        // The demo dropout with an open follow-up (Seeding/DemoData.cs, SeedSupportPlans).
        var people = await DemoLookup.AllPeopleAsync(factory.Services);
        var person = people.Single(p => p.FirstName == "Aafke");
        var urls = new[] { "/WorkList", $"/WorkList?wijk={person.Wijk}&intervention=buddy", "/Outcomes", "/Outcomes?handler=Csv", "/Outcomes?handler=Summary&intervention=buddy" };

        foreach (var email in Outsiders.Where(e => e != "professional@welzijn.example"))
        {
            using var session = await factory.SignInAsync(email);
            foreach (var url in urls)
            {
                var get = await session.GetAsync(url);
                var body = await get.Content.ReadAsStringAsync();
                Assert.True(get.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"GET {url} as {email}: {(int)get.StatusCode}");
                Assert.DoesNotContain(person.LastName, body, StringComparison.Ordinal);
                Assert.DoesNotContain("Maatje", body, StringComparison.Ordinal); // Welzijn's only "buddy" trajectory
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SignalReports_OutsidersGet403OrOnlyTheirOwnAggregates(string provider)
    {
        await using var factory = await KonvooiWebFactory.CreateAsync(provider);
        var urls = new[] { "/Reports/Signals", "/Reports/Signals?Scope=coalition" }
            .Concat(new[] { "source-kind", "wijk", "first-contact", "plan", "close-reasons" }.Select(t => $"/Reports/Signals?handler=Csv&table={t}&Scope=coalition"))
            .ToList();
        await using var scope = factory.Services.CreateAsyncScope();
        var names = await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Signals.IgnoreQueryFilters()
            .Where(s => s.Name != null).Select(s => s.Name!).Distinct().ToListAsync();

        foreach (var email in Outsiders)
        {
            using var session = await factory.SignInAsync(email);
            foreach (var url in urls)
            {
                var get = await session.GetAsync(url);
                var body = await get.Content.ReadAsStringAsync();
                // Analysts read the coalition's aggregates; Zorggroep's coordinator only Zorggroep's (it is not the lead).
                var expected = email is "analist@welzijn.example" or "coordinator@zorg.example" ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                Assert.True(get.StatusCode == expected, $"GET {url} as {email}: {(int)get.StatusCode}");
                Assert.All(names, name => Assert.DoesNotContain(name, body, StringComparison.Ordinal));
                if (email == "coordinator@zorg.example" && !url.Contains("handler=Csv", StringComparison.Ordinal))
                {
                    Assert.Contains("Meldingen van Zorggroep De Linde (demo)", body, StringComparison.Ordinal);
                    // Zorggroep received only the demo referral from Welzijn, never the physiotherapist's signals to Welzijn.
                    Assert.Contains("Welzijnsorganisatie", body, StringComparison.Ordinal);
                    Assert.DoesNotContain("Fysiotherapie", body, StringComparison.Ordinal);
                }
            }
        }
    }

    private static async Task<Guid> OtherCoalitionEntryAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<Konvooi.Features.Organisations.Setup.Handler>();
        var coalition = Assert.IsType<Konvooi.Features.Organisations.Setup.Outcome.Created>(
            await setup.CreateCoalitionAsync("Andere coalitie (test)", null, isDemo: false, CancellationToken.None)).Id;
        Assert.IsType<Konvooi.Features.Organisations.Setup.Outcome.Created>(
            await setup.CreateOrganisationAsync(coalition, "Andere aanbieder (test)", OrganisationKind.Welzijnsorganisatie, CancellationToken.None));
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        await Konvooi.Features.Catalogue.CatalogueStore.EnsureSeededAsync(db, new Konvooi.Features.Security.CurrentActor(), TimeProvider.System, coalition, null, CancellationToken.None);
        return await db.CatalogueEntries.Where(e => e.CoalitionId == coalition && e.Code == "buddy").Select(e => e.Id).SingleAsync();
    }

    private static async Task<Guid> UserIdAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<int> CountMeasurementsAsync(IServiceProvider services, Guid personId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Measurements.IgnoreQueryFilters().CountAsync(m => m.PersonId == personId);
    }

    private static async Task<Guid> MeasurementOfAsync(IServiceProvider services, Guid personId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Measurements.IgnoreQueryFilters()
            .Where(m => m.PersonId == personId).Select(m => m.Id).FirstAsync();
    }

    [Fact]
    public async Task EveryPersonPage_ResponsibleProfessionalAndCoordinator_CanOpenIt()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        var person = await DemoLookup.PersonAsync(factory.Services, "Welzijn Lindenhaven (demo)", responsibleIsDemoProfessional: true);

        foreach (var email in new[] { "coordinator@welzijn.example", "professional@welzijn.example" })
        {
            using var session = await factory.SignInAsync(email);
            foreach (var url in new[]
            {
                $"/People/{person.Id}", $"/People/{person.Id}/Edit", $"/People/{person.Id}/Consents", $"/People/{person.Id}/AccessHistory",
                $"/People/{person.Id}/Measurements", $"/People/{person.Id}/Measurements/New?instrument=djg11",
                $"/People/{person.Id}/Measurements/{await MeasurementOfAsync(factory.Services, person.Id)}",
                $"/People/{person.Id}/Profile", $"/People/{person.Id}/Plan", $"/People/{person.Id}/Plan/New",
            })
            {
                Assert.Contains(person.LastName, await session.GetHtmlAsync(url), StringComparison.Ordinal);
            }
        }
    }
}
