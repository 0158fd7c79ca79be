using System.CommandLine;
using Konvooi.Cli.Common;
using Konvooi.Features.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Cli.Commands;

/// <summary>
/// <c>konvooi backup --output FILE</c>: a consistent copy of the SQLite database while the app runs
/// (SQLite's online backup API), readable only by its owner. PostgreSQL is backed up with pg_dump.
/// </summary>
public static class BackupCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--output") { Description = "Bestand voor de back-up (wordt alleen voor de eigenaar leesbaar).", Required = true };
        var command = new Command("backup", "Maak een consistente back-up van de database.") { output };
        command.SetGuardedAction(console, async (parse, ct) =>
        {
            await using var services = CliServices.Create();
            var settings = services.GetRequiredService<DatabaseSettings>();
            if (settings.Provider != DatabaseProvider.Sqlite)
            {
                throw new CliUserException("PostgreSQL: make the backup with pg_dump, e.g. pg_dump --format=custom --file=konvooi.dump \"$DATABASE_URL\" (see docs/operations.md)");
            }

            var destination = Path.GetFullPath(parse.GetValue(output)!);
            var source = new SqliteConnectionStringBuilder(settings.SqliteConnectionString());
            if (!File.Exists(source.DataSource))
            {
                throw new CliUserException($"database not found: {source.DataSource}");
            }

            if (File.Exists(destination))
            {
                throw new CliUserException($"output file already exists: {destination}");
            }

            var temp = destination + ".partial";
            CreateOwnerOnly(temp);
            try
            {
                await using (var from = new SqliteConnection(source.ToString()))
                await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ToString()))
                {
                    await from.OpenAsync(ct).ConfigureAwait(false);
                    await to.OpenAsync(ct).ConfigureAwait(false);
                    from.BackupDatabase(to);
                }

                File.Move(temp, destination);
            }
            finally
            {
                File.Delete(temp);
            }

            await console.Error.WriteLineAsync($"backup written to {destination}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var _ = new FileStream(path, options);
    }
}
