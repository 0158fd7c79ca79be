using System.Globalization;
using System.Xml;
using Konvooi.Analytics.Monitoring;
using Konvooi.Analytics.Tabular;
using Konvooi.Domain.Statistics;
using Konvooi.Features.Monitor;

namespace Konvooi.Web.Pages.Monitor;

/// <summary>
/// The web's door to the monitor engine of <c>Konvooi.Analytics</c> (docs/monitor-web.md): reading an upload's header and
/// first rows, and running a <see cref="MonitorSettings"/> on a stored file through the same <see cref="MonitorPlan"/>,
/// readers and <see cref="DomainEstimator"/> as <c>konvooi monitor</c>, so both give the same numbers for the same file
/// (MonitorEngineTests compares them).
/// </summary>
public static class MonitorEngine
{
    /// <summary>The format of an upload by its name: csv, xlsx or parquet; null for a refused spreadsheet format.</summary>
    public static string? FormatOf(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        return extension switch
        {
            ".XLSX" or ".XLSM" => "xlsx",
            ".PARQUET" => "parquet",
            ".XLS" or ".XLSB" or ".ODS" => null,
            _ => "csv",
        };
    }

    /// <summary>
    /// Reads the header and the first <see cref="MonitorStore.PreviewRows"/> rows of an upload; the problems (Dutch) when it
    /// is not a table, or an XLSX file whose parts decompress to more than the limits allow (a zip bomb).
    /// </summary>
    public static (MonitorTableShape? Shape, IReadOnlyList<string> Problems) Inspect(string path, string format, MonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kind = format switch { "xlsx" => "geen leesbaar Excel-bestand (xlsx)", "parquet" => "geen leesbaar Parquet-bestand", _ => "geen leesbare tabel" };
        IReadOnlyList<string> notATable = [$"Het bestand is {kind}. Sla het op als CSV, XLSX of Parquet en probeer het opnieuw."];
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var inputFormat = format switch { "xlsx" => InputFormat.Xlsx, "parquet" => InputFormat.Parquet, _ => InputFormat.Csv };
            var preview = MonitorSource.Preview(stream, inputFormat, Path.GetFileName(path), maxRows: MonitorStore.PreviewRows, limits: Limits(options));
            var header = preview.Header;
            if (header.Count < 2 || header.Any(h => h.Length == 0 || h.Any(char.IsControl)))
            {
                return (null, ["Dit lijkt geen tabel: de eerste regel moet de namen van de kolommen geven, gescheiden door komma's, puntkomma's of tabs."]);
            }

            return (new MonitorTableShape(header, preview.Rows), []);
        }
        catch (MonitorInputException ex) when (ex.InnerException is InputTooLargeException)
        {
            return (null, ["Dit bestand pakt uit tot een veel groter bestand dan toegestaan. Sla het op als CSV en probeer het opnieuw."]);
        }
        catch (MonitorInputException ex) when (ex.Message.Contains("empty", StringComparison.Ordinal))
        {
            return (null, ["Het bestand is leeg. Een tabel begint met een regel met de namen van de kolommen."]);
        }
        catch (Exception ex) when (ex is MonitorInputException or InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException
            or InvalidOperationException or Parquet.ParquetException or OverflowException or IndexOutOfRangeException)
        {
            return (null, notATable);
        }
    }

    /// <summary>
    /// The shared caps of <see cref="InputLimits"/> (the CLI's too) with the totals and ratio from <c>Konvooi:Monitor</c>
    /// (issue #17, finding 11).
    /// </summary>
    internal static InputLimits Limits(MonitorOptions options) => InputLimits.Default with
    {
        MaxTotalBytes = options.MaxXlsxDecompressedBytes,
        MaxPartBytes = Math.Min(InputLimits.Default.MaxPartBytes, options.MaxXlsxDecompressedBytes),
        MaxCompressionRatio = options.MaxXlsxCompressionRatio,
    };

    /// <summary>The request the CLI would build from the same choices (docs/monitor.md, options).</summary>
    internal static MonitorRequest Request(MonitorSettings s, string path, string format) => new()
    {
        Input = path,
        Format = format,
        InstrumentId = s.Instrument,
        Items = s.Items.Count == 0 ? null : string.Join(',', s.Items),
        Codes = string.IsNullOrWhiteSpace(s.Codes) ? null : s.Codes,
        Weight = Blank(s.Weight),
        Strata = Blank(s.Strata),
        Psu = Blank(s.Psu),
        Fpc = Blank(s.Fpc),
        By = s.By,
        Indicators = s.Indicators,
        MaxMissing = s.MaxMissing,
        LonelyPsu = s.LonelyPsu,
        Decimal = s.DecimalSeparator,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// Every problem of the settings that can be found without reading the rows: the options (as the CLI checks them) and
    /// the columns they name against the file's header. Problems in the rows (a weight that is not a number, a stratum with
    /// one PSU) come from the run.
    /// </summary>
    public static IReadOnlyList<string> Validate(MonitorSettings settings, IReadOnlyList<string> header, string format)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        try
        {
            var plan = MonitorPlan.Create(Request(settings, "upload." + format, format));
            var (_, columnProblems) = MonitorColumns.Resolve(plan, header);
            problems.AddRange(columnProblems);
            if (settings.ContrastVariable is { Length: > 0 } variable
                && !plan.BySets.Any(set => string.Join(',', set) == settings.ContrastBy && set.Contains(variable)))
            {
                problems.Add($"--compare: {variable} is not one of the --by variables (got '{variable}={settings.ContrastA} vs {variable}={settings.ContrastB}')");
            }
        }
        catch (MonitorInputException ex)
        {
            problems.AddRange(ex.Message.Split('\n'));
        }

        return problems;
    }

    /// <summary>
    /// Runs the settings on the file at <paramref name="path"/> through the library's <see cref="MonitorAnalysis"/>, the
    /// same code as <c>konvooi monitor estimate</c> and <c>contrast</c>; the problems (as the CLI words them) when it cannot.
    /// The contrast's table is put first in the plan so that one read serves both; the tables keep the analyst's order.
    /// </summary>
    public static (MonitorResult? Result, IReadOnlyList<string> Problems) Run(MonitorSettings settings, string path, string format, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        if (settings.MinN < 0)
        {
            problems.Add($"--min-n: must be 0 or more (got '{settings.MinN.ToString(CultureInfo.InvariantCulture)}')");
        }

        var interval = settings.Ci == "logit" ? IntervalMethod.Logit : IntervalMethod.Wald;
        var by = settings.By.ToList();
        MonitorComparison? comparison = null;
        if (settings.ContrastVariable is { Length: > 0 } variable)
        {
            var contrastBy = settings.ContrastBy ?? variable;
            var text = $"{variable}={settings.ContrastA} vs {variable}={settings.ContrastB}";
            try
            {
                comparison = MonitorComparison.Parse([contrastBy], text, "difference");
                by.Remove(contrastBy);
                by.Insert(0, contrastBy);
            }
            catch (MonitorInputException ex)
            {
                problems.AddRange(ex.Message.Split('\n'));
            }
        }

        try
        {
            var plan = MonitorPlan.Create(Request(settings with { By = by }, path, format) with { Limits = limits ?? InputLimits.Default });
            if (problems.Count > 0)
            {
                return (null, problems);
            }

            var data = MonitorSource.ReadFile(plan, path);
            var invalid = MonitorAnalysis.InvalidRowMessages(data);
            if (invalid.Count > 0)
            {
                return (null, [.. invalid.Take(200), .. invalid.Count > 200 ? [invalid[^1]] : Array.Empty<string>()]);
            }

            if (data.Rows == 0)
            {
                return (null, [MonitorAnalysis.NoValidRowsMessage]);
            }

            var estimates = MonitorAnalysis.Estimate(plan, data, interval, settings.MinN);
            var contrast = comparison is null ? null : MonitorAnalysis.Contrast(plan, data, comparison);
            var lonely = estimates.LonelyStrata.Concat(contrast?.LonelyStrata ?? []).ToList();
            if (lonely.Count > 0)
            {
                return (null, MonitorAnalysis.LonelyPsuMessages(lonely));
            }

            var tables = estimates.Tables
                .Select(t => new MonitorTable(t.ByVariables, [.. t.Rows.Select(r => Row(r, settings.Publication))]))
                .OrderBy(t => settings.By.ToList().IndexOf(string.Join(',', t.Variables)))
                .ToList();
            return (new MonitorResult
            {
                RowsRead = data.Rows + data.InvalidRows,
                RowsUsed = data.Rows,
                MinN = settings.MinN,
                Publication = settings.Publication,
                Indicators = [.. plan.Indicators.Select(i => new MonitorIndicatorInfo(i.Name, i.IsProportion))],
                Tables = tables,
                Contrasts = contrast is null ? [] : [.. contrast.Rows.Select(c => new Features.Monitor.MonitorContrastRow(
                    c.OtherValues, c.Indicator, contrast.Comparison.KindText, Value(c.Estimate), Value(c.StandardError), Value(c.CiLow), Value(c.CiHigh), Value(c.PValue)))],
                ContrastText = contrast?.Comparison.Text,
                ContrastOtherVariables = contrast?.OtherVariables ?? [],
            }, []);
        }
        catch (MonitorInputException ex)
        {
            problems.AddRange(ex.Message.Split('\n'));
            return (null, problems);
        }
    }

    private static Features.Monitor.MonitorEstimateRow Row(Analytics.Monitoring.MonitorEstimateRow r, bool publication)
    {
        var blank = r.IsBlanked(publication);
        return new Features.Monitor.MonitorEstimateRow(
            r.ByValues, r.Indicator, r.UnweightedCount, r.WeightSum,
            blank ? null : Value(r.Estimate), blank ? null : Value(r.StandardError), blank ? null : Value(r.CiLow), blank ? null : Value(r.CiHigh),
            blank ? null : Value(r.DesignEffect), r.Suppressed);
    }

    private static double? Value(double x) => double.IsFinite(x) ? x : null;
}
