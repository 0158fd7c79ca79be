using System.Net;
using Konvooi.Domain.Knowledge;
using Konvooi.Domain.Matching;
using Konvooi.Web.Tests.Infrastructure;

namespace Konvooi.Web.Tests.Knowledge;

public sealed class KnowledgePagesTests : IAsyncLifetime
{
    private KonvooiWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await KonvooiWebFactory.CreateAsync();

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("vrijwilliger@welzijn.example")] // docs/knowledge.md: the knowledge pages are for every signed-in role
    [InlineData("analist@welzijn.example")]
    public async Task Index_AnyRole_ShowsEveryInsightWithAnAnchorAndItsDutchSummary(string email)
    {
        using var session = await _factory.SignInAsync(email);

        var html = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Knowledge"));

        Assert.All(KnowledgeBase.Insights, i =>
        {
            Assert.Contains($"<article id=\"{i.Id}\"", html, StringComparison.Ordinal);
            Assert.Contains(i.Summary, html, StringComparison.Ordinal);
            Assert.Contains(System.Text.RegularExpressions.Regex.Replace(i.Practice, @"\b[A-Z]{2}-[0-9]+\b", "<a href=\"#$0\">$0</a>"), html, StringComparison.Ordinal);
        });
        Assert.Contains("zoals bij <a href=\"#VT-1\">VT-1</a>.", html, StringComparison.Ordinal);
        Assert.All(KnowledgeBase.Experts, e => Assert.Contains(e.Name, html, StringComparison.Ordinal));
        Assert.Contains("href=\"/Knowledge/Rules#rule-severity_excludes_light\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Knowledge/Catalogue#daily_contact_moment\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Knowledge\">Kennis</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_LangEn_ShowsEnglishSummariesMarkedAsEnglish()
    {
        using var session = await _factory.SignInAsync("vrijwilliger@welzijn.example");

        var html = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Knowledge?lang=en"));

        Assert.All(KnowledgeBase.Insights, i => Assert.Contains($"<p lang=\"en\">{i.SummaryEnglish}</p>", html, StringComparison.Ordinal));
        Assert.DoesNotContain(KnowledgeBase.Insights[0].Summary, html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Knowledge\">Samenvattingen in het Nederlands tonen</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vrijwilliger@welzijn.example")]
    [InlineData("analist@welzijn.example")]
    public async Task Rules_AnyRole_ShowsEveryRuleAndAdviceWithLinkedInsights(string email)
    {
        using var session = await _factory.SignInAsync(email);

        var html = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Knowledge/Rules"));

        Assert.All(MatchingRules.All, r =>
        {
            Assert.Contains($"id=\"rule-{r.Code}\"", html, StringComparison.Ordinal);
            Assert.Contains(r.Description, html, StringComparison.Ordinal);
            Assert.All(r.Insights, id => Assert.Contains($"<a href=\"/Knowledge#{id}\">{id}</a>", html, StringComparison.Ordinal));
        });
        Assert.All(MatchingRules.AllAdvice, a =>
        {
            Assert.Contains($"id=\"advice-{a.Code}\"", html, StringComparison.Ordinal);
            Assert.Contains(a.Text, html, StringComparison.Ordinal);
        });
        Assert.Contains("type_fit: 2 punten; type_mismatch: 2 punten", html, StringComparison.Ordinal); // MatchingWeights.Defaults
        Assert.Contains("in_person_first: 1,5 punten", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vrijwilliger@welzijn.example")]
    [InlineData("analist@welzijn.example")]
    public async Task Catalogue_AnyRole_ShowsEveryInterventionWithDutchLabels(string email)
    {
        using var session = await _factory.SignInAsync(email);

        var html = WebUtility.HtmlDecode(await session.GetHtmlAsync("/Knowledge/Catalogue"));

        Assert.All(InterventionCatalogue.Starter.Interventions, i =>
        {
            Assert.Contains($"<section id=\"{i.Id}\"", html, StringComparison.Ordinal);
            Assert.Contains(i.Name, html, StringComparison.Ordinal);
            Assert.Contains(Vocabulary.Label(Vocabulary.Aims, i.Aim), html, StringComparison.Ordinal);
        });
        Assert.Contains(Vocabulary.RecognitionLabels["none"], html, StringComparison.Ordinal);
        Assert.Contains(Vocabulary.Label(Vocabulary.Modes, "home_visit"), html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Knowledge")]
    [InlineData("/Knowledge/Rules")]
    [InlineData("/Knowledge/Catalogue")]
    public async Task Get_SignedOut_RedirectsToSignIn(string url)
    {
        using var session = _factory.NewSession();

        var response = await session.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Knowledge")]
    [InlineData("/Knowledge?lang=en")]
    [InlineData("/Knowledge/Rules")]
    [InlineData("/Knowledge/Catalogue")]
    public async Task Get_AnyPage_HasNoInlineStyleOrScriptAndUniqueIds(string url)
    {
        using var session = await _factory.SignInAsync("analist@welzijn.example");

        var html = await session.GetHtmlAsync(url);

        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        var ids = System.Text.RegularExpressions.Regex.Matches(html, " id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
