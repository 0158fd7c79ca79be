using Konvooi.Cli.Common;
using Konvooi.Analytics.Monitoring;
using Konvooi.Analytics.Tabular;

namespace Konvooi.Cli.Monitoring;

/// <summary><c>konvooi monitor contrast</c>: the library's <see cref="MonitorAnalysis.Contrast"/> written as CSV.</summary>
internal static class MonitorContrast
{
    public static int Run(CliConsole console, MonitorRequest request, string compare, string kind, string output)
    {
        var comparison = MonitorComparison.Parse(request.By, compare, kind);
        var plan = MonitorPlan.Create(request);
        var data = MonitorRun.Read(plan, console, out var report);
        using var reportSpool = report;

        var result = MonitorAnalysis.Contrast(plan, data, comparison);
        result.ThrowIfFailed();
        using var spool = new OutputSpool(output, console);
        using (var writer = new CsvWriter(spool.Stream))
        {
            writer.WriteField("table");
            foreach (var other in result.OtherVariables)
            {
                writer.WriteField(other);
            }

            foreach (var column in new[] { "indicator", "contrast", "kind", "estimate", "se", "ci_low", "ci_high", "p_value" })
            {
                writer.WriteField(column);
            }

            writer.EndRecord();
            foreach (var c in result.Rows)
            {
                writer.WriteField(result.Table);
                foreach (var value in c.OtherValues)
                {
                    writer.WriteField(value);
                }

                writer.WriteField(c.Indicator);
                writer.WriteField(comparison.Text);
                writer.WriteField(comparison.KindText);
                writer.WriteField(MonitorRun.Value(c.Estimate));
                writer.WriteField(MonitorRun.Value(c.StandardError));
                writer.WriteField(MonitorRun.Value(c.CiLow));
                writer.WriteField(MonitorRun.Value(c.CiHigh));
                writer.WriteField(MonitorRun.Value(c.PValue));
                writer.EndRecord();
            }
        }

        reportSpool?.Commit();
        spool.Commit();
        MonitorRun.Summarise(plan, data, console);
        return ExitCodes.Success;
    }
}
