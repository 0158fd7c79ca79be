using System.CommandLine;
using Konvooi.Cli.Commands;
using Konvooi.Cli.Common;
using Konvooi.Analytics.Monitoring;

namespace Konvooi.Cli;

/// <summary>The <c>konvooi</c> command line: builds the command tree and runs it.</summary>
public static class KonvooiCli
{
    /// <summary>The command groups in help order, with the names of the commands each builds when asked.</summary>
    private static readonly (string[] Names, Func<CliConsole, IEnumerable<Command>> Create)[] Groups =
    [
        (["db", "coalitions", "organisations", "users", "audit"], SetupCommands.Create),
        (["backup"], c => [BackupCommand.Create(c)]),
        (["score"], c => [ScoreCommand.Create(c)]),
        (["match"], c => [MatchCommand.Create(c)]),
        (["catalogue"], c => [CatalogueCommand.Create(c)]),
        (["referrals"], c => [ReferralsCommand.Create(c)]),
        (["monitor"], c => [MonitorCommands.Create(c)]),
    ];

    /// <summary>The whole command tree.</summary>
    public static RootCommand Build(CliConsole console) => Build(console, firstArgument: null);

    /// <summary>
    /// The command tree for these arguments: when the first argument names a command group, only that
    /// group is built (a run of <c>konvooi monitor …</c> then loads no setup, database or catalogue code);
    /// otherwise, for help, a typo or an option, the whole tree.
    /// </summary>
    public static RootCommand Build(CliConsole console, string? firstArgument)
    {
        var root = new RootCommand("Konvooi: meten, matchen en monitoren van eenzaamheid (command-line tools).");
        root.Options.Add(GuardedAction.VerboseOption);

        // One entry per command group; each command builds its own options and calls a Domain or Features slice.
        var isGroup = Groups.Any(g => g.Names.Contains(firstArgument, StringComparer.Ordinal));
        foreach (var (names, create) in Groups)
        {
            if (isGroup && !names.Contains(firstArgument, StringComparer.Ordinal))
            {
                continue;
            }

            foreach (var command in create(console))
            {
                if (!isGroup || command.Name == firstArgument)
                {
                    root.Subcommands.Add(command);
                }
            }
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var first = args.Length > 0 ? args[0] : null;
        if (first == "monitor")
        {
            HotPathWarmUp.Start();
        }

        var root = Build(console, first);
        PhaseClock.Mark("commands built");
        var parsed = root.Parse(args);
        PhaseClock.Mark("arguments parsed");
        // On a usage error the help text goes to standard error: standard output carries results only.
        var configuration = new InvocationConfiguration { Output = parsed.Errors.Count > 0 ? console.Error : console.Out, Error = console.Error };
        var exit = await parsed.InvokeAsync(configuration).ConfigureAwait(false);
        await console.Out.FlushAsync().ConfigureAwait(false);
        await console.Error.FlushAsync().ConfigureAwait(false);
        return exit;
    }
}
