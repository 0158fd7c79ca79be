using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Konvooi.Cli.Common;

/// <summary>
/// With <c>KONVOOI_PHASE_TIMES=1</c>, writes one line per phase of a run to standard error: milliseconds
/// since the process started, and the time spent in the JIT compiler and the number of garbage
/// collections so far (docs/performance.md, "Where the time goes"). Off by default; no data values.
/// </summary>
internal static class PhaseClock
{
    private static readonly bool IsOn = Environment.GetEnvironmentVariable("KONVOOI_PHASE_TIMES") == "1";
    private static readonly Stopwatch Clock = new();
    private static double _startedAt;

    /// <summary>Call first thing in Main.</summary>
    public static void Start()
    {
        if (!IsOn)
        {
            return;
        }

        _startedAt = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        Clock.Start();
        Mark("main");
    }

    public static void Mark(string phase)
    {
        if (!IsOn)
        {
            return;
        }

        var at = _startedAt + Clock.Elapsed.TotalMilliseconds;
        var jit = JitInfo.GetCompilationTime().TotalMilliseconds;
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"konvooi phase: {phase,-16} {at,7:F1} ms  (jit {jit:F1} ms, {JitInfo.GetCompiledMethodCount()} methods; gc {GC.CollectionCount(0)})"));
    }
}
