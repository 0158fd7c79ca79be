using System.Globalization;
using Konvooi.Cli.Common;
using Konvooi.Analytics.Monitoring;
using Konvooi.Analytics.Tabular;
using Konvooi.Domain.Statistics;

namespace Konvooi.Cli.Monitoring;

/// <summary>Steps both monitor commands share: reading, reporting invalid rows, and the summary on standard error.</summary>
internal static class MonitorRun
{
    /// <summary>
    /// Reads the input. Without <c>--skip-invalid</c> any problem stops the run: every problem is listed
    /// and nothing is written. With it, the report of skipped rows is spooled into <paramref name="report"/>.
    /// </summary>
    /// <exception cref="CliUserException">Problems in the input and no <c>--skip-invalid</c>.</exception>
    public static MonitorData Read(MonitorPlan plan, CliConsole console, out OutputSpool? report)
    {
        report = null;
        var data = MonitorInput.Read(plan, console);
        if (data.Problems.Count > 0 && plan.Request.SkipInvalid is null)
        {
            throw new CliUserException(MonitorAnalysis.InvalidRowMessages(data));
        }

        if (plan.Request.SkipInvalid is { } path)
        {
            report = new OutputSpool(path, console);
            using var writer = new CsvWriter(report.Stream);
            foreach (var header in new[] { "line", "column", "reason", "value" })
            {
                writer.WriteField(header);
            }

            writer.EndRecord();
            foreach (var problem in data.Problems)
            {
                writer.WriteField(problem.Line.ToString(CultureInfo.InvariantCulture));
                writer.WriteField(problem.Column);
                writer.WriteField(problem.Reason);
                writer.WriteField(problem.Value);
                writer.EndRecord();
            }
        }

        if (data.Rows == 0)
        {
            throw new CliUserException(MonitorAnalysis.NoValidRowsMessage);
        }

        return data;
    }

    /// <summary>How many respondents were used and left out, and why (standard error).</summary>
    public static void Summarise(MonitorPlan plan, MonitorData data, CliConsole console)
    {
        var skipped = data.InvalidRows > 0
            ? $"{Count(data.InvalidRows)} invalid rows left out (listed in {plan.Request.SkipInvalid})"
            : "no invalid rows";
        console.Error.WriteLine($"konvooi monitor: {Count(data.Rows + data.InvalidRows)} rows read, {Count(data.Rows)} respondents used, {skipped}");
        // One line per number left out, naming its indicators in order (plain loops: this runs once and
        // LINQ's grouping over value tuples would be compiled at start-up only for it).
        var done = new bool[plan.Indicators.Count];
        for (var k = 0; k < done.Length; k++)
        {
            var missing = data.MissingPerIndicator[k];
            if (done[k] || missing == 0)
            {
                continue;
            }

            var names = new List<string>();
            for (var j = k; j < done.Length; j++)
            {
                if (!done[j] && data.MissingPerIndicator[j] == missing)
                {
                    done[j] = true;
                    names.Add(plan.Indicators[j].Name);
                }
            }

            console.Error.WriteLine(
                $"konvooi monitor: {Count(missing)} respondents left out of {string.Join(", ", names)}: too many missing answers for the score");
        }
    }

    public static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);

    public static double? Value(double x) => double.IsFinite(x) ? x : null;
}

/// <summary><c>konvooi monitor estimate</c>.</summary>
internal static class MonitorEstimate
{
    public static int Run(CliConsole console, MonitorRequest request, string ci, int minN, bool publication, string output)
    {
        var interval = ci.Trim().ToUpperInvariant() switch
        {
            "WALD" => IntervalMethod.Wald,
            "LOGIT" => IntervalMethod.Logit,
            _ => throw new CliUserException($"--ci: expected wald or logit (got '{ci}')"),
        };
        if (minN < 0)
        {
            throw new CliUserException($"--min-n: must be 0 or more (got '{MonitorRun.Count(minN)}')");
        }

        var plan = MonitorPlan.Create(request);
        PhaseClock.Mark("plan made");
        var data = MonitorRun.Read(plan, console, out var report);
        using var reportSpool = report;

        PhaseClock.Mark("input read");
        var result = MonitorAnalysis.Estimate(plan, data, interval, minN);
        result.ThrowIfFailed();
        PhaseClock.Mark("estimated");

        using var spool = new OutputSpool(output, console);
        using (var writer = new CsvWriter(spool.Stream))
        {
            writer.WriteField("table");
            foreach (var variable in result.ByVariables)
            {
                writer.WriteField(variable);
            }

            foreach (var column in new[] { "indicator", "n_unweighted", "sum_weight", "estimate", "se", "ci_low", "ci_high", "deff", "suppressed" })
            {
                writer.WriteField(column);
            }

            writer.EndRecord();
            foreach (var table in result.Tables)
            {
                var positions = new int[result.ByVariables.Count];
                for (var v = 0; v < positions.Length; v++)
                {
                    positions[v] = IndexOf(table.ByVariables, result.ByVariables[v]);
                }

                foreach (var e in table.Rows)
                {
                    writer.WriteField(table.Name);
                    foreach (var position in positions)
                    {
                        writer.WriteField(position >= 0 ? e.ByValues[position] : null);
                    }

                    var blank = e.IsBlanked(publication);
                    writer.WriteField(e.Indicator);
                    writer.WriteField(MonitorRun.Count(e.UnweightedCount));
                    writer.WriteField(e.WeightSum);
                    writer.WriteField(blank ? null : MonitorRun.Value(e.Estimate));
                    writer.WriteField(blank ? null : MonitorRun.Value(e.StandardError));
                    writer.WriteField(blank ? null : MonitorRun.Value(e.CiLow));
                    writer.WriteField(blank ? null : MonitorRun.Value(e.CiHigh));
                    writer.WriteField(blank ? null : MonitorRun.Value(e.DesignEffect));
                    writer.WriteField(e.Suppressed);
                    writer.EndRecord();
                }
            }
        }

        reportSpool?.Commit();
        spool.Commit();
        MonitorRun.Summarise(plan, data, console);
        PhaseClock.Mark("written");
        return ExitCodes.Success;
    }

    private static int IndexOf(IReadOnlyList<string> set, string variable)
    {
        for (var i = 0; i < set.Count; i++)
        {
            if (string.Equals(set[i], variable, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
