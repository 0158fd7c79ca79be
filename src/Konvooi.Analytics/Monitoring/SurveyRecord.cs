using System.Runtime.CompilerServices;
using Konvooi.Analytics.Tabular;

namespace Konvooi.Analytics.Monitoring;

/// <summary>
/// One input row as <see cref="ChunkAggregator"/> sees it, whatever the file format. Implemented by
/// structs only, so the aggregator's generic methods are compiled once per format and calls are inlined:
/// the CSV path costs the same as when it read <see cref="CsvReader"/> directly.
/// </summary>
internal interface ISurveyRecord
{
    /// <summary>Number of fields in the row.</summary>
    int FieldCount { get; }

    /// <summary>The line number reported in problems (CSV: physical line; XLSX: spreadsheet row).</summary>
    long LineNumber { get; }

    /// <summary>The row has a CSV quoting problem.</summary>
    bool HasQuoteProblem { get; }

    /// <summary>The field as UTF-8 (or the CSV file's) text; numbers of typed formats in invariant form.</summary>
    ReadOnlySpan<byte> GetFieldBytes(int index);

    /// <summary>
    /// The field as a number: a value stored as a number is used as is; text is parsed with
    /// <paramref name="decimalSeparator"/>.
    /// </summary>
    bool TryGetNumber(int index, byte decimalSeparator, out double value);
}

/// <summary>The current record of a <see cref="CsvReader"/>.</summary>
internal readonly struct CsvSurveyRecord(CsvReader reader) : ISurveyRecord
{
    public int FieldCount
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => reader.FieldCount;
    }

    public long LineNumber
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => reader.LineNumber;
    }

    public bool HasQuoteProblem
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => reader.HasQuoteProblem;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> GetFieldBytes(int index) => reader.GetFieldBytes(index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetNumber(int index, byte decimalSeparator, out double value) =>
        NumberParsing.TryParseDouble(reader.GetFieldBytes(index), decimalSeparator, out value);
}

/// <summary>The current row of an XLSX or Parquet reader.</summary>
internal readonly struct CellRowRecord(CellRow row) : ISurveyRecord
{
    public int FieldCount => row.FieldCount;

    public long LineNumber => row.LineNumber;

    public bool HasQuoteProblem => false;

    public ReadOnlySpan<byte> GetFieldBytes(int index) => row.GetFieldBytes(index);

    public bool TryGetNumber(int index, byte decimalSeparator, out double value) => row.TryGetNumber(index, decimalSeparator, out value);
}
