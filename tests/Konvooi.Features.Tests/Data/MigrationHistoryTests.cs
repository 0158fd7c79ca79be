using Konvooi.Features.Data;
using Konvooi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Tests.Data;

/// <summary>
/// The migrations were squashed into one initial migration per provider before the first release. A database
/// made by an earlier development build (a quick-start <c>data/konvooi.db</c>) names migrations that no longer
/// exist: it is refused with plain words on what to do, and left as it was.
/// </summary>
public sealed class MigrationHistoryTests
{
    /// <summary>A migration id of a development build from before the squash.</summary>
    private const string PreSquashMigration = "20261128074539_Measurements";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_DatabaseFromBeforeTheSquash_IsRefusedAndLeftAsItWas(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        await db.Database.ExecuteSqlRawAsync(
            """CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) NOT NULL PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL)""");
        await db.Database.ExecuteSqlRawAsync(
            $"""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('{PreSquashMigration}', '10.0.0')""");

        var refused = await Assert.ThrowsAsync<ObsoleteMigrationHistoryException>(() => DatabaseMigrator.MigrateAsync(db, CancellationToken.None));

        Assert.Equal([PreSquashMigration], refused.UnknownMigrations);
        Assert.Equal([PreSquashMigration], await db.Database.GetAppliedMigrationsAsync());
        Assert.Contains("oudere ontwikkelversie", refused.Message, StringComparison.Ordinal);
        if (provider == TestDatabase.Sqlite)
        {
            Assert.EndsWith("konvooi.db", refused.SqliteFile, StringComparison.Ordinal);
            Assert.Contains($"Verwijder dan {refused.SqliteFile}", refused.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(refused.SqliteFile);
            Assert.Contains("nieuwe, lege database", refused.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_Twice_KnowsItsOwnHistory(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();

        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OutboxForEveryTopic_MovesQueuedDailyContactEmailsToTheSharedOutbox(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = database.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KonvooiDbContext>();
        var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
        var initial = db.Database.GetMigrations().Single(m => m.EndsWith("_Initial", StringComparison.Ordinal));
        await migrator.MigrateAsync(initial);
        var id = Guid.NewGuid();
        var organisation = Guid.NewGuid();
        var person = Guid.NewGuid();
        var created = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "DailyContactOutbox" ("Id", "ActionKey", "OrganisationId", "PersonId", "SlotReference", "Reason", "CreatedAtUtc", "Attempts", "NextAttemptUtc")
            VALUES ({id}, {"DC-1/try-again"}, {organisation}, {person}, {"DC-1"}, {"TryAgain"}, {created}, {1}, {created})
            """);

        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);

        var moved = await db.Outbox.IgnoreQueryFilters().SingleAsync();
        Assert.Equal((id, "DC-1/try-again", "daily-contact", organisation, (Guid?)person, "DC-1", "TryAgain", 1, (Guid?)null),
            (moved.Id, moved.ActionKey, moved.Topic, moved.OrganisationId, moved.PersonId, moved.Subject, moved.Reason, moved.Attempts, moved.RecipientUserId));
    }

    [Fact]
    public void Migrations_BothProvidersHaveTheSameSteps_StartingWithOneInitial()
    {
        // Squashed before the first release; from now on a released migration is never edited, and both
        // providers get the same new migration in one commit (docs/architecture.md, "Migrations").
        var sqlite = MigrationNames("Konvooi.Migrations.Sqlite");
        var postgres = MigrationNames("Konvooi.Migrations.Postgres");

        Assert.Equal("Initial", sqlite[0]);
        Assert.Equal(sqlite, postgres);
    }

    /// <summary>Migration names in order, without their timestamps.</summary>
    private static List<string> MigrationNames(string project) =>
        Directory.GetFiles(Path.Combine(SchemaTests.RepositoryRoot(), "src", project, "Migrations"), "*_*.cs")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.EndsWith(".Designer", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => name![(name!.IndexOf('_', StringComparison.Ordinal) + 1)..])
            .ToList();
}
