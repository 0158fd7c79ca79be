using System.Net;
using Konvooi.Features.Data;
using Konvooi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Web.Tests.Conversation;

public sealed class ConversationPagesTests : IAsyncLifetime
{
    private KonvooiWebFactory _factory = null!;
    private Person _person = null!;

    public async Task InitializeAsync()
    {
        _factory = await KonvooiWebFactory.CreateAsync();
        _person = await DemoLookup.PersonAsync(_factory.Services, "Welzijn Lindenhaven (demo)", responsibleIsDemoProfessional: true);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Post_HalfFilledSection_IsSavedAndResumedLaterByAColleague()
    {
        using var professional = await _factory.SignInAsync("professional@welzijn.example");
        var page = $"/People/{_person.Id}/Conversation/contacts";

        var saved = await professional.PostFormAsync(page, page, new() { ["version"] = "0", ["a.contacts.weekly_count"] = "3" });
        using var coordinator = await _factory.SignInAsync("coordinator@welzijn.example");
        var resumed = await coordinator.GetHtmlAsync(page);
        var overview = await coordinator.GetHtmlAsync($"/People/{_person.Id}/Conversation");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("value=\"3\"", resumed, StringComparison.Ordinal);
        Assert.Contains("Laatst opgeslagen door", resumed, StringComparison.Ordinal);
        Assert.Contains("1 van", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MalformedValue_ShowsMessageBesideTheFieldAndKeepsEverythingTyped()
    {
        using var session = await _factory.SignInAsync("professional@welzijn.example");
        var page = $"/People/{_person.Id}/Conversation/contacts";

        var response = await session.PostFormAsync(page, page, new() { ["version"] = "0", ["a.contacts.weekly_count"] = "veel" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"a_contacts_weekly_count-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"veel\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TwoProfessionalsSaveTheSameSection_SecondGetsAConflictAndNothingIsOverwritten()
    {
        using var first = await _factory.SignInAsync("professional@welzijn.example");
        using var second = await _factory.SignInAsync("coordinator@welzijn.example");
        var page = $"/People/{_person.Id}/Conversation/contacts";

        var one = await first.PostFormAsync(page, page, new() { ["version"] = "0", ["a.contacts.weekly_count"] = "3" });
        var two = await second.PostFormAsync(page, page, new() { ["version"] = "0", ["a.contacts.weekly_count"] = "9" });
        var html = await two.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Contains("heeft dit onderdeel net ook opgeslagen", html, StringComparison.Ordinal);
        Assert.Contains("value=\"9\"", html, StringComparison.Ordinal); // the second person's input is not lost from the screen
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var stored = await db.ConversationSections.IgnoreQueryFilters().SingleAsync(c => c.PersonId == _person.Id && c.SectionCode == "contacts");
        Assert.Contains("\"3\"", stored.AnswersJson, StringComparison.Ordinal);
        Assert.Equal(1, await db.ConversationRevisions.IgnoreQueryFilters().CountAsync(c => c.PersonId == _person.Id));
    }

    [Fact]
    public async Task Get_EverySection_RendersFromTheGuide()
    {
        using var session = await _factory.SignInAsync("coordinator@welzijn.example");

        foreach (var section in Konvooi.Domain.Conversations.ConversationGuide.Sections)
        {
            var html = await session.GetHtmlAsync($"/People/{_person.Id}/Conversation/{section.Code}");
            Assert.Contains(System.Net.WebUtility.HtmlEncode(section.Title), html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/People/{_person.Id}/Conversation/no_such_section")).StatusCode);
    }

    [Fact]
    public async Task LifeEvents_RenderEveryEventWithItsOwnDate_AndKeepTheDatesAfterSaving()
    {
        // Issue #16: recent life events, each with a date (the guide is data; this checks the page renders it).
        using var session = await _factory.SignInAsync("professional@welzijn.example");
        var page = $"/People/{_person.Id}/Conversation/life_events";
        var form = await session.GetHtmlAsync(page);
        foreach (var code in Konvooi.Domain.Matching.Vocabulary.LifeEvents.Keys)
        {
            Assert.Contains($"name=\"a.life_events.recent\" value=\"{code}\"", form, StringComparison.Ordinal);
            Assert.Contains($"id=\"a_life_events_recent_date_{code}\" name=\"a.life_events.recent_date.{code}\"", form, StringComparison.Ordinal);
        }

        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var bad = await session.PostFormAsync(page, page, new() { ["version"] = "0", ["a.life_events.recent"] = "moved", ["a.life_events.recent_date.moved"] = future });
        var saved = await session.PostFormAsync(page, page, new()
        {
            ["version"] = "0",
            ["a.life_events.recent"] = "bereaved",
            ["a.life_events.recent_date.bereaved"] = "2026-01-10",
        });
        var html = await session.GetHtmlAsync(page);

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("id=\"a_life_events_recent_date_moved-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("value=\"bereaved\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"a.life_events.recent_date.bereaved\" value=\"2026-01-10\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meaning_ShowsTheDeathWishQuestionWithGuidanceForTheProfessional_AndItsFollowUps()
    {
        using var session = await _factory.SignInAsync("professional@welzijn.example");
        var html = System.Net.WebUtility.HtmlDecode(await session.GetHtmlAsync($"/People/{_person.Id}/Conversation/meaning"));

        Assert.Contains("name=\"a.meaning.death_wish\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"a_meaning_death_wish-hint\"", html, StringComparison.Ordinal);
        Assert.Contains("Voor u: ", html, StringComparison.Ordinal);
        foreach (var followUp in new[] { "thoughts", "plan", "means" })
        {
            Assert.Contains($"name=\"a.meaning.death_wish_{followUp}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("aria-describedby=\"a_meaning_death_wish_plan-hint\"", html, StringComparison.Ordinal);
    }
}
