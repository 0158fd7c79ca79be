using System.Text.RegularExpressions;
using Konvooi.Features.Data;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.Data;

public sealed partial class SchemaTests
{
    /// <summary>
    /// The reviewed allow-list of places that may bypass the tenant query filters. Adding a bypass
    /// means adding it here, in a reviewed change, with the reason.
    /// </summary>
    private static readonly HashSet<string> QueryFilterBypassAllowList = new(StringComparer.Ordinal)
    {
        // The daily contact job acts for every organisation without an actor; personal links have only a token;
        // volunteers need the first name and address of the people in their own slots. Each method narrows itself.
        Path.Combine("Konvooi.Features", "DailyContact", "UnfilteredAccess.cs"),

        // The outbox sender runs in the background job for every organisation, without an actor; it claims and
        // reads one message at a time by id.
        Path.Combine("Konvooi.Features", "Outbox", "OutboxSender.cs"),

        // The signal status e-mail is addressed in that job: one signal's source and one user's e-mail, by id.
        Path.Combine("Konvooi.Features", "Referrals", "SignalStatusEmails.cs"),

        // The FHIR export reads the whole coalition's signals for a coordinator of the lead organisation; the import
        // reads the idempotency keys of signals imported before anywhere in the coalition. Both narrow to one coalition.
        Path.Combine("Konvooi.Features", "Referrals", "CoalitionSignals.cs"),

        // The signal reports count the coalition's signals for analysts and the lead organisation's coordinators:
        // one method, narrowed to the actor's coalition (or organisation), projecting no personal field.
        Path.Combine("Konvooi.Features", "Referrals", "SignalReportFacts.cs"),

        // Reach against need counts the people of the coalition (or the organisation) for analysts and coordinators:
        // one method, narrowed to the given organisations, projecting no name, address or id (docs/reach.md).
        Path.Combine("Konvooi.Features", "Reach", "ReachFacts.cs"),
        // The monitor's background job runs without an actor: it claims one job by id, copies that job's file (narrowed
        // to the job's organisation), stores the result, and removes expired uploads by id.
        Path.Combine("Konvooi.Features", "Monitor", "MonitorBackground.cs"),
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrations_ApplyOnEmptyDatabase_AndMatchTheModel(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();

        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration for " + provider);
    }

    [Fact]
    public async Task Sqlite_AfterMigrate_UsesWalAndFullSynchronous()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);

        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        var journal = (string?)await command.ExecuteScalarAsync();
        command.CommandText = "PRAGMA synchronous;";
        var synchronous = (long?)await command.ExecuteScalarAsync();

        Assert.Equal("wal", journal);
        Assert.Equal(2L, synchronous); // 2 = FULL
    }

    [Fact]
    public void Source_BypassesQueryFiltersOnlyOnTheAllowList()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var bypasses = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(src, f), Line: line)))
            .Where(x => BypassPattern().IsMatch(x.Line))
            .Select(x => x.File)
            .Distinct()
            .ToList();

        Assert.All(bypasses, file => Assert.Contains(file, QueryFilterBypassAllowList));
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Konvooi.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Konvooi.slnx not found above the test folder");
    }

    [GeneratedRegex(@"IgnoreQueryFilters\s*\(")]
    private static partial Regex BypassPattern();
}
