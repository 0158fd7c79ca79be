using Konvooi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Konvooi.EndToEnd.Tests;

/// <summary>
/// The real app on Kestrel (127.0.0.1, a free port) and Debian's Chromium driven by Playwright.
/// Playwright's own browser download cannot work here, so the browser is the system one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public KonvooiWebFactory Factory { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Factory = await KonvooiWebFactory.CreateAsync();
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A context as a tablet on a home visit: no JavaScript, Dutch, 768×1024.</summary>
    public Task<IBrowserContext> NoJavaScriptTabletAsync() => Browser.NewContextAsync(new()
    {
        JavaScriptEnabled = false,
        Locale = "nl-NL",
        ViewportSize = new ViewportSize { Width = 768, Height = 1024 },
        BaseURL = BaseUrl,
    });

    /// <summary>axe itself is JavaScript, so scans run in a separate context with it enabled.</summary>
    public Task<IBrowserContext> ScanContextAsync() => Browser.NewContextAsync(new() { Locale = "nl-NL", BaseURL = BaseUrl });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
    }

    private static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("KONVOOI_TEST_CHROMIUM");
        foreach (var candidate in new[] { configured, "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Chromium not found: install Debian's chromium package (./test.sh does this) or set KONVOOI_TEST_CHROMIUM.");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
