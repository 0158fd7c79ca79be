using Konvooi.Web.Tests.Infrastructure;

namespace Konvooi.Web.Tests.Security;

/// <summary>Issue #17, finding 12: no authenticated or token response may be stored by a browser or proxy.</summary>
public sealed class CacheControlTests
{
    [Fact]
    public async Task AuthenticatedAndTokenResponses_AreNoStore()
    {
        await using var factory = await KonvooiWebFactory.CreateAsync();
        using var coordinator = await factory.SignInAsync("coordinator@welzijn.example");
        using var volunteer = await factory.SignInAsync("vrijwilliger@welzijn.example");
        using var anonymous = factory.NewSession();

        foreach (var (session, url) in new[]
        {
            (coordinator, "/"), (coordinator, "/DailyContact/Dashboard"), (coordinator, "/Catalogue"), (volunteer, "/DailyContact/Mine"),
            (anonymous, "/DailyContact/Link/" + new string('a', 43)), (anonymous, "/DailyContact/Feed/" + new string('a', 43)),
        })
        {
            using var response = await session.GetAsync(url);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url}: {response.Headers.CacheControl}");
        }
    }
}
