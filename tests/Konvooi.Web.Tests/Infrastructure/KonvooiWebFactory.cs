using System.Collections.Concurrent;
using Konvooi.Features.Data;
using Konvooi.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Konvooi.Web.Tests.Infrastructure;

/// <summary>
/// The real app (Program) on a throwaway database of the given provider, in quick-start mode so the
/// fictional demo coalition is seeded. Every log message is captured for the privacy tests.
/// </summary>
public sealed class KonvooiWebFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly int _signInPermitsPerMinute;

    private KonvooiWebFactory(TestDatabase database, int signInPermitsPerMinute)
    {
        _database = database;
        _signInPermitsPerMinute = signInPermitsPerMinute;
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Counts the SQL commands of requests marked with <see cref="SqlCommandCounter.Header"/>.</summary>
    public SqlCommandCounter Sql { get; } = new();

    public static async Task<KonvooiWebFactory> CreateAsync(string provider = TestDatabase.Sqlite, int signInPermitsPerMinute = 100_000) =>
        new(await TestDatabase.CreateAsync(provider), signInPermitsPerMinute);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Konvooi:QuickStart", "true");
        builder.UseSetting("Konvooi:SignInPermitsPerMinute", _signInPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in _database.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
            services.AddHttpContextAccessor();
            services.ConfigureDbContext<KonvooiDbContext>(o => o.AddInterceptors(Sql));
        });
    }

    public WebSession NewSession() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<WebSession> SignInAsync(string email)
    {
        var session = NewSession();
        await session.SignInAsync(email);
        return session;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>Collects every log message written by the app, at every level.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {structured} {exception}");
        }
    }
}
