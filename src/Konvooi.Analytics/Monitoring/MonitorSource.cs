using System.Xml;
using Konvooi.Analytics.Tabular;

namespace Konvooi.Analytics.Monitoring;

/// <summary>The header and first rows of a survey file, as text, for a column-mapping screen.</summary>
/// <param name="Header">The column names (trimmed).</param>
/// <param name="Rows">Up to the requested number of rows; each has one value per header column.</param>
internal sealed record TablePreview(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Reading a survey file without the CLI: from a stream or a path, in the plan's format, with problems as
/// <see cref="MonitorInputException"/> messages; and a preview of the header and first rows.
/// </summary>
internal static class MonitorSource
{
    /// <summary>Reads CSV, XLSX or Parquet (by <see cref="MonitorPlan.Format"/>) from <paramref name="stream"/>.</summary>
    /// <param name="plan">The checked options.</param>
    /// <param name="stream">The input at its start; XLSX and Parquet need a seekable stream. Not closed.</param>
    /// <param name="name">The input's name in messages (a file name).</param>
    /// <param name="progress">Called now and then with the bytes read so far, or null.</param>
    /// <param name="phase">Called when a reading phase ends (CSV), or null.</param>
    /// <exception cref="MonitorInputException">The input is empty, unreadable or lacks a column.</exception>
    public static MonitorData Read(MonitorPlan plan, Stream stream, string name, Action<long>? progress = null, Action<string>? phase = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(stream);
        progress ??= _ => { };
        return plan.Format == InputFormat.Csv
            ? MonitorReader.Read(plan, stream, progress, phase)
            : TypedInputReader.Read(plan, stream, name, progress);
    }

    /// <summary>Reads the file at <paramref name="path"/>; a large CSV file is read in chunks on every core.</summary>
    /// <exception cref="MonitorInputException">The file does not exist, or as <see cref="Read(MonitorPlan, Stream, string, Action{long}?, Action{string}?)"/>.</exception>
    public static MonitorData ReadFile(MonitorPlan plan, string path, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new MonitorInputException($"--input: the file does not exist (got '{path}')", ex);
        }

        using (stream)
        {
            return Read(plan, stream, path, progress);
        }
    }

    /// <summary>
    /// The header and at most <paramref name="maxRows"/> rows of a CSV, XLSX or Parquet file. CSV: the
    /// delimiter is detected from the header unless given; text is decoded with <paramref name="encoding"/>.
    /// </summary>
    /// <exception cref="MonitorInputException">The input is empty or not a readable workbook or Parquet file.</exception>
    public static TablePreview Preview(
        Stream stream, InputFormat format, string name, string? sheet = null, byte? delimiter = null, TextEncoding encoding = TextEncoding.Auto, int maxRows = 20,
        InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        try
        {
            return format switch
            {
                InputFormat.Xlsx => PreviewXlsx(stream, sheet, maxRows, limits ?? InputLimits.Default),
                InputFormat.Parquet => PreviewParquet(stream, maxRows, limits ?? InputLimits.Default),
                _ => PreviewCsv(stream, delimiter, encoding, maxRows),
            };
        }
        catch (InputTooLargeException ex)
        {
            throw new MonitorInputException($"{name}: {ex.Message}", ex);
        }
        catch (Exception ex) when (format != InputFormat.Csv && ex is InvalidDataException or XmlException)
        {
            var kind = format == InputFormat.Xlsx ? "XLSX workbook" : "Parquet file";
            throw new MonitorInputException($"{name}: not a readable {kind}: {ex.Message}", ex);
        }
        catch (XlsxSheetNotFoundException ex)
        {
            throw new MonitorInputException(
                $"--sheet: the workbook has no worksheet with this name; it has {string.Join(", ", ex.SheetNames.Select(s => $"'{s}'"))} (got '{ex.SheetName}')", ex);
        }
    }

    private static TablePreview PreviewCsv(Stream stream, byte? delimiter, TextEncoding encoding, int maxRows)
    {
        var reader = new CsvReader(stream, new CsvReaderOptions { Delimiter = delimiter, CandidateDelimiters = [(byte)',', (byte)';', (byte)'\t'] }, leaveOpen: true);
        if (!reader.ReadRecord())
        {
            throw new MonitorInputException("line 1: the input is empty, expected a header line (got '')");
        }

        var header = new string[reader.FieldCount];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = TextDecoding.Decode(reader.GetFieldBytes(i), encoding).Trim();
        }

        var rows = new List<IReadOnlyList<string>>();
        while (rows.Count < maxRows && reader.ReadRecord())
        {
            var row = new string[header.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = i < reader.FieldCount ? TextDecoding.Decode(reader.GetFieldBytes(i), encoding).Trim() : string.Empty;
            }

            rows.Add(row);
        }

        return new TablePreview(header, rows);
    }

    private static TablePreview PreviewXlsx(Stream stream, string? sheet, int maxRows, InputLimits limits)
    {
        using var xlsx = XlsxReader.Open(stream, sheet, limits);
        var row = new CellRow();
        if (!xlsx.ReadRow(row, 0))
        {
            throw new MonitorInputException($"worksheet '{xlsx.SheetName}': the worksheet is empty, expected a header row");
        }

        var header = Texts(row, row.FieldCount);
        var rows = new List<IReadOnlyList<string>>();
        while (rows.Count < maxRows && xlsx.ReadRow(row, header.Length))
        {
            rows.Add(Texts(row, header.Length));
        }

        return new TablePreview(header, rows);
    }

    private static TablePreview PreviewParquet(Stream stream, int maxRows, InputLimits limits)
    {
        using var parquet = ParquetTableReader.Open(stream, limits);
        var header = parquet.Header.ToArray();
        var unsupported = parquet.Select(Enumerable.Range(0, header.Length));
        var shown = Enumerable.Range(0, header.Length).Where(c => unsupported.All(u => u.Column != c)).ToHashSet();
        if (shown.Count < header.Length)
        {
            // Columns of a type the monitor cannot use (dates, lists) are shown empty.
            parquet.Select(shown);
        }

        var row = new CellRow();
        var rows = new List<IReadOnlyList<string>>();
        while (rows.Count < maxRows && parquet.ReadRow(row))
        {
            var texts = Texts(row, header.Length);
            for (var c = 0; c < texts.Length; c++)
            {
                if (!shown.Contains(c))
                {
                    texts[c] = string.Empty;
                }
            }

            rows.Add(texts);
        }

        return new TablePreview(header, rows);
    }

    private static string[] Texts(CellRow row, int width)
    {
        var texts = new string[width];
        for (var i = 0; i < width; i++)
        {
            texts[i] = i < row.FieldCount ? TextDecoding.Decode(row.GetFieldBytes(i), TextEncoding.Utf8).Trim() : string.Empty;
        }

        return texts;
    }
}
