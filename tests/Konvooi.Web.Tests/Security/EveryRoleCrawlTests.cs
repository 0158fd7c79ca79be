using System.Net;
using System.Text.RegularExpressions;
using Konvooi.Features.Seeding;
using Konvooi.Tests.Infrastructure;
using Konvooi.Web.Tests.Infrastructure;

namespace Konvooi.Web.Tests.Security;

/// <summary>
/// Signs in as every demo role and follows every link the pages show (same site, GET only, breadth first) until no
/// new page is left or the cap is reached: no page may answer with a server error, on either provider.
/// </summary>
public sealed partial class EveryRoleCrawlTests
{
    /// <summary>Enough for every page type of a role; a person has some twenty pages and list filters add variants.</summary>
    private const int MaxPagesPerRole = 400;

    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryDemoRole_FollowsEveryLink_WithoutServerErrors(string provider)
    {
        await using var factory = await KonvooiWebFactory.CreateAsync(provider);
        var failures = new List<string>();
        var visitedTotal = 0;
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var account in DemoData.Accounts)
        {
            using var session = await factory.SignInAsync(account.Email);
            var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
            var queue = new Queue<string>(["/"]);
            while (queue.Count > 0 && seen.Count <= MaxPagesPerRole)
            {
                var url = queue.Dequeue();
                using var response = await session.GetAsync(url);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{account.Email}: GET {url} answered {(int)response.StatusCode}");
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                var html = await response.Content.ReadAsStringAsync();
                foreach (var link in Links(html))
                {
                    if (seen.Add(link))
                    {
                        queue.Enqueue(link);
                    }
                }
            }

            visitedTotal += seen.Count;
            visited.UnionWith(seen);
            Assert.True(seen.Count > 3, $"{account.Email} reached only {seen.Count} pages");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(visitedTotal > DemoData.Accounts.Count * 5, $"only {visitedTotal} pages visited");

        // Pages that once failed unseen must stay within the crawl's reach (issue #17, finding 13: the team page).
        foreach (var page in MustReach)
        {
            Assert.True(visited.Any(page.IsMatch), $"the crawl never reached {page}");
        }
    }

    /// <summary>Same-site links from <c>href</c> attributes: no sign-out, no downloads of other origins, no fragments.</summary>
    private static IEnumerable<string> Links(string html)
    {
        foreach (Match match in Href().Matches(html))
        {
            var href = WebUtility.HtmlDecode(match.Groups[1].Value);
            if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal) || href.StartsWith("/Account/Logout", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = href.IndexOf('#', StringComparison.Ordinal);
            var link = hash >= 0 ? href[..hash] : href;
            if (link.Length > 0 && !link.StartsWith("/css/", StringComparison.Ordinal) && !link.StartsWith("/lib/", StringComparison.Ordinal))
            {
                yield return link;
            }
        }
    }

    private static readonly Regex[] MustReach = [TeamPage()];

    [GeneratedRegex("^/People/[0-9a-f-]{36}/Team$")]
    private static partial Regex TeamPage();

    [GeneratedRegex("<a\\s[^>]*href=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
