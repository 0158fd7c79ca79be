using System.Reflection;
using System.Runtime.CompilerServices;
using Konvooi.Analytics.Tabular;
using Konvooi.Domain.Monitoring;
using Konvooi.Domain.Statistics;

namespace Konvooi.Analytics.Monitoring;

/// <summary>
/// Compiles the monitor's row loop on a spare core while the main thread parses the command line and
/// opens the input. The loop's methods are marked <see cref="MethodImplOptions.AggressiveOptimization"/>
/// (fully optimised code at once, not the precompiled or quick first tier), so without this the first
/// rows wait for the JIT; on a 2-core machine that was about a tenth of a 1-million-row run.
/// </summary>
internal static class HotPathWarmUp
{
    /// <summary>The types whose optimised methods the row loop uses, in the order they are needed.</summary>
    private static readonly Type[] Types =
    [
        typeof(CsvReader), typeof(ChunkAggregator), typeof(NumberParsing), typeof(ByteKeyMap),
        typeof(RespondentScorer), typeof(SurveyAggregates),
    ];

    /// <summary>Generic methods of the loop are compiled for the CSV record types.</summary>
    private static readonly RuntimeTypeHandle[][] RecordTypes =
    [
        [typeof(CsvSurveyRecord).TypeHandle],
    ];

    /// <summary>Starts compiling on a background thread when the machine has more than one core.</summary>
    public static void Start()
    {
        if (Environment.ProcessorCount < 2)
        {
            return;
        }

        var thread = new Thread(PrepareAll) { IsBackground = true, Name = "konvooi warm-up" };
        thread.Start();
    }

    /// <summary>The methods that are compiled (for tests: the list must not be empty).</summary>
    internal static IEnumerable<MethodInfo> Methods() =>
        Types.SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => (m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0);

    internal static void PrepareAll()
    {
        foreach (var method in Methods())
        {
            try
            {
                if (!method.IsGenericMethodDefinition)
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    continue;
                }

                foreach (var instantiation in RecordTypes)
                {
                    if (method.GetGenericArguments().Length == instantiation.Length)
                    {
                        RuntimeHelpers.PrepareMethod(method.MethodHandle, instantiation);
                    }
                }
            }
            catch (ArgumentException)
            {
                // A constraint the record type does not meet: that instantiation is never used.
            }
        }
    }
}
