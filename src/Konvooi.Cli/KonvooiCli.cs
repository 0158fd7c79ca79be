using System.CommandLine;
using Konvooi.Cli.Commands;
using Konvooi.Cli.Common;

namespace Konvooi.Cli;

/// <summary>The <c>konvooi</c> command line: builds the command tree and runs it.</summary>
public static class KonvooiCli
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("Konvooi: meten, matchen en monitoren van eenzaamheid (command-line tools).");
        root.Options.Add(GuardedAction.VerboseOption);

        // One line per command group; each command builds its own options and calls a Domain or Features slice.
        foreach (var command in SetupCommands.Create(console))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(BackupCommand.Create(console));
        root.Subcommands.Add(ScoreCommand.Create(console));
        root.Subcommands.Add(MatchCommand.Create(console));
        root.Subcommands.Add(CatalogueCommand.Create(console));
        root.Subcommands.Add(MonitorCommands.Create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = Build(console);
        var parsed = root.Parse(args);
        // On a usage error the help text goes to standard error: standard output carries results only.
        var configuration = new InvocationConfiguration { Output = parsed.Errors.Count > 0 ? console.Error : console.Out, Error = console.Error };
        var exit = await parsed.InvokeAsync(configuration).ConfigureAwait(false);
        await console.Out.FlushAsync().ConfigureAwait(false);
        await console.Error.FlushAsync().ConfigureAwait(false);
        return exit;
    }
}
