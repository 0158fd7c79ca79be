using Konvooi.Domain.Access;
using Konvooi.Features;
using Konvooi.Features.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Konvooi.Tests.Infrastructure;

/// <summary>
/// A throwaway database on a real provider: a SQLite file in a temp folder, or a fresh database in
/// the PostgreSQL cluster that test.sh starts (KONVOOI_TEST_POSTGRES). No provider is ever faked,
/// and a missing PostgreSQL fails the test rather than skipping it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string? _sqliteFolder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, string? sqliteFolder, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public static TheoryData<string> Providers => new(Sqlite, Postgres);

    public string Provider { get; }

    public string ConnectionString { get; }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Konvooi:Database:Provider"] = Provider == Sqlite ? "Sqlite" : "Postgres",
        ["Konvooi:Database:ConnectionString"] = ConnectionString,
    };

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "konvooi-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "konvooi.db")}", folder, null, null);
        }

        var admin = Environment.GetEnvironmentVariable("KONVOOI_TEST_POSTGRES");
        if (string.IsNullOrEmpty(admin))
        {
            throw new InvalidOperationException("KONVOOI_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL.");
        }

        var name = "konvooi_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxAutoPrepare = 20 };
        return new TestDatabase(provider, builder.ToString(), null, admin, name);
    }

    /// <summary>A service provider wired exactly as the app's, on this database, with a fake clock.</summary>
    public ServiceProvider BuildServices(FakeTimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKonvooiFeatures(configuration);
        // Password hashing strength is not under test here; the default 100,000 rounds would dominate the run time.
        services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000);
        services.AddSingleton<TimeProvider>(time ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero)));
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static AsyncServiceScope Scope(IServiceProvider services, Guid userId, Guid organisationId, Role role)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(userId, organisationId, role);
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_sqliteFolder is not null)
        {
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a pooled connection; the temp folder is cleaned by the OS.
            }
        }

        if (_postgresAdmin is not null)
        {
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
