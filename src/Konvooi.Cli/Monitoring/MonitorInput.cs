using System.Diagnostics;
using System.Globalization;
using Konvooi.Analytics.Monitoring;
using Konvooi.Cli.Common;

namespace Konvooi.Cli.Monitoring;

/// <summary>
/// The console side of reading the monitor's input: opens the file or standard input, shows the progress
/// bar and hands the stream to the library's <see cref="MonitorReader"/> (CSV) or
/// <see cref="TypedInputReader"/> (XLSX, Parquet).
/// </summary>
internal static class MonitorInput
{
    /// <exception cref="CliUserException">The input file does not exist.</exception>
    /// <exception cref="MonitorInputException">The input is empty, unreadable or lacks a column.</exception>
    public static MonitorData Read(MonitorPlan plan, CliConsole console)
    {
        var input = plan.Request.Input;
        using var progress = new ProgressBar(console, input == "-" ? 0 : SafeLength(input));
        var name = input == "-" ? "standard input" : input;
        using var stream = input == "-" && plan.Format != InputFormat.Csv ? SpoolStandardInput(console) : InputSource.Open(input, console);
        return MonitorSource.Read(plan, stream, name, progress.Report, PhaseClock.Mark);
    }

    private static long SafeLength(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Copies standard input to a temporary file (deleted on close) and returns it at position 0.</summary>
    private static FileStream SpoolStandardInput(CliConsole console)
    {
        var path = Path.Combine(Path.GetTempPath(), "konvooi-input-" + Guid.NewGuid().ToString("N"));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            using (var input = console.OpenStandardInput())
            {
                input.CopyTo(file);
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}

/// <summary>
/// A one-line progress bar on standard error, shown only when standard error is a terminal and the
/// work has taken more than a second; cleared at the end.
/// </summary>
internal sealed class ProgressBar(CliConsole console, long totalBytes) : IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private long _lastDrawMs;
    private bool _drawn;

    public void Report(long bytesDone)
    {
        if (!console.IsErrorTerminal || _clock.ElapsedMilliseconds < 1000)
        {
            return;
        }

        lock (_lock)
        {
            var now = _clock.ElapsedMilliseconds;
            if (now - _lastDrawMs < 200)
            {
                return;
            }

            _lastDrawMs = now;
            _drawn = true;
            var text = totalBytes > 0
                ? $"\rkonvooi monitor: {Math.Min(100, 100 * bytesDone / totalBytes).ToString(CultureInfo.InvariantCulture),3}% gelezen"
                : $"\rkonvooi monitor: {(bytesDone >> 20).ToString(CultureInfo.InvariantCulture)} MB gelezen";
            console.Error.Write(text);
            console.Error.Flush();
        }
    }

    public void Dispose()
    {
        if (_drawn)
        {
            console.Error.Write("\r" + new string(' ', 40) + "\r");
            console.Error.Flush();
        }
    }
}
