using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Konvooi.Features.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Database choice, from configuration section <c>Konvooi:Database</c> (environment variables
/// <c>Konvooi__Database__Provider</c> and <c>Konvooi__Database__ConnectionString</c>).
/// Defaults to an embedded SQLite file <c>data/konvooi.db</c> below the working directory.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteMigrationsAssembly = "Konvooi.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Konvooi.Migrations.Postgres";
    public const string DefaultSqlitePath = "data/konvooi.db";

    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Konvooi:Database");
        var providerText = section["Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.Parse<DatabaseProvider>(providerText.Trim(), ignoreCase: true);
        var connectionString = section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Konvooi:Database:ConnectionString is required for PostgreSQL.");
            }

            connectionString = $"Data Source={DefaultSqlitePath}";
        }

        return new DatabaseSettings(provider, connectionString);
    }

    /// <summary>Applies this provider to EF options, with the provider's own migrations assembly.</summary>
    public void Apply(DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Provider == DatabaseProvider.Sqlite)
        {
            options.UseSqlite(SqliteConnectionString(), o => o.MigrationsAssembly(SqliteMigrationsAssembly));
            options.AddInterceptors(SqlitePragmas.Instance);
        }
        else
        {
            options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
        }
    }

    /// <summary>SQLite with a busy timeout (performance-notes.md) and its folder created.</summary>
    public string SqliteConnectionString()
    {
        var builder = new SqliteConnectionStringBuilder(ConnectionString);
        if (builder.DefaultTimeout == 30)
        {
            builder.DefaultTimeout = 5;
        }

        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith(':'))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Every SQLite connection: foreign keys on, and synchronous=FULL so committed audit entries
    /// survive a power or OS failure (performance-notes.md). WAL is set once when migrating.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Run(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Run(connection);
            return Task.CompletedTask;
        }

        private static void Run(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
            command.ExecuteNonQuery();
        }
    }
}
