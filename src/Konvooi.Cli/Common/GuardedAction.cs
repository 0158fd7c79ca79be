using System.CommandLine;
using Konvooi.Analytics.Monitoring;
using Konvooi.Features.Data;

namespace Konvooi.Cli.Common;

/// <summary>
/// Runs a command's action under the exit-code contract: user errors exit 1 with their message,
/// anything unexpected exits 2 with a correlation id (the stack trace only with --verbose).
/// </summary>
public static class GuardedAction
{
    public static Option<bool> VerboseOption { get; } = new("--verbose")
    {
        Description = "Toon bij een onverwachte fout ook de technische details.",
        Recursive = true,
    };

    public static void SetGuardedAction(this Command command, CliConsole console, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(action);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await action(parseResult, cancellationToken).ConfigureAwait(false);
            }
            catch (CliUserException ex)
            {
                await console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            catch (MonitorInputException ex)
            {
                await console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
            catch (ObsoleteMigrationHistoryException ex)
            {
                await console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }
#pragma warning disable CA1031 // The contract: any unexpected failure becomes exit code 2 with a correlation id.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                var correlationId = Guid.NewGuid().ToString("N")[..12];
                await console.Error.WriteLineAsync($"konvooi: onverwachte fout (correlation id {correlationId})").ConfigureAwait(false);
                if (parseResult.GetValue(VerboseOption))
                {
                    await console.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
                }

                return ExitCodes.Unexpected;
            }
        });
    }

    public static void SetGuardedAction(this Command command, CliConsole console, Func<ParseResult, int> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        command.SetGuardedAction(console, (parseResult, _) => Task.FromResult(action(parseResult)));
    }
}
