namespace Konvooi.Cli.Common;

/// <summary>
/// The process streams a command may use. Tests pass their own so commands run in-process.
/// Standard output carries the result only; counts, warnings and progress go to <see cref="Error"/>.
/// </summary>
public sealed record CliConsole(Func<Stream> OpenStandardInput, Func<Stream> OpenStandardOutput, TextWriter Out, TextWriter Error, bool IsErrorTerminal)
{
    public static CliConsole System { get; } = new(
        Console.OpenStandardInput,
        Console.OpenStandardOutput,
        Console.Out,
        Console.Error,
        !Console.IsErrorRedirected);
}
