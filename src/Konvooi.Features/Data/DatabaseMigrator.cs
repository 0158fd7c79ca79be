using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Konvooi.Features.Data;

public static class DatabaseMigrator
{
    /// <summary>
    /// Applies pending migrations; on SQLite also switches the file to WAL mode. A database whose migration
    /// history names migrations this build does not have (one made before the migrations were squashed into one
    /// initial migration per provider) is refused with <see cref="ObsoleteMigrationHistoryException"/> before
    /// anything is changed.
    /// </summary>
    public static async Task MigrateAsync(KonvooiDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await RefuseObsoleteHistoryAsync(db, cancellationToken).ConfigureAwait(false);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task RefuseObsoleteHistoryAsync(KonvooiDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false);
        var unknown = applied.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ObsoleteMigrationHistoryException(
                db.Database.IsSqlite() ? db.Database.GetDbConnection().DataSource : null, unknown);
        }
    }
}

/// <summary>
/// The database was made by a development build whose migrations no longer exist (they were squashed into one
/// initial migration before the first release). It cannot be brought up to date; a quick-start demo database
/// is simply deleted and made again.
/// </summary>
public sealed class ObsoleteMigrationHistoryException : Exception
{
    public ObsoleteMigrationHistoryException(string? sqliteFile, IReadOnlyList<string> unknownMigrations)
        : base(Describe(sqliteFile))
    {
        SqliteFile = sqliteFile;
        UnknownMigrations = unknownMigrations;
    }

    public ObsoleteMigrationHistoryException()
    {
        UnknownMigrations = [];
    }

    public ObsoleteMigrationHistoryException(string message) : base(message)
    {
        UnknownMigrations = [];
    }

    public ObsoleteMigrationHistoryException(string message, Exception innerException) : base(message, innerException)
    {
        UnknownMigrations = [];
    }

    /// <summary>The SQLite file, or null on PostgreSQL.</summary>
    public string? SqliteFile { get; }

    /// <summary>Migration ids in the database's history that this build does not know.</summary>
    public IReadOnlyList<string> UnknownMigrations { get; }

    private static string Describe(string? sqliteFile) => sqliteFile is { Length: > 0 }
        ? $"""
          De database {sqliteFile} is gemaakt door een oudere ontwikkelversie van Konvooi en kan niet worden bijgewerkt.
          Is dit de demodatabase van de snelstart? Verwijder dan {sqliteFile} (met {sqliteFile}-wal en {sqliteFile}-shm als die er zijn)
          en start Konvooi opnieuw: de fictieve demogegevens worden dan opnieuw aangemaakt.
          (This database was made by an older development build of Konvooi; delete it and start again.)
          """
        : """
          Deze PostgreSQL-database is gemaakt door een oudere ontwikkelversie van Konvooi en kan niet worden bijgewerkt.
          Gebruik een nieuwe, lege database (Konvooi__Database__ConnectionString) en voer 'konvooi db migrate' opnieuw uit.
          (This database was made by an older development build of Konvooi; use a new, empty database.)
          """;
}
