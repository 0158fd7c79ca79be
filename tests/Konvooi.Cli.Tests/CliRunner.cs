using System.Text;
using Konvooi.Cli.Common;

namespace Konvooi.Cli.Tests;

/// <summary>Runs <c>konvooi</c> in-process with captured streams.</summary>
public sealed record CliRun(int ExitCode, string StdOut, string StdErr);

public static class CliRunner
{
    public static Task<CliRun> RunWithInputAsync(string stdin, params string[] args) =>
        RunWithInputAsync(Encoding.UTF8.GetBytes(stdin), args);

    public static async Task<CliRun> RunWithInputAsync(byte[] stdin, params string[] args)
    {
        var input = new MemoryStream(stdin);
        // MemoryStream.ToArray still works after a command disposes standard output.
        var output = new MemoryStream();
        var outWriter = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true };
        var error = new StringWriter();
        var console = new CliConsole(() => input, () => output, outWriter, error, IsErrorTerminal: false);

        var exit = await KonvooiCli.RunAsync(args, console);

        return new CliRun(exit, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);
}
