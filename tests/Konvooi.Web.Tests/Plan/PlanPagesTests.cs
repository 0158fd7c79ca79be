using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Konvooi.Features.Data;
using Konvooi.Tests.Infrastructure;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Plan;

/// <summary>Profile → match run → choice → plan → trajectory → dropout → follow-up → close, as a browser without JavaScript would.</summary>
public sealed partial class PlanPagesTests
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Journey_ChoiceToPlanToDropout_StoresRunPlanTrajectoryAndFollowUpAndNeverReproposesTheMisfit(string provider)
    {
        await using var factory = await KonvooiWebFactory.CreateAsync(provider);
        var person = await DemoLookup.PersonWithoutPlanAsync(factory.Services);
        using var session = await factory.SignInAsync("professional@welzijn.example");
        var profile = $"/People/{person.Id}/Profile";
        await session.PostFormAsync(profile, profile, []);

        // Drawing up the profile stores the showing as a run; reading the page writes nothing, and searching again
        // unchanged (a POST) counts on the same run.
        var shown = await session.GetHtmlAsync(profile);
        await session.GetHtmlAsync(profile);
        Assert.Equal(1, (await WithDb(factory, db => db.MatchRuns.IgnoreQueryFilters().SingleAsync(r => r.PersonId == person.Id))).ShownCount);
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(profile, profile + "?handler=Match", [])).StatusCode);
        var runId = Hidden(shown, "runId");
        var suggestion = FirstSuggestion(shown);
        var run = await WithDb(factory, db => db.MatchRuns.IgnoreQueryFilters().SingleAsync(r => r.PersonId == person.Id));
        Assert.Equal(Guid.Parse(runId), run.Id);
        Assert.True(run.ShownCount >= 2);
        Assert.Contains(suggestion, run.ResultJson, StringComparison.Ordinal);
        Assert.StartsWith("coalition-r", run.CatalogueVersion, StringComparison.Ordinal);

        // No reason: refused beside the field, nothing stored.
        var refused = await session.PostFormAsync(profile, profile + "?handler=Choose",
            new() { ["runId"] = runId, ["runVersion"] = Hidden(shown, "runVersion"), ["Choice.Chosen"] = suggestion });
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"Choice_Reason-error\"", refusedHtml, StringComparison.Ordinal);
        Assert.Null((await WithDb(factory, db => db.MatchRuns.IgnoreQueryFilters().SingleAsync(r => r.Id == run.Id))).ChoiceJson);

        var chosen = await session.PostFormAsync(profile, profile + "?handler=Choose",
            new() { ["runId"] = runId, ["runVersion"] = Hidden(shown, "runVersion"), ["Choice.Chosen"] = suggestion, ["Choice.Reason"] = "Past bij wat mevrouw zelf wil." });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var newPlan = chosen.Headers.Location!.ToString();
        Assert.Equal($"/People/{person.Id}/Plan/New?run={runId}", newPlan);
        var form = await session.GetHtmlAsync(newPlan);
        Assert.Matches($"value=\"{suggestion}\" checked", form);

        // Bad plan: no goal and an agreed date in the future; re-rendered with messages, nothing stored.
        var bad = await session.PostFormAsync(newPlan, newPlan, PlanFields(suggestion, goal: "", agreedOn: "2999-01-01", professional: Hidden(form, "Plan.ResponsibleProfessionalId", selected: true)));
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("id=\"Plan_Goals-error\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Plan_AgreedOn-error\"", badHtml, StringComparison.Ordinal);
        Assert.Equal(0, await WithDb(factory, db => db.SupportPlans.IgnoreQueryFilters().CountAsync(p => p.PersonId == person.Id)));

        var created = await session.PostFormAsync(newPlan, newPlan, PlanFields(suggestion, goal: "Weer iemand hebben om mee te praten", agreedOn: Today, professional: Hidden(form, "Plan.ResponsibleProfessionalId", selected: true)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planPage = $"/People/{person.Id}/Plan";
        var planHtml = await session.GetHtmlAsync(planPage);
        Assert.Contains("Weer iemand hebben om mee te praten", planHtml, StringComparison.Ordinal);
        Assert.Contains("voorgesteld", planHtml, StringComparison.Ordinal);

        // Referred, started, then dropped out because it did not fit: a follow-up task appears.
        foreach (var (state, reason) in new[] { ("referred", ""), ("started", ""), ("dropped_out", "did_not_feel_at_home") })
        {
            planHtml = await session.GetHtmlAsync(planPage);
            var step = await session.PostFormAsync(planPage, planPage + "?handler=Step", new()
            {
                ["trajectoryId"] = Hidden(planHtml, "trajectoryId"),
                ["version"] = StepVersion(planHtml),
                ["Step.State"] = state,
                ["Step.Date"] = Today,
                ["Step.Reason"] = reason,
            });
            Assert.True(step.StatusCode == HttpStatusCode.Redirect, $"step {state}: {(int)step.StatusCode} {await step.Content.ReadAsStringAsync()}");
        }

        planHtml = await session.GetHtmlAsync(planPage);
        Assert.Contains("Opvolging afronden", planHtml, StringComparison.Ordinal);
        var task = await WithDb(factory, db => db.FollowUpTasks.IgnoreQueryFilters().SingleAsync(t => t.PersonId == person.Id));
        Assert.Equal("dropped_out", task.Cause);
        Assert.Equal(DateOnly.Parse(Today, CultureInfo.InvariantCulture).AddDays(14), task.DueOn);

        // The next showing is a new run that does not suggest the misfit again (RK-5).
        await session.PostFormAsync(profile, profile + "?handler=Match", []);
        var again = await session.GetHtmlAsync(profile);
        Assert.DoesNotContain($"name=\"Choice.Chosen\" value=\"{suggestion}\"", again, StringComparison.Ordinal);
        Assert.Equal(2, await WithDb(factory, db => db.MatchRuns.IgnoreQueryFilters().CountAsync(r => r.PersonId == person.Id)));

        var done = await session.PostFormAsync(planPage, planPage + "?handler=FollowUp", new()
        {
            ["taskId"] = task.Id.ToString(),
            ["version"] = task.Version.ToString(CultureInfo.InvariantCulture),
            ["doneOn"] = Today,
            ["doneNote"] = "Gebeld; liever een maatje aan huis.",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        // A stale revise form is refused as a conflict.
        var edit = $"/People/{person.Id}/Plan/Edit";
        var stale = await session.PostFormAsync(edit, edit, new()
        {
            ["version"] = "0",
            ["Plan.Goals[0]"] = "Anders",
            ["Plan.Interventions"] = suggestion,
            ["Plan.AgreedOn"] = Today,
            ["Plan.AgreedBy"] = "mevrouw zelf",
            ["Plan.ResponsibleProfessionalId"] = task.ResponsibleProfessionalId.ToString(),
        });
        Assert.Contains("Iemand anders heeft het plan net ook gewijzigd", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        planHtml = await session.GetHtmlAsync(planPage);
        var closed = await session.PostFormAsync(planPage, planPage + "?handler=Close", new()
        {
            ["version"] = PlanVersion(planHtml),
            ["Close.Reason"] = "declined_further_help",
            ["Close.ClosedOn"] = Today,
        });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("Afgesloten plannen", await session.GetHtmlAsync(planPage), StringComparison.Ordinal);
        var actions = await WithDb(factory, db => db.AuditEntries.Where(a => a.PersonId == person.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains("match-choice", actions);
        Assert.Contains("trajectory-step", actions);
        Assert.Contains("follow-up-done", actions);
        Assert.Contains("plan-close", actions);
    }

    [Fact]
    public async Task Step_CompletedBeforeStarted_IsRefusedBesideTheField()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        var person = await DemoLookup.PersonWithoutPlanAsync(factory.Services);
        using var session = await factory.SignInAsync("professional@welzijn.example");
        var newPlan = $"/People/{person.Id}/Plan/New";
        var form = await session.GetHtmlAsync(newPlan);
        var fields = PlanFields(null, "Meer contact in de buurt", Today, Hidden(form, "Plan.ResponsibleProfessionalId", selected: true));
        fields["Plan.AddInterventionId"] = "buddy";
        fields["Plan.AddReason"] = "Mevrouw vroeg er zelf om.";
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(newPlan, newPlan, fields)).StatusCode);

        var planPage = $"/People/{person.Id}/Plan";
        var planHtml = await session.GetHtmlAsync(planPage);
        Assert.Contains("Met de hand toegevoegd: Mevrouw vroeg er zelf om.", planHtml, StringComparison.Ordinal);
        var trajectoryId = Hidden(planHtml, "trajectoryId");
        var response = await session.PostFormAsync(planPage, planPage + "?handler=Step", new()
        {
            ["trajectoryId"] = trajectoryId,
            ["version"] = StepVersion(planHtml),
            ["Step.State"] = "completed",
            ["Step.Date"] = Today,
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"Step{Guid.Parse(trajectoryId):N}_State-error\"", html, StringComparison.Ordinal);
        Assert.Equal("proposed", (await WithDb(factory, db => db.Trajectories.IgnoreQueryFilters().SingleAsync(t => t.PersonId == person.Id))).State);
    }

    [Fact]
    public async Task Step_FromAStaleFormOrDatedInTheFuture_IsRefusedAndNothingChanges()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        var person = await DemoLookup.PersonWithoutPlanAsync(factory.Services);
        using var session = await factory.SignInAsync("professional@welzijn.example");
        var newPlan = $"/People/{person.Id}/Plan/New";
        var form = await session.GetHtmlAsync(newPlan);
        var fields = PlanFields(null, "Weer naar de markt", Today, Hidden(form, "Plan.ResponsibleProfessionalId", selected: true));
        fields["Plan.AddInterventionId"] = "telephone_circle";
        fields["Plan.AddReason"] = "Meneer komt de deur moeilijk uit.";
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(newPlan, newPlan, fields)).StatusCode);
        var planPage = $"/People/{person.Id}/Plan";
        var planHtml = await session.GetHtmlAsync(planPage);
        var trajectoryId = Hidden(planHtml, "trajectoryId");

        var stale = await session.PostFormAsync(planPage, planPage + "?handler=Step", new()
        {
            ["trajectoryId"] = trajectoryId,
            ["version"] = "0",
            ["Step.State"] = "referred",
            ["Step.Date"] = Today,
        });
        var future = await session.PostFormAsync(planPage, planPage + "?handler=Step", new()
        {
            ["trajectoryId"] = trajectoryId,
            ["version"] = StepVersion(planHtml),
            ["Step.State"] = "referred",
            ["Step.Date"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        Assert.Contains("Iemand anders heeft dit net ook gewijzigd", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"id=\"Step{Guid.Parse(trajectoryId):N}_Date-error\"", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await WithDb(factory, db => db.Trajectories.IgnoreQueryFilters().SingleAsync(t => t.PersonId == person.Id));
        Assert.Equal(("proposed", 1), (stored.State, stored.Version));
    }

    [Fact]
    public async Task Plan_WatchfulWaitingWithoutReviewDate_IsRefused_AndWithOneIsKept()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        var person = await DemoLookup.PersonWithoutPlanAsync(factory.Services);
        using var session = await factory.SignInAsync("professional@welzijn.example");
        var newPlan = $"/People/{person.Id}/Plan/New";
        var form = await session.GetHtmlAsync(newPlan);
        var fields = PlanFields(null, "Eerst rouwen, dan verder kijken", Today, Hidden(form, "Plan.ResponsibleProfessionalId", selected: true));
        fields["Plan.WatchfulWaiting"] = "true";

        var refused = await session.PostFormAsync(newPlan, newPlan, new(fields));
        fields["Plan.ReviewDate"] = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var kept = await session.PostFormAsync(newPlan, newPlan, fields);

        Assert.Contains("id=\"Plan_ReviewDate-error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Contains("Nu geen interventie.", await session.GetHtmlAsync($"/People/{person.Id}/Plan"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanPage_DailyContactSignal_IsShownForFollowUpAndCanBeMarkedHandled()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        var reference = await DailyContactSetup.AllDayArrangementAsync(factory.Services, "Cor");
        using (var volunteer = await factory.SignInAsync("vrijwilliger@welzijn.example"))
        {
            await volunteer.PostFormAsync("/DailyContact/Mine", "/DailyContact/Mine", new() { ["reference"] = reference, ["Confirm.Signals"] = "VeryLow" });
        }

        var person = (await DemoLookup.AllPeopleAsync(factory.Services)).Single(p => p.FirstName == "Cor");
        using var coordinator = await factory.SignInAsync("coordinator@welzijn.example");
        var planPage = $"/People/{person.Id}/Plan";
        var html = await coordinator.GetHtmlAsync(planPage);
        var confirmationId = Hidden(html, "confirmationId");
        var handled = await coordinator.PostFormAsync(planPage, planPage + "?handler=Signal", new() { ["confirmationId"] = confirmationId });

        Assert.Contains("Signalen uit het dagelijks contact", html, StringComparison.Ordinal);
        Assert.Contains("Erg somber", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, handled.StatusCode);
        Assert.DoesNotContain("Signalen uit het dagelijks contact", await coordinator.GetHtmlAsync(planPage), StringComparison.Ordinal);
        var row = await WithDb(factory, db => db.DailyContactConfirmations.IgnoreQueryFilters().SingleAsync(c => c.Id == Guid.Parse(confirmationId)));
        Assert.True(row.FollowUpHandled);
    }

    [Fact]
    public async Task PlanPages_OfAnotherOrganisationsPerson_AreNotFound()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        var other = await DemoLookup.PersonAsync(factory.Services, "Zorggroep De Linde (demo)", responsibleIsDemoProfessional: true);
        using var session = await factory.SignInAsync("professional@welzijn.example");

        foreach (var page in new[] { $"/People/{other.Id}/Plan", $"/People/{other.Id}/Plan/New", $"/People/{other.Id}/Plan/Edit" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync(page)).StatusCode);
        }
    }

    private static Dictionary<string, string> PlanFields(string? suggestion, string goal, string agreedOn, string professional)
    {
        var fields = new Dictionary<string, string>
        {
            ["Plan.Goals[0]"] = goal,
            ["Plan.AgreedOn"] = agreedOn,
            ["Plan.AgreedBy"] = "mevrouw zelf",
            ["Plan.ResponsibleProfessionalId"] = professional,
        };
        if (suggestion is not null)
        {
            fields["Plan.Interventions"] = suggestion;
        }

        return fields;
    }

    private static async Task<T> WithDb<T>(KonvooiWebFactory factory, Func<KonvooiDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KonvooiDbContext>());
    }

    private static string FirstSuggestion(string html) => SuggestionPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no suggestion shown");

    private static string StepVersion(string html) => Regex.Match(html, "name=\"trajectoryId\" value=\"[^\"]+\" />\\s*<input type=\"hidden\" name=\"version\" value=\"(\\d+)\"").Groups[1].Value;

    private static string PlanVersion(string html) =>
        Regex.Match(html, "<input type=\"hidden\" name=\"version\" value=\"(\\d+)\" />\\s*<div class=\"field\">\\s*<label for=\"Close_Reason\"").Groups[1].Value;

    /// <summary>The value of a hidden input, or with <paramref name="selected"/> the selected option of a select.</summary>
    private static string Hidden(string html, string name, bool selected = false)
    {
        var pattern = selected
            ? $"name=\"{Regex.Escape(name)}\"[^>]*>(?:\\s*<option[^>]*>[^<]*</option>)*?\\s*<option value=\"([^\"]+)\" selected"
            : $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"";
        var match = Regex.Match(html, pattern);
        Assert.True(match.Success, $"no value for {name}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"Choice.Chosen\" value=\"([^\"]+)\"")]
    private static partial Regex SuggestionPattern();
}
