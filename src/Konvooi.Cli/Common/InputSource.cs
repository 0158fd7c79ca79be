using System.Globalization;
using System.Text;
using Konvooi.Analytics.Tabular;

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

    /// <summary>
    /// Reads a whole JSON input (a profile, a catalogue, HSDS JSON, a FHIR bundle), refused with exit code 1 as soon as it
    /// passes <see cref="InputLimits.MaxJsonBytes"/> (issue #17, finding 11).
    /// </summary>
    /// <exception cref="CliUserException">The file does not exist, or is larger than the cap.</exception>
    public static byte[] ReadJson(string path, CliConsole console)
    {
        using var input = Open(path, console);
        try
        {
            return InputLimits.Default.ReadJson(input, "the input");
        }
        catch (InputTooLargeException ex)
        {
            throw new CliUserException($"{(path == "-" ? "standard input" : path)}: {ex.Message}");
        }
    }

    /// <summary>The UTF-8 text of a file of a directory input (HSDS tabular), refused when larger than <see cref="InputLimits.MaxJsonBytes"/>.</summary>
    /// <exception cref="CliUserException">Larger than the cap.</exception>
    public static string ReadText(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (new FileInfo(file).Length > InputLimits.Default.MaxJsonBytes)
        {
            throw new CliUserException(string.Create(CultureInfo.InvariantCulture, $"{file}: refused: larger than the limit of {InputLimits.Default.MaxJsonBytes} bytes for one file"));
        }

        return File.ReadAllText(file, Encoding.UTF8);
    }
}
