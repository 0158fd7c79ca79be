using System.Globalization;
using Konvooi.Analytics.Tabular;
using Konvooi.Domain.Monitoring;
using Konvooi.Domain.Questionnaires;
using Konvooi.Domain.Statistics;

namespace Konvooi.Analytics.Monitoring;

/// <summary>The options shared by <c>monitor estimate</c> and <c>monitor contrast</c>, as given.</summary>
internal sealed record MonitorRequest
{
    public required string Input { get; init; }

    /// <summary>The caps on what an XLSX or Parquet input may unpack to (issue #17, finding 11).</summary>
    public InputLimits Limits { get; init; } = InputLimits.Default;
    /// <summary>The instrument, or null/empty when every indicator reads input columns only.</summary>
    public string? InstrumentId { get; init; }
    public string? Items { get; init; }
    public string? Codes { get; init; }
    public string? Weight { get; init; }
    public string? Strata { get; init; }
    public string? Psu { get; init; }

    /// <summary>Column with the finite population correction: sampling fractions (≤ 1) or population sizes (&gt; 1).</summary>
    public string? Fpc { get; init; }

    /// <summary><c>--missing-codes</c> values, each <c>COLUMN=CODE,CODE…</c>: codes that mean missing in that column.</summary>
    public IReadOnlyList<string> MissingCodes { get; init; } = [];
    public required IReadOnlyList<string> By { get; init; }
    public required IReadOnlyList<string> Indicators { get; init; }
    public int? MaxMissing { get; init; }
    public int? SubscaleThreshold { get; init; }
    public string LonelyPsu { get; init; } = "fail";
    public string? Delimiter { get; init; }
    public string Encoding { get; init; } = "auto";
    public string Decimal { get; init; } = "point";
    public string? SkipInvalid { get; init; }
    public string? Format { get; init; }
    public string? Sheet { get; init; }
}

/// <summary>The input file format: by <c>--format</c>, else by the file's extension; standard input is CSV.</summary>
internal enum InputFormat
{
    Csv,
    Xlsx,
    Parquet,
}

/// <summary>
/// A checked <see cref="MonitorRequest"/>: the instrument, scorer settings, indicators, grouping sets
/// and design columns, with every option problem reported at once.
/// </summary>
internal sealed class MonitorPlan
{
    private MonitorPlan(
        MonitorRequest request,
        Instrument? instrument,
        ScoringSettings scoring,
        CodeMap? codes,
        IReadOnlyList<string> itemColumns,
        IReadOnlyList<MonitorIndicator> indicators,
        IReadOnlyList<IReadOnlyList<string>> bySets,
        LonelyPsuMode lonelyPsu,
        byte? delimiter,
        TextEncoding encoding,
        byte decimalSeparator,
        InputFormat format,
        ColumnInputs inputs,
        IReadOnlyDictionary<string, HashSet<string>> missingCodes)
    {
        Request = request;
        Inputs = inputs.Items;
        MissingCodes = missingCodes;
        ScoreColumnCount = instrument is null ? 0 : MonitorIndicators.ColumnsOf(instrument).Count;
        var usesColumns = new bool[indicators.Count];
        for (var k = 0; k < usesColumns.Length; k++)
        {
            usesColumns[k] = indicators[k].Expression.UsesPositionFrom(ScoreColumnCount);
        }

        IndicatorUsesColumns = usesColumns;
        Instrument = instrument;
        Scoring = scoring;
        Codes = codes;
        ItemColumns = itemColumns;
        Indicators = indicators;
        BySets = bySets;
        ByVariables = [.. bySets.SelectMany(s => s).Distinct(StringComparer.Ordinal)];
        LonelyPsu = lonelyPsu;
        Delimiter = delimiter;
        Encoding = encoding;
        DecimalSeparator = decimalSeparator;
        Format = format;
    }

    public MonitorRequest Request { get; }

    /// <summary>The instrument, or null when the indicators read input columns only.</summary>
    public Instrument? Instrument { get; }

