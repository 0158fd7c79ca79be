using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Konvooi.Features.Data;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Profile;

/// <summary>
/// Issue #16 as a browser without JavaScript: uncertainty on the measurement page, the judgement form, the safety panel
/// first with its follow-up and the plan-close block, the convoy reason form and its work-list item, and hand-over mode.
/// </summary>
public sealed partial class AssessmentPagesTests : IAsyncLifetime
{
    private KonvooiWebFactory _factory = null!;
    private Person _person = null!;

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task InitializeAsync()
    {
        _factory = await KonvooiWebFactory.CreateAsync();
        _person = await DemoLookup.PersonWithoutPlanAsync(_factory.Services);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private string Profile => $"/People/{_person.Id}/Profile";

    private string Plan => $"/People/{_person.Id}/Plan";

    [Fact]
    public async Task Djg11_WithTwoDeclinedAnswers_ShowsTheLevelRangeAndLinksToTheJudgement()
    {
        using var session = await _factory.SignInAsync("professional@welzijn.example");
        var page = $"/People/{_person.Id}/Measurements/New?instrument=djg11";
        // Items 2 and 3 (emotional) score; item 1 (social) and 5 (emotional) are "wil ik niet zeggen": total 2 of 9, at worst 4.
        var answers = new[] { "_decline", "ja", "ja", "ja", "_decline", "nee", "ja", "ja", "nee", "nee", "ja" };
        var form = answers.Select((a, i) => (Key: $"Input.Answers[djg11-{i + 1}]", Value: a)).ToDictionary(x => x.Key, x => x.Value);
        form["Input.Mode"] = "FaceToFace";
        form["Input.AdministeredOn"] = Today;

        var saved = await session.PostFormAsync(page, page, form);
        var result = await session.GetHtmlAsync(saved.Headers.Location!.ToString());
        var history = await session.GetHtmlAsync($"/People/{_person.Id}/Measurements");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Niet zeker: tussen niet eenzaam en matig eenzaam.", WebUtility.HtmlDecode(result), StringComparison.Ordinal);
        Assert.Contains($"href=\"/People/{_person.Id}/Profile#oordeel\"", result, StringComparison.Ordinal);
        Assert.Contains("niet zeker: tussen niet eenzaam en matig eenzaam", WebUtility.HtmlDecode(history), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgementForm_BadInputReRendersBesideTheFields_ThenIsStoredAndShown()
    {
        using var session = await _factory.SignInAsync("professional@welzijn.example");
        await session.PostFormAsync(Profile, Profile, []);

        var bad = await session.PostFormAsync(Profile, Profile + "?handler=Judgement", new() { ["judgementVersion"] = "0", ["Judgement.Type"] = "emotional" });
        var badHtml = await bad.Content.ReadAsStringAsync();
        var good = await session.PostFormAsync(Profile, Profile + "?handler=Judgement", new()
        {
            ["judgementVersion"] = "0",
            ["Judgement.Type"] = "emotional",
            ["Judgement.Severity"] = "moderately_lonely",
            ["Judgement.Reason"] = "Meneer mist zijn vrouw elke dag.",
        });
        var stale = await session.PostFormAsync(Profile, Profile + "?handler=Judgement", new()
        {
            ["judgementVersion"] = "0",
            ["Judgement.Severity"] = "severely_lonely",
            ["Judgement.Reason"] = "Later bedacht.",
        });
        var html = WebUtility.HtmlDecode(await session.GetHtmlAsync(Profile));

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("id=\"Judgement_Reason-error\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("<option value=\"emotional\" selected=\"selected\">", badHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Iemand anders heeft dit net ook gewijzigd", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Reden: Meneer mist zijn vrouw elke dag.", html, StringComparison.Ordinal);
        Assert.Contains("name=\"judgementVersion\" value=\"1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeathWish_ShowsTheSafetyPanelFirst_AndBlocksClosingThePlanUntilTheFollowUp()
    {
        using var session = await _factory.SignInAsync("professional@welzijn.example");
        var section = $"/People/{_person.Id}/Conversation/meaning";
        var answered = await session.PostFormAsync(section, section, new() { ["version"] = "0", ["a.meaning.death_wish"] = "yes" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        await session.PostFormAsync(Profile, Profile, []);
        var created = await session.PostFormAsync($"{Plan}/New", $"{Plan}/New", new()
        {
            ["Plan.Goals[0]"] = "Weer iemand om mee te praten",
            ["Plan.AgreedOn"] = Today,
            ["Plan.AgreedBy"] = "mevrouw zelf",
            ["Plan.AddInterventionId"] = "buddy",
            ["Plan.AddReason"] = "Mevrouw vroeg erom.",
            ["Plan.ResponsibleProfessionalId"] = (await UserIdAsync("professional@welzijn.example")).ToString("D"),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var profile = await session.GetHtmlAsync(Profile);
        var plan = await session.GetHtmlAsync(Plan);
        foreach (var html in new[] { profile, plan })
        {
            var panel = html.IndexOf("Veiligheid gaat voor", StringComparison.Ordinal);
            Assert.True(panel > 0, "no safety panel");
            Assert.True(panel < html.IndexOf("<h2", StringComparison.Ordinal) + 60, "the safety panel is not the first section");
            Assert.Contains("0800-0113", html, StringComparison.Ordinal);
            Assert.Contains("113 Zelfmoordpreventie", html, StringComparison.Ordinal);
            Assert.Contains(": 112</strong>", html, StringComparison.Ordinal);
        }

        Assert.True(profile.IndexOf("Veiligheid gaat voor", StringComparison.Ordinal) < profile.IndexOf("Wat zou kunnen passen", StringComparison.Ordinal));

        // Closing is refused with a clear message while the advice has no follow-up.
        var refused = await session.PostFormAsync(Plan, Plan + "?handler=Close", new() { ["version"] = PlanVersion(plan), ["Close.Reason"] = "goal_reached", ["Close.ClosedOn"] = Today });
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"Close_Reason-error\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("U kunt het plan nog niet afsluiten", refusedHtml, StringComparison.Ordinal);

        // The follow-up form re-renders beside its fields, then stores it and returns to the plan.
        var bad = await session.PostFormAsync(Plan, Profile + "?handler=Safety", new() { ["from"] = "plan", ["Safety.AdviceCode"] = "safety_first", ["Safety.Who"] = "huisarts" });
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("id=\"Safety_On-error\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Safety_Agreed-error\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"huisarts\"", badHtml, StringComparison.Ordinal);
        var good = await session.PostFormAsync(Plan, Profile + "?handler=Safety", new()
        {
            ["from"] = "plan",
            ["Safety.AdviceCode"] = "safety_first",
            ["Safety.Who"] = "huisarts, samen gebeld",
            ["Safety.On"] = Today,
            ["Safety.Agreed"] = "De huisarts komt morgen langs.",
        });
        Assert.Equal($"/People/{_person.Id}/Plan", good.Headers.Location!.ToString());
        plan = await session.GetHtmlAsync(Plan);
        Assert.Contains("De huisarts komt morgen langs.", plan, StringComparison.Ordinal);
        var closed = await session.PostFormAsync(Plan, Plan + "?handler=Close", new() { ["version"] = PlanVersion(plan), ["Close.Reason"] = "goal_reached", ["Close.ClosedOn"] = Today });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
    }

    [Fact]
    public async Task Convoy_RemovingTheClosestPerson_AsksWhy_ThenTheWorkListShowsIt()
    {
        using var session = await _factory.SignInAsync("professional@welzijn.example");
        var page = $"/People/{_person.Id}/Convoy";
        var latest = await ConvoyStateAsync(session, page);
        await session.PostFormAsync(page, page + "?handler=Add", new()
        {
            ["version"] = latest.Version,
            ["latest"] = latest.Latest,
            ["Member.Name"] = "Kees",
            ["Member.Relation"] = "partner",
            ["Member.Circle"] = "closest",
            ["Member.Frequency"] = "daily",
        });
        var html = await session.GetHtmlAsync(page);
        var kees = Regex.Match(html, "name=\"memberId\" value=\"([^\"]+)\" />\\s*<input type=\"hidden\" name=\"version\" value=\"\\d+\" />\\s*<input type=\"hidden\" name=\"latest\" value=\"[^\"]*\" />\\s*<label for=\"move-[^\"]+\">Cirkel van Kees<").Groups[1].Value;
        latest = await ConvoyStateAsync(session, page);
        var remove = new Dictionary<string, string> { ["memberId"] = kees, ["version"] = latest.Version, ["latest"] = latest.Latest };

        var asked = await session.PostFormAsync(page, page + "?handler=Remove", new(remove));
        var noReason = await session.PostFormAsync(page, page + "?handler=Remove", new(remove) { ["askedReason"] = "true" });
        var saved = await session.PostFormAsync(page, page + "?handler=Remove", new(remove) { ["askedReason"] = "true", ["closestReason"] = "died" });

        Assert.Contains("Waarom staat Kees niet meer heel dichtbij?", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("id=\"ClosestReason-error\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var workList = WebUtility.HtmlDecode(await session.GetHtmlAsync("/WorkList"));
        Assert.Contains("Kees staat niet meer op de kaart (overleden)", workList, StringComparison.Ordinal);

        // Handling it: bad input re-renders beside the fields; then it leaves the list.
        var alertId = Regex.Match(workList, "name=\"alertId\" value=\"([^\"]+)\"").Groups[1].Value;
        var alertKey = "Alert" + Guid.Parse(alertId).ToString("N");
        var bad = await session.PostFormAsync("/WorkList", "/WorkList?handler=Alert", new() { ["alertId"] = alertId, ["version"] = "1", ["handledNote"] = "Gebeld." });
        Assert.Contains($"id=\"{alertKey}_HandledOn-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var done = await session.PostFormAsync("/WorkList", "/WorkList?handler=Alert", new() { ["alertId"] = alertId, ["version"] = "1", ["handledOn"] = Today, ["handledNote"] = "Gebeld; dochter komt vaker." });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.DoesNotContain("Kees staat niet meer op de kaart", WebUtility.HtmlDecode(await session.GetHtmlAsync("/WorkList")), StringComparison.Ordinal);

        // Someone of the other organisation cannot handle it.
        using var outsider = await _factory.SignInAsync("coordinator@zorg.example");
        var forged = await outsider.PostFormAsync("/Account/Logout", "/WorkList?handler=Alert", new() { ["alertId"] = alertId, ["version"] = "2", ["handledOn"] = Today, ["handledNote"] = "x" });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Theory]
    [InlineData("djg11")]
    [InlineData("djg6")]
    [InlineData("who5")]
    public async Task Handover_NeverLabelsThePersonLonely_NorShowsTheSafetyPanel(string instrument)
    {
        // AM-1: text shown to the person never calls them "eenzaam"; the safety panel is for professionals only.
        using var session = await _factory.SignInAsync("professional@welzijn.example");
        var section = $"/People/{_person.Id}/Conversation/meaning";
        await session.PostFormAsync(section, section, new() { ["version"] = "0", ["a.meaning.death_wish"] = "yes" });
        await session.PostFormAsync(Profile, Profile, []);
        var page = $"/People/{_person.Id}/Measurements/New?instrument={instrument}";
        var start = await session.PostFormAsync(page, $"/People/{_person.Id}/Measurements/New?handler=Handover&instrument={instrument}", []);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);

        var questionnaire = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Handover"));
        var stop = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Handover?stop=true"));

        foreach (var html in new[] { questionnaire, stop })
        {
            Assert.DoesNotMatch(LonelyLabel(), html);
            Assert.DoesNotContain("0800-0113", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Veiligheid gaat voor", html, StringComparison.Ordinal);
        }
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KonvooiDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<(string Version, string Latest)> ConvoyStateAsync(WebSession session, string page)
    {
        var html = await session.GetHtmlAsync(page);
        var add = html[html.IndexOf("?handler=Add", StringComparison.Ordinal)..];
        return (Regex.Match(add, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value, Regex.Match(add, "name=\"latest\" value=\"([^\"]*)\"").Groups[1].Value);
    }

    private static string PlanVersion(string html) => Regex.Match(html[html.IndexOf("?handler=Close", StringComparison.Ordinal)..], "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;

    /// <summary>"eenzaam" as a word (a label), not inside "eenzaamheid" (the name of a scale).</summary>
    [GeneratedRegex(@"\beenzame?\b", RegexOptions.IgnoreCase)]
    private static partial Regex LonelyLabel();
}
