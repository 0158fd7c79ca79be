using System.Globalization;
using System.IO.Compression;
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
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            return format switch
            {
                "xlsx" => InspectXlsx(stream, options),
                "parquet" => InspectParquet(stream),
                _ => InspectCsv(stream),
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException or InvalidOperationException
            or XlsxSheetNotFoundException or Parquet.ParquetException or OverflowException or IndexOutOfRangeException)
        {
            var name = format switch { "xlsx" => "geen leesbaar Excel-bestand (xlsx)", "parquet" => "geen leesbaar Parquet-bestand", _ => "geen leesbare tabel" };
            return (null, [$"Het bestand is {name}. Sla het op als CSV, XLSX of Parquet en probeer het opnieuw."]);
        }
    }

    private static (MonitorTableShape?, IReadOnlyList<string>) InspectCsv(Stream stream)
    {
        using var reader = new CsvReader(stream, new CsvReaderOptions { CandidateDelimiters = [(byte)',', (byte)';', (byte)'\t'] }, leaveOpen: true);
        if (!reader.ReadRecord())
        {
            return (null, ["Het bestand is leeg. Een tabel begint met een kopregel met de namen van de kolommen."]);
        }

        var header = Fields(reader.FieldCount, reader.GetFieldBytes);
        if (header.Length < 2 || header.Any(h => h.Length == 0) || header.Any(h => h.Any(char.IsControl)))
        {
            return (null, ["Dit lijkt geen tabel: de eerste regel moet de namen van de kolommen geven, gescheiden door komma's, puntkomma's of tabs."]);
        }

        var rows = new List<IReadOnlyList<string>>();
        while (rows.Count < MonitorStore.PreviewRows && reader.ReadRecord())
        {
            rows.Add(Fields(reader.FieldCount, reader.GetFieldBytes));
        }

        return (new MonitorTableShape(header, rows), []);
    }

    private delegate ReadOnlySpan<byte> FieldBytes(int index);

    private static string[] Fields(int count, FieldBytes bytes)
    {
        var fields = new string[count];
        for (var i = 0; i < count; i++)
        {
            fields[i] = TextDecoding.Decode(bytes(i), TextEncoding.Auto).Trim();
        }

        return fields;
    }

    private static (MonitorTableShape?, IReadOnlyList<string>) InspectXlsx(Stream stream, MonitorOptions options)
    {
        // XlsxReader reads the parts as streams but has no limit of its own on what they decompress to: check the
        // sizes and ratios the archive declares first (.NET's zip reader does not return more than an entry declares).
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var ratio = entry.CompressedLength == 0 ? (entry.Length == 0 ? 0 : double.PositiveInfinity) : (double)entry.Length / entry.CompressedLength;
                if (total > options.MaxXlsxDecompressedBytes || (entry.Length > 1 << 20 && ratio > options.MaxXlsxCompressionRatio))
                {
                    return (null, ["Dit Excel-bestand pakt uit tot een veel groter bestand dan toegestaan. Sla het op als CSV en probeer het opnieuw."]);
                }
            }
        }

        stream.Position = 0;
        using var xlsx = XlsxReader.Open(stream, null);
        var row = new CellRow();
        if (!xlsx.ReadRow(row, 0))
        {
            return (null, ["Het eerste werkblad is leeg. Een tabel begint met een rij met de namen van de kolommen."]);
        }

        var header = Fields(row.FieldCount, row.GetFieldBytes);
        var rows = new List<IReadOnlyList<string>>();
        while (rows.Count < MonitorStore.PreviewRows && xlsx.ReadRow(row, header.Length))
        {
            rows.Add(Fields(row.FieldCount, row.GetFieldBytes));
        }

        return (new MonitorTableShape(header, rows), []);
    }

    private static (MonitorTableShape?, IReadOnlyList<string>) InspectParquet(Stream stream)
    {
        using var parquet = ParquetTableReader.Open(stream);
        var header = parquet.Header.ToArray();
        var supported = parquet.Select(Enumerable.Range(0, header.Length));
        var rows = new List<IReadOnlyList<string>>();
        if (supported.Count == 0)
        {
            var row = new CellRow();
            while (rows.Count < MonitorStore.PreviewRows && parquet.ReadRow(row))
            {
                rows.Add(Fields(row.FieldCount, row.GetFieldBytes));
            }
        }

        return (new MonitorTableShape(header, rows), []);
    }

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

        if (!string.IsNullOrWhiteSpace(settings.Fpc))
        {
            problems.Add("--fpc: the finite population correction is not available in this version of the engine");
        }

        return problems;
    }

    /// <summary>Runs the settings on the file at <paramref name="path"/>; the problems (as the CLI words them) when it cannot.</summary>
    public static (MonitorResult? Result, IReadOnlyList<string> Problems) Run(MonitorSettings settings, string path, string format)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(settings.Fpc))
        {
            problems.Add("--fpc: the finite population correction is not available in this version of the engine");
        }

        if (settings.MinN < 0)
        {
            problems.Add($"--min-n: must be 0 or more (got '{settings.MinN.ToString(CultureInfo.InvariantCulture)}')");
        }

        var interval = settings.Ci == "logit" ? IntervalMethod.Logit : IntervalMethod.Wald;
        MonitorPlan plan;
        try
        {
            plan = MonitorPlan.Create(Request(settings, path, format));
        }
        catch (MonitorInputException ex)
        {
            problems.AddRange(ex.Message.Split('\n'));
            return (null, problems);
        }

        var contrastSet = -1;
        if (settings.ContrastVariable is { Length: > 0 } variable)
        {
            contrastSet = Enumerable.Range(0, plan.BySets.Count).FirstOrDefault(i => string.Join(',', plan.BySets[i]) == (settings.ContrastBy ?? variable), -1);
            if (contrastSet < 0 || !plan.BySets[contrastSet].Contains(variable))
            {
                problems.Add($"--compare: {variable} is not one of the --by variables (got '{variable}={settings.ContrastA} vs {variable}={settings.ContrastB}')");
            }
            else if (string.Equals(settings.ContrastA, settings.ContrastB, StringComparison.Ordinal))
            {
                problems.Add($"--compare: the two values must differ (got '{variable}={settings.ContrastA} vs {variable}={settings.ContrastB}')");
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        MonitorData data;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            data = plan.Format == InputFormat.Csv
                ? MonitorReader.Read(plan, stream, _ => { })
                : TypedInputReader.Read(plan, stream, Path.GetFileName(path), _ => { });
        }
        catch (MonitorInputException ex)
        {
            return (null, ex.Message.Split('\n'));
        }

        if (data.Problems.Count > 0)
        {
            var lines = data.Problems.Take(200).Select(p => p.ToString()).ToList();
            lines.Add($"konvooi monitor: {data.InvalidRows.ToString(CultureInfo.InvariantCulture)} invalid rows, nothing written");
            return (null, lines);
        }

        if (data.Rows == 0)
        {
            return (null, ["konvooi monitor: the input has no valid rows, so there is nothing to estimate"]);
        }

        var isProportion = plan.Indicators.Select(i => i.IsProportion).ToArray();
        var tables = new List<MonitorTable>();
        var lonely = new List<string>();
        foreach (var set in plan.BySets)
        {
            switch (DomainEstimator.Estimate(data.Aggregates, new EstimateRequest(plan.ByIndexes(set), isProportion, plan.LonelyPsu, interval)))
            {
                case EstimationOutcome<DomainEstimate>.Estimated estimated:
                    tables.Add(new MonitorTable(set, [.. estimated.Estimates.Select(e => Row(plan, e, settings))]));
                    break;
                case EstimationOutcome<DomainEstimate>.LonelyPsu failed:
                    lonely.AddRange(failed.Strata);
                    break;
            }
        }

        var contrasts = new List<MonitorContrastRow>();
        IReadOnlyList<string> others = [];
        string? contrastText = null;
        if (contrastSet >= 0 && lonely.Count == 0)
        {
            var set = plan.BySets[contrastSet];
            var byIndexes = plan.ByIndexes(set);
            var position = set.ToList().IndexOf(settings.ContrastVariable!);
            var present = Enumerable.Range(0, data.Aggregates.CellCount)
                .Select(c => data.Aggregates.CellValues(c)[byIndexes[position]]).ToHashSet(StringComparer.Ordinal);
            contrastText = $"{settings.ContrastVariable}={settings.ContrastA} vs {settings.ContrastVariable}={settings.ContrastB}";
            foreach (var value in new[] { settings.ContrastA ?? string.Empty, settings.ContrastB ?? string.Empty }.Where(v => !present.Contains(v)))
            {
                problems.Add($"--compare: {settings.ContrastVariable} has no respondents with the value '{value}' (got '{contrastText}')");
            }

            if (problems.Count > 0)
            {
                return (null, problems);
            }

            switch (DomainEstimator.Contrast(data.Aggregates, byIndexes, position, settings.ContrastA!, settings.ContrastB!, ContrastKind.Difference, plan.LonelyPsu))
            {
                case EstimationOutcome<ContrastEstimate>.Estimated estimated:
                    contrasts.AddRange(estimated.Estimates.Select(c => new MonitorContrastRow(
                        c.OtherValues, plan.Indicators[c.Indicator].Name, "difference", Value(c.Estimate), Value(c.StandardError), Value(c.CiLow), Value(c.CiHigh), Value(c.PValue))));
                    break;
                case EstimationOutcome<ContrastEstimate>.LonelyPsu failed:
                    lonely.AddRange(failed.Strata);
                    break;
            }

            others = [.. set.Where(v => v != settings.ContrastVariable)];
        }

        if (lonely.Count > 0)
        {
            return (null, [.. lonely.Distinct(StringComparer.Ordinal).Select(s =>
                $"--lonely-psu: stratum {s} has only one PSU, so its variance cannot be estimated; choose remove, certainty, adjust or average (got 'fail')")]);
        }

        return (new MonitorResult
        {
            RowsRead = data.Rows + data.InvalidRows,
            RowsUsed = data.Rows,
            MinN = settings.MinN,
            Publication = settings.Publication,
            Indicators = [.. plan.Indicators.Select(i => new MonitorIndicatorInfo(i.Name, i.IsProportion))],
            Tables = tables,
            Contrasts = contrasts,
            ContrastText = contrastText,
            ContrastOtherVariables = others,
        }, []);
    }

    private static MonitorEstimateRow Row(MonitorPlan plan, DomainEstimate e, MonitorSettings settings)
    {
        var suppressed = e.UnweightedCount < settings.MinN;
        var blank = suppressed && settings.Publication;
        return new MonitorEstimateRow(
            e.ByValues, plan.Indicators[e.Indicator].Name, e.UnweightedCount, e.WeightSum,
            blank ? null : Value(e.Estimate), blank ? null : Value(e.StandardError), blank ? null : Value(e.CiLow), blank ? null : Value(e.CiHigh),
            blank ? null : Value(e.DesignEffect), suppressed);
    }

    private static double? Value(double x) => double.IsFinite(x) ? x : null;
}
