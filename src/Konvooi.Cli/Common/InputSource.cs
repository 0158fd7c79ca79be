namespace Konvooi.Cli.Common;

public static class InputSource
{
    /// <summary>Opens <paramref name="path"/>, or standard input for "-".</summary>
    /// <exception cref="CliUserException">The file does not exist.</exception>
    public static Stream Open(string path, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(console);
        if (path == "-")
        {
            return console.OpenStandardInput();
        }

        if (!File.Exists(path))
        {
            throw new CliUserException($"input file not found: {path}");
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }
}
