using System.Text.RegularExpressions;
using Konvooi.Cli.Common;
using Konvooi.Analytics.Monitoring;
using Konvooi.Analytics.Tabular;
using Konvooi.Domain.Statistics;

namespace Konvooi.Cli.Monitoring;

/// <summary><c>konvooi monitor contrast</c>.</summary>
internal static partial class MonitorContrast
{
    public static int Run(CliConsole console, MonitorRequest request, string compare, string kind, string output)
    {
        var problems = new List<string>();
        var contrastKind = kind.Trim().ToUpperInvariant() switch
        {
            "DIFFERENCE" => ContrastKind.Difference,
            "RATIO" => ContrastKind.Ratio,
            _ => Fail(problems, $"--kind: expected difference or ratio (got '{kind}')"),
        };
        if (request.By.Count != 1)
        {
            problems.Add($"--by: a contrast takes one grouping set, e.g. --by wave,age_group (got {MonitorRun.Count(request.By.Count)})");
        }

        var sides = Versus().Split(compare.Trim());
        string variable = string.Empty, valueA = string.Empty, valueB = string.Empty;
        if (sides.Length != 2 || sides.Any(s => s.IndexOf('=', StringComparison.Ordinal) <= 0))
        {
            problems.Add($"--compare: expected \"VAR=A vs VAR=B\" (got '{compare}')");
        }
        else
        {
            var (varA, a) = Side(sides[0]);
            var (varB, b) = Side(sides[1]);
            if (!string.Equals(varA, varB, StringComparison.Ordinal))
            {
                problems.Add($"--compare: both sides must name the same grouping variable (got '{compare}')");
            }
            else if (string.Equals(a, b, StringComparison.Ordinal))
            {
                problems.Add($"--compare: the two values must differ (got '{compare}')");
            }
            else if (request.By.Count == 1 && !request.By[0].Split(',').Select(v => v.Trim()).Contains(varA, StringComparer.Ordinal))
            {
                problems.Add($"--compare: {varA} is not one of the --by variables (got '{compare}')");
            }

            (variable, valueA, valueB) = (varA, a, b);
        }

        if (problems.Count > 0)
        {
            throw new CliUserException(problems);
        }

        var plan = MonitorPlan.Create(request);
        var data = MonitorRun.Read(plan, console, out var report);
        using var reportSpool = report;

        var set = plan.BySets[0];
        var byIndexes = plan.ByIndexes(set);
        var position = Array.IndexOf([.. set], variable);
        var present = Enumerable.Range(0, data.Aggregates.CellCount)
            .Select(c => data.Aggregates.CellValues(c)[byIndexes[position]])
            .ToHashSet(StringComparer.Ordinal);
        var absent = new[] { valueA, valueB }.Where(v => !present.Contains(v))
            .Select(v => $"--compare: {variable} has no respondents with the value '{v}' (got '{compare}')")
            .ToList();
        if (absent.Count > 0)
        {
            throw new CliUserException(absent);
        }

        var outcome = DomainEstimator.Contrast(data.Aggregates, byIndexes, position, valueA, valueB, contrastKind, plan.LonelyPsu);
        if (outcome is EstimationOutcome<ContrastEstimate>.LonelyPsu lonely)
        {
            MonitorRun.ThrowIfLonely(lonely.Strata);
        }

        var contrasts = ((EstimationOutcome<ContrastEstimate>.Estimated)outcome).Estimates;
        var others = set.Where(v => !string.Equals(v, variable, StringComparison.Ordinal)).ToArray();
        using var spool = new OutputSpool(output, console);
        using (var writer = new CsvWriter(spool.Stream))
        {
            writer.WriteField("table");
            foreach (var other in others)
            {
                writer.WriteField(other);
            }

            foreach (var column in new[] { "indicator", "contrast", "kind", "estimate", "se", "ci_low", "ci_high", "p_value" })
            {
                writer.WriteField(column);
            }

            writer.EndRecord();
            var table = string.Join('+', set);
            var kindText = contrastKind == ContrastKind.Difference ? "difference" : "ratio";
            foreach (var c in contrasts)
            {
                writer.WriteField(table);
                foreach (var value in c.OtherValues)
                {
                    writer.WriteField(value);
                }

                writer.WriteField(plan.Indicators[c.Indicator].Name);
                writer.WriteField(compare.Trim());
                writer.WriteField(kindText);
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

    private static (string Variable, string Value) Side(string side)
    {
        var equals = side.IndexOf('=', StringComparison.Ordinal);
        return (side[..equals].Trim(), side[(equals + 1)..].Trim());
    }

    private static ContrastKind Fail(List<string> problems, string message)
    {
        problems.Add(message);
        return ContrastKind.Difference;
    }

    [GeneratedRegex(@"\s+vs\.?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Versus();
}