    /// <summary>Values read from input columns, after the instrument's score columns in an indicator's value vector.</summary>
    public IReadOnlyList<ColumnInput> Inputs { get; }

    /// <summary>Number of score columns of the instrument (0 without one); input i is at this + i.</summary>
    public int ScoreColumnCount { get; }

    /// <summary>Per indicator: true when it reads an input column.</summary>
    public IReadOnlyList<bool> IndicatorUsesColumns { get; }

    /// <summary>Per column (as named in the options): the trimmed texts that mean missing.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> MissingCodes { get; }

    /// <summary>
    /// True when rows go through the general path: input columns, a finite population correction or no
    /// instrument (the fast path of plain CSV rows handles only answers and the design).
    /// </summary>
    public bool NeedsGeneralPath => Instrument is null || Inputs.Count > 0 || Request.Fpc is not null;

    public ScoringSettings Scoring { get; }

    public CodeMap? Codes { get; }

    public IReadOnlyList<string> ItemColumns { get; }

    public IReadOnlyList<MonitorIndicator> Indicators { get; }

    /// <summary>The <c>--by</c> sets in the order given; each is one output table.</summary>
    public IReadOnlyList<IReadOnlyList<string>> BySets { get; }

    /// <summary>Every grouping variable of any set, in order of first appearance.</summary>
    public IReadOnlyList<string> ByVariables { get; }

    public LonelyPsuMode LonelyPsu { get; }

    public byte? Delimiter { get; }

    public TextEncoding Encoding { get; }

    public byte DecimalSeparator { get; }

    public InputFormat Format { get; }

    public bool IsClustered => Request.Psu is not null;

    /// <summary>Positions in <see cref="ByVariables"/> of the variables of one set.</summary>
    public int[] ByIndexes(IReadOnlyList<string> set) =>
        [.. set.Select(v => ByVariables.ToList().IndexOf(v))];

