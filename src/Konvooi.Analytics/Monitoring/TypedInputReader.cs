using System.Xml;
using Konvooi.Analytics.Tabular;

namespace Konvooi.Analytics.Monitoring;

/// <summary>
/// Reads survey microdata from XLSX (first or <c>--sheet</c> worksheet, first row with values = header)
/// or Parquet into <see cref="MonitorData"/>, one row at a time through the same
/// <see cref="ChunkAggregator"/> as CSV, so column mapping, codes, row checks and <c>--skip-invalid</c>
/// behave the same. Both formats need random access: the stream must be seekable (the CLI first copies
/// standard input to a temporary file).
/// </summary>
internal static class TypedInputReader
{
    /// <summary>Reads the workbook or Parquet file (by <see cref="MonitorPlan.Format"/>) in <paramref name="stream"/>.</summary>
    /// <param name="plan">The checked options.</param>
    /// <param name="stream">The input, seekable and positioned at its start; not closed.</param>
    /// <param name="name">The input's name in messages ("standard input" or the path).</param>
    /// <param name="progress">Called now and then with the position in the stream.</param>
    /// <exception cref="MonitorInputException">The file is not a readable workbook or Parquet file, or lacks a column.</exception>
    public static MonitorData Read(MonitorPlan plan, Stream stream, string name, Action<long> progress)
    {
        try
        {
            return plan.Format == InputFormat.Xlsx ? ReadXlsx(plan, stream, progress) : ReadParquet(plan, stream, progress);
        }
        catch (InputTooLargeException ex)
        {
            throw new MonitorInputException($"{name}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException)
        {
            var format = plan.Format == InputFormat.Xlsx ? "XLSX workbook" : "Parquet file";
            throw new MonitorInputException($"{name}: not a readable {format}: {ex.Message}", ex);
        }
        catch (XlsxSheetNotFoundException ex)
        {
            throw new MonitorInputException(
                $"--sheet: the workbook has no worksheet with this name; it has {string.Join(", ", ex.SheetNames.Select(s => $"'{s}'"))} (got '{ex.SheetName}')", ex);
        }
    }

    private static MonitorData ReadXlsx(MonitorPlan plan, Stream stream, Action<long> progress)
    {
        using var xlsx = XlsxReader.Open(stream, plan.Request.Sheet, plan.Request.Limits);
        var row = new CellRow();
        if (!xlsx.ReadRow(row, 0))
        {
            throw new MonitorInputException($"worksheet '{xlsx.SheetName}': the worksheet is empty, expected a header row");
        }

        var header = HeaderOf(row);
        var columns = Resolve(plan, header);
        var aggregator = new ChunkAggregator(plan, columns);
        var count = 0;
        while (xlsx.ReadRow(row, header.Length))
        {
            aggregator.Add(row);
            if ((++count & 0x3FFF) == 0)
            {
                progress(stream.Position);
            }
        }

        return MonitorReader.Collect([aggregator]);
    }

    private static MonitorData ReadParquet(MonitorPlan plan, Stream stream, Action<long> progress)
    {
        using var parquet = ParquetTableReader.Open(stream, plan.Request.Limits);
        var columns = Resolve(plan, [.. parquet.Header]);
        var unsupported = parquet.Select(columns.Used);
        if (unsupported.Count > 0)
        {
            throw new MonitorInputException([.. unsupported.Select(u => $"column {parquet.Header[u.Column]}: {u.Reason}")]);
        }

        var aggregator = new ChunkAggregator(plan, columns);
        var row = new CellRow();
        var count = 0;
        while (parquet.ReadRow(row))
        {
            aggregator.Add(row);
            if ((++count & 0x3FFF) == 0)
            {
                progress(stream.Position);
            }
        }

        return MonitorReader.Collect([aggregator]);
    }

    private static string[] HeaderOf(CellRow row)
    {
        var header = new string[row.FieldCount];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = TextDecoding.Decode(row.GetFieldBytes(i), TextEncoding.Utf8).Trim();
        }

        return header;
    }

    private static MonitorColumns Resolve(MonitorPlan plan, IReadOnlyList<string> header)
    {
        var (columns, problems) = MonitorColumns.Resolve(plan, header);
        return columns ?? throw new MonitorInputException(problems);
    }
}
