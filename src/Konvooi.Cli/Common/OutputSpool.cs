namespace Konvooi.Cli.Common;

/// <summary>
/// Results are written to a temporary file first and reach the destination (a file or standard
/// output) only when the command succeeds, so a failing command produces no output at all.
/// </summary>
public sealed class OutputSpool : IDisposable
{
    private readonly string _destination;
    private readonly CliConsole _console;
    private readonly string _tempPath;
    private FileStream? _stream;

    public OutputSpool(string destination, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(console);
        _destination = destination;
        _console = console;
        var directory = destination == "-" ? Path.GetTempPath() : Path.GetDirectoryName(Path.GetFullPath(destination))!;
        _tempPath = Path.Combine(directory, $".konvooi-{Guid.NewGuid():N}.tmp");
        _stream = new FileStream(_tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
    }

    /// <summary>The stream to write results to.</summary>
    public Stream Stream => _stream ?? throw new ObjectDisposedException(nameof(OutputSpool));

    /// <summary>Moves the spooled result to its destination.</summary>
    public void Commit()
    {
        var stream = Stream;
        stream.Flush();
        if (_destination == "-")
        {
            stream.Position = 0;
            using var stdout = _console.OpenStandardOutput();
            stream.CopyTo(stdout);
            stdout.Flush();
            stream.Dispose();
            _stream = null;
            File.Delete(_tempPath);
        }
        else
        {
            stream.Dispose();
            _stream = null;
            File.Move(_tempPath, _destination, overwrite: true);
        }
    }

    public void Dispose()
    {
        if (_stream is not null)
        {
            _stream.Dispose();
            _stream = null;
            File.Delete(_tempPath);
        }
    }
}