    /// <exception cref="MonitorInputException">One or more options are wrong; every problem is listed.</exception>
    public static MonitorPlan Create(MonitorRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        Instrument? instrument = null;
        if (!string.IsNullOrWhiteSpace(request.InstrumentId))
        {
            instrument = Instruments.Find(request.InstrumentId.Trim());
            if (instrument is null)
            {
                throw new MonitorInputException(
                    $"--instrument: unknown instrument, expected one of {string.Join(", ", Instruments.All.Select(i => i.Id))} (got '{request.InstrumentId}')");
            }
        }

        var scoring = new ScoringSettings { MaxMissingItems = request.MaxMissing, SubscaleThreshold = request.SubscaleThreshold };
        CodeMap? codes = null;
        string[] itemColumns = [];
        if (instrument is not null)
        {
            foreach (var error in instrument.Validate(scoring))
            {
                var (option, value) = error.Code.StartsWith("max_missing", StringComparison.Ordinal)
                    ? ("--max-missing", request.MaxMissing)
                    : ("--subscale-threshold", request.SubscaleThreshold);
                problems.Add($"{option}: {error.Message} (got '{value?.ToString(CultureInfo.InvariantCulture)}')");
            }

            if (request.Codes is not null)
            {
                var (map, errors) = CodeMap.Parse(request.Codes, instrument);
                problems.AddRange(errors.Select(e => $"--codes: {e.Message}"));
                codes = map;
            }

            itemColumns = ItemColumnsOf(request, instrument, problems);
        }
        else
        {
            foreach (var (option, given) in new[]
            {
                ("--items", request.Items), ("--codes", request.Codes),
                ("--max-missing", request.MaxMissing?.ToString(CultureInfo.InvariantCulture)),
                ("--subscale-threshold", request.SubscaleThreshold?.ToString(CultureInfo.InvariantCulture)),
            })
            {
                if (given is not null)
                {
                    problems.Add($"{option}: only with --instrument (got '{given}')");
                }
            }
        }

        var inputs = new ColumnInputs();
        var (indicators, indicatorErrors) = MonitorIndicators.Parse(request.Indicators, instrument, inputs);
        problems.AddRange(indicatorErrors.Select(e => $"--indicator: {e.Message}"));
        if (request.Indicators.Count == 0)
        {
            problems.Add(instrument is null
                ? "--indicator: give at least one, e.g. --indicator mean_age=age or --indicator old=age>=75"
                : $"--indicator: give at least one, e.g. {string.Join(", ", MonitorIndicators.BuiltInsOf(instrument).Select(b => b.Name))}");
        }

        var missingCodes = MissingCodesOf(request.MissingCodes, problems);
        foreach (var column in missingCodes.Keys)
        {
            if (!inputs.Items.Any(i => string.Equals(i.Column, column, StringComparison.Ordinal)))
            {
                problems.Add($"--missing-codes: no indicator reads the column {column}; missing codes apply to the columns the indicators name (got '{column}')");
            }
        }
        if (request.Fpc is { } fpc && fpc.Trim().Length == 0)
        {
            problems.Add("--fpc: the column name is empty (got '')");
        }

        var bySets = new List<IReadOnlyList<string>>();
        foreach (var by in request.By)
        {
            var set = by.Split(',').Select(v => v.Trim()).ToArray();
            if (set.Any(v => v.Length == 0))
            {
                problems.Add($"--by: a column name is empty (got '{by}')");
            }
            else if (set.Distinct(StringComparer.Ordinal).Count() != set.Length)
            {
                problems.Add($"--by: a column is listed twice (got '{by}')");
            }
            else if (bySets.Any(s => s.SequenceEqual(set, StringComparer.Ordinal)))
            {
                problems.Add($"--by: the same set is given twice (got '{by}')");
            }
            else
            {
                bySets.Add(set);
            }
        }

        if (request.By.Count == 0)
        {
            // Without --by: one table of the whole sample, named "all".
            bySets.Add([]);
        }

        var lonelyPsu = LonelyPsuMode.Fail;
        if (!Enum.TryParse(request.LonelyPsu.Trim(), ignoreCase: true, out lonelyPsu) || !Enum.IsDefined(lonelyPsu)
            || request.LonelyPsu.Trim().Any(char.IsDigit))
        {
            problems.Add($"--lonely-psu: expected fail, remove, certainty, adjust or average (got '{request.LonelyPsu}')");
        }

        byte? delimiter = request.Delimiter switch
        {
            null => null,
            "," or "comma" => (byte)',',
            ";" or "semicolon" => (byte)';',
            "\t" or "tab" or "\\t" => (byte)'\t',
            _ => Problem<byte?>(problems, $"--delimiter: expected ',', ';' or tab (got '{request.Delimiter}')"),
        };

        if (!TextDecoding.TryParse(request.Encoding, out var encoding))
        {
            problems.Add($"--encoding: expected auto, utf-8 or windows-1252 (got '{request.Encoding}')");
        }

        var decimalSeparator = request.Decimal.Trim().ToUpperInvariant() switch
        {
            "POINT" or "." => (byte)'.',
            "COMMA" or "," => (byte)',',
            _ => Problem<byte>(problems, $"--decimal: expected point or comma (got '{request.Decimal}')"),
        };

        var format = FormatOf(request, problems);

        if (problems.Count > 0)
        {
            throw new MonitorInputException(problems);
        }

        return new MonitorPlan(
            request, instrument, scoring, codes, itemColumns, indicators, bySets, lonelyPsu, delimiter, encoding, decimalSeparator, format, inputs, missingCodes);
    }

