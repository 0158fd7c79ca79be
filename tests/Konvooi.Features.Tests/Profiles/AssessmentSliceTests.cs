using System.Text.Json;
using Konvooi.Domain.Access;
using Konvooi.Domain.Convoy;
using Konvooi.Features.Audit;
using Konvooi.Features.Conversations;
using Konvooi.Features.Convoy;
using Konvooi.Features.Data;
using Konvooi.Features.Profiles;
using Konvooi.Features.Support;
using Konvooi.Features.Tests.Support;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Konvooi.Features.Tests.Profiles;

/// <summary>
/// Issue #16 on both providers: the professional's judgement, the safety follow-up and the plan-close block, the
/// convoy alert when the closest circle shrinks (JG-4), and the data migration of <c>home_visit_75plus</c>.
/// </summary>
public sealed class AssessmentSliceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static async Task<T> AsProfessionalAsync<T>(IServiceProvider services, TwoOrganisations orgs, Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = TestDatabase.Scope(services, orgs.ProfessionalA, orgs.OrganisationA, Role.Professional);
        return await act(scope.ServiceProvider);
    }

    private static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<KonvooiDbContext, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<KonvooiDbContext>());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Judgement_RecordedAudited_StaleVersionRefused_AndKeptWithTheNextProfile(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(new FakeTimeProvider(Now));
        var orgs = await TwoOrganisations.CreateAsync(services);
        var person = await SupportSeed.PersonAsync(services, orgs.OrganisationA, orgs.ProfessionalA, "Jet");

        var noReason = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RecordJudgement.Handler>()
            .HandleAsync(person, 0, new RecordJudgement.JudgementInput { Type = "emotional", Severity = "moderately_lonely" }, CancellationToken.None));
        var unknownType = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RecordJudgement.Handler>()
            .HandleAsync(person, 0, new RecordJudgement.JudgementInput { Type = "sad", Reason = "Zegt ze zelf." }, CancellationToken.None));
        var saved = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RecordJudgement.Handler>()
            .HandleAsync(person, 0, new RecordJudgement.JudgementInput { Type = "emotional", Severity = "moderately_lonely", Reason = "Mevrouw mist haar man elke dag." }, CancellationToken.None));
        var stale = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RecordJudgement.Handler>()
            .HandleAsync(person, 0, new RecordJudgement.JudgementInput { Severity = "severely_lonely", Reason = "Anders." }, CancellationToken.None));
        var outsider = await AsOutsiderAsync(services, orgs, sp => sp.GetRequiredService<RecordJudgement.Handler>()
            .HandleAsync(person, 1, new RecordJudgement.JudgementInput { Severity = "severely_lonely", Reason = "Anders." }, CancellationToken.None));

        Assert.Contains(Assert.IsType<Assessments.Outcome.Invalid>(noReason).Problems, p => p.Field == "Reason");
        Assert.Contains(Assert.IsType<Assessments.Outcome.Invalid>(unknownType).Problems, p => p.Field == "Type");
        Assert.IsType<Assessments.Outcome.Saved>(saved);
        Assert.IsType<Assessments.Outcome.Conflict>(stale);
        Assert.IsType<Assessments.Outcome.NotFound>(outsider);
        var stored = await WithDbAsync(services, db => db.ProfessionalJudgements.IgnoreQueryFilters().SingleAsync(j => j.PersonId == person));
        Assert.Equal(("emotional", "moderately_lonely", 1, Today), (stored.Type, stored.Severity, stored.Version, stored.JudgedOn));
        Assert.Equal(1, await WithDbAsync(services, db => db.AuditEntries.CountAsync(a => a.PersonId == person && a.EntityType == nameof(ProfessionalJudgementRecord) && a.Action == AuditActions.Create)));

        // The next profile uses it and keeps it with the snapshot (evidence "Oordeel professional").
        Assert.True(await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RebuildProfile.Handler>().HandleAsync(person, CancellationToken.None)));
        var snapshot = await WithDbAsync(services, db => db.ProfileSnapshots.IgnoreQueryFilters().SingleAsync(s => s.PersonId == person));
        Assert.Contains("Mevrouw mist haar man elke dag.", snapshot.JudgementJson, StringComparison.Ordinal);
        Assert.Contains("Oordeel professional", snapshot.LinesJson, StringComparison.Ordinal);
    }

    private static async Task<T> AsOutsiderAsync<T>(IServiceProvider services, TwoOrganisations orgs, Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = TestDatabase.Scope(services, orgs.CoordinatorB, orgs.OrganisationB, Role.Coordinator);
        return await act(scope.ServiceProvider);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SafetyFirst_BlocksClosingThePlan_UntilAFollowUpIsRecorded(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Now);
        await using var services = database.BuildServices(time);
        var orgs = await TwoOrganisations.CreateAsync(services);
        var person = await SupportSeed.PersonAsync(services, orgs.OrganisationA, orgs.ProfessionalA, "Door");
        await SupportSeed.PlanAsync(services, orgs.OrganisationA, person, orgs.ProfessionalA, new DateOnly(2026, 2, 1), "buddy", []);

        // A "yes" to the death-wish question gives safety_first on the profile (issue #16).
        var answered = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<SaveConversationSection.Handler>().HandleAsync(
            person, "meaning", new Dictionary<string, IReadOnlyList<string>> { ["meaning.death_wish"] = ["yes"] }, 0, CancellationToken.None));
        Assert.IsType<SaveConversationSection.Outcome.Saved>(answered);
        await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RebuildProfile.Handler>().HandleAsync(person, CancellationToken.None));
        var snapshot = await WithDbAsync(services, db => db.ProfileSnapshots.IgnoreQueryFilters().SingleAsync(s => s.PersonId == person));
        Assert.Contains("safety_first", snapshot.SafetyAdvice, StringComparison.Ordinal);

        var close = new ClosePlan.CloseInput { Reason = "goal_reached", ClosedOn = Today };
        var blocked = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<ClosePlan.Handler>().HandleAsync(person, 1, close, CancellationToken.None));
        var problem = Assert.Single(Assert.IsType<PlanViews.Outcome.Invalid>(blocked).Problems);
        Assert.Equal("Reason", problem.Field);
        Assert.Contains("nog niet afsluiten", problem.Message, StringComparison.Ordinal);

        // A follow-up without who and what is refused; a complete one is stored and audited.
        var incomplete = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RecordSafetyFollowUp.Handler>().HandleAsync(
            person, new RecordSafetyFollowUp.FollowUpInput { AdviceCode = "safety_first", On = Today.AddDays(1) }, CancellationToken.None));
        Assert.Equal(["Who", "On", "Agreed"], Assert.IsType<Assessments.Outcome.Invalid>(incomplete).Problems.Select(p => p.Field));
        var recorded = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RecordSafetyFollowUp.Handler>().HandleAsync(
            person, new RecordSafetyFollowUp.FollowUpInput { AdviceCode = "safety_first", Who = "huisarts, samen gebeld", On = Today, Agreed = "Huisarts ziet mevrouw morgen." }, CancellationToken.None));
        Assert.IsType<Assessments.Outcome.Saved>(recorded);
        Assert.Equal(1, await WithDbAsync(services, db => db.AuditEntries.CountAsync(a => a.PersonId == person && a.EntityType == nameof(SafetyFollowUpRecord))));

        // Rebuilding with the same answer does not ask again; the plan closes.
        time.Advance(TimeSpan.FromMinutes(5));
        await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RebuildProfile.Handler>().HandleAsync(person, CancellationToken.None));
        var items = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RecordSafetyFollowUp.Handler>().ItemsAsync(person, CancellationToken.None));
        Assert.False(Assert.Single(items).IsOpen);
        var closed = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<ClosePlan.Handler>().HandleAsync(person, 1, close, CancellationToken.None));
        Assert.IsType<PlanViews.Outcome.Saved>(closed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SafetyAdvice_ThatWentAwayAndCameBack_AsksForANewFollowUp(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Now);
        await using var services = database.BuildServices(time);
        var orgs = await TwoOrganisations.CreateAsync(services);
        var person = await SupportSeed.PersonAsync(services, orgs.OrganisationA, orgs.ProfessionalA, "Evi");
        var organisation = orgs.OrganisationA;
        async Task SnapshotAsync(string advice)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await WithDbAsync(services, async db =>
            {
                db.ProfileSnapshots.Add(new ProfileSnapshot
                {
                    Id = Guid.NewGuid(),
                    PersonId = person,
                    OrganisationId = organisation,
                    BuiltOn = Today,
                    LinesJson = "[]",
                    MatchingProfileJson = "{}",
                    RulesVersion = "2",
                    GuideVersion = "2",
                    InstrumentsJson = "[]",
                    SafetyAdvice = advice,
                    CreatedById = orgs.ProfessionalA,
                    CreatedAtUtc = time.GetUtcNow().UtcDateTime,
                });
                return await db.SaveChangesAsync();
            });
        }

        await SnapshotAsync("mood_referral");
        await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RecordSafetyFollowUp.Handler>().HandleAsync(
            person, new RecordSafetyFollowUp.FollowUpInput { AdviceCode = "mood_referral", Who = "POH-GGZ", On = Today, Agreed = "Afspraak over twee weken." }, CancellationToken.None));
        await SnapshotAsync("");
        await SnapshotAsync("safety_first,mood_referral");

        var items = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RecordSafetyFollowUp.Handler>().ItemsAsync(person, CancellationToken.None));

        Assert.Equal(["safety_first", "mood_referral"], items.Select(i => i.Code));
        Assert.All(items, i => Assert.True(i.IsOpen));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Convoy_RemovingTheClosestPerson_AsksWhy_AndPutsAnItemOnTheWorkList(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(new FakeTimeProvider(Now));
        var orgs = await TwoOrganisations.CreateAsync(services);
        var person = await SupportSeed.PersonAsync(services, orgs.OrganisationA, orgs.ProfessionalA, "Fenna", "Noord");
        async Task<ConvoyMaps.Outcome> AddAsync(string name, string circle, int version, DateOnly? latest) =>
            await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<AddConvoyMember.Handler>().HandleAsync(person,
                new AddConvoyMember.MemberInput { Name = name, Relation = "partner", Circle = circle, Frequency = "daily" }, version, latest, CancellationToken.None));
        Assert.IsType<ConvoyMaps.Outcome.Saved>(await AddAsync("Kees", ConvoyCodes.Closest, 0, null));
        Assert.IsType<ConvoyMaps.Outcome.Saved>(await AddAsync("Buurvrouw", ConvoyCodes.Further, 1, Today));
        Assert.IsType<ConvoyMaps.Outcome.Saved>(await AddAsync("Zus", ConvoyCodes.Closest, 2, Today));
        var members = await WithDbAsync(services, async db => JsonSerializer.Deserialize<List<ConvoyMember>>((await db.ConvoyMaps.IgnoreQueryFilters().SingleAsync(m => m.PersonId == person)).MembersJson)!);
        string IdOf(string name) => members.Single(m => m.Name == name).Id;

        // Moving someone in an outer circle needs no reason; taking someone out of "heel dichtbij" does.
        Assert.IsType<ConvoyMaps.Outcome.Saved>(await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<MoveConvoyMember.Handler>()
            .HandleAsync(person, IdOf("Buurvrouw"), ConvoyCodes.Close, 3, Today, CancellationToken.None)));
        var asks = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RemoveConvoyMember.Handler>()
            .HandleAsync(person, IdOf("Kees"), 4, Today, CancellationToken.None));
        var unknownReason = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RemoveConvoyMember.Handler>()
            .HandleAsync(person, IdOf("Kees"), 4, Today, CancellationToken.None, "boredom"));
        Assert.Equal(["Kees"], Assert.IsType<ConvoyMaps.Outcome.ReasonNeeded>(asks).Names);
        Assert.IsType<ConvoyMaps.Outcome.ReasonNeeded>(unknownReason);
        Assert.Equal(4, await WithDbAsync(services, db => db.ConvoyMaps.IgnoreQueryFilters().Where(m => m.PersonId == person).Select(m => m.Version).SingleAsync()));

        // A correction raises nothing; a death does.
        Assert.IsType<ConvoyMaps.Outcome.Saved>(await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<MoveConvoyMember.Handler>()
            .HandleAsync(person, IdOf("Zus"), ConvoyCodes.Close, 4, Today, CancellationToken.None, "correction")));
        Assert.Equal(0, await WithDbAsync(services, db => db.ConvoyAlerts.IgnoreQueryFilters().CountAsync()));
        Assert.IsType<ConvoyMaps.Outcome.Saved>(await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RemoveConvoyMember.Handler>()
            .HandleAsync(person, IdOf("Kees"), 5, Today, CancellationToken.None, "died")));

        var alert = await WithDbAsync(services, db => db.ConvoyAlerts.IgnoreQueryFilters().SingleAsync());
        Assert.Equal((person, "Kees", "removed", "died", Today), (alert.PersonId, alert.MemberName, alert.Change, alert.Reason, alert.RaisedOn));
        var list = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<GetWorkList.Handler>().HandleAsync(new GetWorkList.Query(), CancellationToken.None));
        Assert.Equal("Kees", Assert.Single(list!.ConvoyAlerts).MemberName);
        var outsiders = await AsOutsiderAsync(services, orgs, sp => sp.GetRequiredService<GetWorkList.Handler>().HandleAsync(new GetWorkList.Query(), CancellationToken.None));
        Assert.Empty(outsiders!.ConvoyAlerts);
        Assert.Equal(1, await WithDbAsync(services, db => db.AuditEntries.CountAsync(a => a.PersonId == person && a.EntityType == nameof(ConvoyAlertRecord) && a.Action == AuditActions.Create)));

        // Handling it: bad input re-asks, then it leaves the work list.
        var bad = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<HandleConvoyAlert.Handler>().HandleAsync(alert.Id, 1, null, " ", CancellationToken.None));
        Assert.Equal(["HandledOn", "HandledNote"], Assert.IsType<HandleConvoyAlert.Outcome.Invalid>(bad).Problems.Select(p => p.Field));
        var handled = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<HandleConvoyAlert.Handler>().HandleAsync(alert.Id, 1, Today, "Gebeld; dochter komt vaker langs.", CancellationToken.None));
        Assert.IsType<HandleConvoyAlert.Outcome.Saved>(handled);
        var again = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<HandleConvoyAlert.Handler>().HandleAsync(alert.Id, 1, Today, "Nogmaals.", CancellationToken.None));
        Assert.IsType<HandleConvoyAlert.Outcome.Conflict>(again);
        list = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<GetWorkList.Handler>().HandleAsync(new GetWorkList.Query(), CancellationToken.None));
        Assert.Empty(list!.ConvoyAlerts);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Profile_GetNeverWritesAMatchRun_OnlyThePost(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices(new FakeTimeProvider(Now));
        var orgs = await TwoOrganisations.CreateAsync(services);
        var person = await SupportSeed.PersonAsync(services, orgs.OrganisationA, orgs.ProfessionalA, "Gerda");
        await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<RebuildProfile.Handler>().HandleAsync(person, CancellationToken.None));
        var afterRebuild = await WithDbAsync(services, db => db.MatchRuns.IgnoreQueryFilters().Where(r => r.PersonId == person).Select(r => r.ShownCount).ToListAsync());

        var view = await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<GetProfile.Handler>().HandleAsync(person, CancellationToken.None));
        await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<GetProfile.Handler>().HandleAsync(person, CancellationToken.None));
        var afterViews = await WithDbAsync(services, db => db.MatchRuns.IgnoreQueryFilters().Where(r => r.PersonId == person).Select(r => r.ShownCount).ToListAsync());
        await AsProfessionalAsync(services, orgs, sp => sp.GetRequiredService<MatchProfile.Handler>().HandleAsync(person, CancellationToken.None));
        var afterPost = await WithDbAsync(services, db => db.MatchRuns.IgnoreQueryFilters().Where(r => r.PersonId == person).Select(r => r.ShownCount).ToListAsync());

        Assert.Equal([1], afterRebuild);
        Assert.NotNull(view!.Run);
        Assert.Equal([1], afterViews);
        Assert.Equal([2], afterPost);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migration_RetypesHomeVisit75Plus_AsPrevention_KeepingItsHistory(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_AssessWeb", StringComparison.Ordinal)).Last();
        await migrator.MigrateAsync(before);
        var coalition = Guid.NewGuid();
        var organisation = Guid.NewGuid();
        var entry = Guid.NewGuid();
        var other = Guid.NewGuid();
        var created = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        const string OldJson = """
            {
              "version": "entry",
              "interventions": [
                {
                  "id": "home_visit_75plus",
                  "name": "Huisbezoek 75-plus",
                  "aim": "loneliness_both",
                  "setting": "individual"
                }
              ]
            }
            """;
        const string OtherJson = """{ "interventions": [ { "id": "buddy", "name": "Maatje", "aim": "loneliness_both" } ] }""";
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "Coalitions" ("Id", "Name", "MunicipalityCode", "IsDemo", "RoutingVersion", "CreatedAtUtc") VALUES ({coalition}, {"Test"}, {"GM0001"}, {false}, {1}, {created})""");
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "Organisations" ("Id", "CoalitionId", "Name", "Kind", "CreatedAtUtc") VALUES ({organisation}, {coalition}, {"Zorg"}, {"Zorgaanbieder"}, {created})""");
        foreach (var (id, code, name, json) in new[] { (entry, "home_visit_75plus", "Huisbezoek 75-plus", OldJson), (other, "buddy", "Maatje", OtherJson) })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "CatalogueEntries" ("Id", "CoalitionId", "ProviderOrganisationId", "Code", "Name", "InterventionJson", "IsRetired", "Version", "CreatedAtUtc", "UpdatedAtUtc")
                VALUES ({id}, {coalition}, {organisation}, {code}, {name}, {json}, {false}, {1}, {created}, {created})
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "CatalogueEntryRevisions" ("Id", "EntryId", "CoalitionId", "Version", "ProviderOrganisationId", "Code", "Name", "InterventionJson", "IsRetired", "Change", "ChangedAtUtc")
                VALUES ({Guid.NewGuid()}, {id}, {coalition}, {1}, {organisation}, {code}, {name}, {json}, {false}, {"seeded"}, {created})
                """);
        }

        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);

        var retyped = await db.CatalogueEntries.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == entry);
        Assert.Equal(("Preventief huisbezoek", 2), (retyped.Name, retyped.Version));
        Assert.Contains("\"aim\": \"prevention\"", retyped.InterventionJson, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Preventief huisbezoek\"", retyped.InterventionJson, StringComparison.Ordinal);
        var history = await db.CatalogueEntryRevisions.IgnoreQueryFilters().AsNoTracking().Where(r => r.EntryId == entry).OrderBy(r => r.Version).ToListAsync();
        Assert.Equal([(1, "seeded", "Huisbezoek 75-plus"), (2, "retyped", "Preventief huisbezoek")], history.Select(r => (r.Version, r.Change, r.Name)));
        Assert.Equal(retyped.InterventionJson, history[1].InterventionJson);
        Assert.Contains("loneliness_both", history[0].InterventionJson, StringComparison.Ordinal);
        var untouched = await db.CatalogueEntries.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == other);
        Assert.Equal((1, OtherJson), (untouched.Version, untouched.InterventionJson));
    }
}
