using System.Net;
using System.Text.RegularExpressions;
using Konvooi.Features.Seeding;

namespace Konvooi.Web.Tests.Infrastructure;

/// <summary>A browser without JavaScript: GETs pages, reads the antiforgery token, POSTs forms.</summary>
public sealed partial class WebSession(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    public async Task SignInAsync(string email, string password = DemoData.Password)
    {
        var response = await PostFormAsync("/Account/Login", "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {email} failed: {(int)response.StatusCode}");
    }

    public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads <paramref name="formPage"/> for its antiforgery token, then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var html = await GetHtmlAsync(formPage);
        fields["__RequestVerificationToken"] = AntiforgeryToken(html);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "no antiforgery token on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