    /// <summary>
    /// <c>--format</c> when given; otherwise <c>.xlsx</c> (and <c>.xlsm</c>) and <c>.parquet</c> files by their extension and
    /// everything else (<c>.csv</c>, <c>.tsv</c>, <c>.txt</c>, standard input) as CSV. CSV-only options
    /// with another format are problems.
    /// </summary>
    private static InputFormat FormatOf(MonitorRequest request, List<string> problems)
    {
        var format = InputFormat.Csv;
        if (request.Format is { } given)
        {
            switch (given.Trim().ToUpperInvariant())
            {
                case "CSV":
                    format = InputFormat.Csv;
                    break;
                case "XLSX":
                    format = InputFormat.Xlsx;
                    break;
                case "PARQUET":
                    format = InputFormat.Parquet;
                    break;
                default:
                    problems.Add($"--format: expected csv, xlsx or parquet (got '{given}')");
                    return format;
            }
        }
        else if (request.Input != "-")
        {
            var extension = Path.GetExtension(request.Input);
            if (string.Equals(extension, ".xlsx", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, ".xlsm", StringComparison.OrdinalIgnoreCase))
            {
                format = InputFormat.Xlsx;
            }
            else if (string.Equals(extension, ".parquet", StringComparison.OrdinalIgnoreCase))
            {
                format = InputFormat.Parquet;
            }
            else if (extension.ToUpperInvariant() is ".XLS" or ".XLSB" or ".ODS")
            {
                problems.Add($"--input: this spreadsheet format cannot be read; save it as .xlsx or CSV (got '{request.Input}')");
                return format;
            }
        }

        if (format == InputFormat.Csv)
        {
            if (request.Sheet is not null)
            {
                problems.Add($"--sheet: only for XLSX input; this input is read as CSV (got '{request.Sheet}')");
            }

            return format;
        }

        var name = format == InputFormat.Xlsx ? "XLSX" : "Parquet";
        if (request.Delimiter is not null)
        {
            problems.Add($"--delimiter: only for CSV input; this input is read as {name} (got '{request.Delimiter}')");
        }

        if (!string.Equals(request.Encoding.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"--encoding: only for CSV input; {name} text is always Unicode (got '{request.Encoding}')");
        }

        if (format == InputFormat.Parquet && request.Sheet is not null)
        {
            problems.Add($"--sheet: only for XLSX input; this input is read as Parquet (got '{request.Sheet}')");
        }

        return format;
    }

    private static T Problem<T>(List<string> problems, string message)
    {
        problems.Add(message);
        return default!; // Only reached when the plan is rejected: the value is never used.
    }

    /// <summary>
    /// <c>--missing-codes COLUMN=CODE,CODE…</c>, repeatable; the same column twice adds its codes. Codes are
    /// compared with the trimmed field text.
    /// </summary>
    private static Dictionary<string, HashSet<string>> MissingCodesOf(IReadOnlyList<string> specs, List<string> problems)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            var column = equals > 0 ? spec[..equals].Trim() : string.Empty;
            var codes = equals > 0 ? spec[(equals + 1)..].Split(',').Select(c => c.Trim()).ToArray() : [];
            if (column.Length == 0 || codes.Length == 0 || codes.Any(c => c.Length == 0))
            {
                problems.Add($"--missing-codes: expected COLUMN=CODE,CODE…, e.g. income=98,99 (got '{spec}')");
                continue;
            }

            if (!result.TryGetValue(column, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                result.Add(column, set);
            }

            set.UnionWith(codes);
        }

        return result;
    }

    /// <summary>The answer columns assumed without <c>--items</c>: <c>item1…itemN</c> in the instrument's item order.</summary>
    public static string[] DefaultItemColumns(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return [.. Enumerable.Range(1, instrument.Items.Count).Select(n => "item" + n.ToString(CultureInfo.InvariantCulture))];
    }

    private static string[] ItemColumnsOf(MonitorRequest request, Instrument instrument, List<string> problems)
    {
        var count = instrument.Items.Count;
        if (request.Items is null)
        {
            return DefaultItemColumns(instrument);
        }

        var given = request.Items.Split(',').Select(c => c.Trim()).ToArray();
        var countText = count.ToString(CultureInfo.InvariantCulture);
        if (given.Length != count)
        {
            problems.Add($"--items: {instrument.Id} has {countText} items, so give {countText} columns (got '{request.Items}')");
        }
        else if (given.Any(c => c.Length == 0))
        {
            problems.Add($"--items: a column name is empty (got '{request.Items}')");
        }
        else if (given.Distinct(StringComparer.Ordinal).Count() != given.Length)
        {
            problems.Add($"--items: a column is listed twice (got '{request.Items}')");
        }

        return given;
    }
}
