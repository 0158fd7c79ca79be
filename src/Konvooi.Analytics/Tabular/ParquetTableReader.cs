using System.Globalization;
using System.Text;
using Parquet;
using Parquet.Schema;

namespace Konvooi.Analytics.Tabular;

/// <summary>
/// Reads a Parquet file (Parquet.Net, fully managed) row group by row group: only the selected columns
/// are decoded, into arrays of one row group's length that are reused, so memory is bounded by the
/// largest row group, not by the file. Supported column types: signed and unsigned integers, float,
/// double, decimal, bool and string, required or nullable. A null is an empty field. The line number
/// of a row is its position in the file plus one, as if the file were CSV with a header line.
/// </summary>
internal sealed class ParquetTableReader : IDisposable
{
    private readonly ParquetReader _reader;
    private readonly Field[] _fields;
    private ColumnBuffer[] _selected = [];
    private int _group = -1;
    private int _rowsInGroup;
    private int _rowInGroup;
    private long _rowsBefore;

    private ParquetTableReader(ParquetReader reader)
    {
        _reader = reader;
        _fields = [.. reader.Schema.Fields];
        Header = [.. _fields.Select(f => f.Name)];
    }

    /// <summary>The top-level column names.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Opens a Parquet file; the stream must be seekable.</summary>
    /// <exception cref="InvalidDataException">Not a Parquet file, or a damaged one.</exception>
    /// <exception cref="InputTooLargeException">A column chunk or row group declares more than <paramref name="limits"/> allow.</exception>
    public static ParquetTableReader Open(Stream stream, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= InputLimits.Default;
        var reader = Guard(() => ParquetReader.CreateAsync(stream, leaveStreamOpen: true).GetAwaiter().GetResult());
        try
        {
            CheckSizes(reader, limits);
        }
        catch
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        return new ParquetTableReader(reader);
    }

    /// <summary>
    /// The sizes the footer declares, before any page is decompressed (issue #17, finding 11): each column chunk against
    /// the part and ratio caps, each row group (what is decoded at once) against the part cap, the file against the total.
    /// </summary>
    private static void CheckSizes(ParquetReader reader, InputLimits limits)
    {
        long total = 0;
        var groups = reader.Metadata?.RowGroups ?? [];
        for (var g = 0; g < groups.Count; g++)
        {
            long group = 0;
            foreach (var column in groups[g].Columns)
            {
                if (column.MetaData is { } meta)
                {
                    var name = string.Join('.', meta.PathInSchema ?? []);
                    limits.CheckPart(string.Create(CultureInfo.InvariantCulture, $"the column '{name}' of row group {g + 1}"), meta.TotalUncompressedSize, meta.TotalCompressedSize);
                    group += meta.TotalUncompressedSize;
                }
            }

            limits.CheckPart(string.Create(CultureInfo.InvariantCulture, $"row group {g + 1}"), group, long.MaxValue);
            total += group;
            if (total > limits.MaxTotalBytes)
            {
                throw new InputTooLargeException(string.Create(CultureInfo.InvariantCulture, $"refused: the row groups would unpack to more than {limits.MaxTotalBytes} bytes in all (the limit)"));
            }
        }
    }

    /// <summary>
    /// Chooses the columns to read; the others stay empty. Returns, per unsupported column, the column
    /// index and a reason.
    /// </summary>
    public IReadOnlyList<(int Column, string Reason)> Select(IEnumerable<int> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var problems = new List<(int, string)>();
        var selected = new List<ColumnBuffer>();
        foreach (var column in columns.Distinct().Order())
        {
            var buffer = _fields[column] is DataField { IsArray: false } field ? ColumnBuffer.For(field, column) : null;
            if (buffer is null)
            {
                problems.Add((column, $"the column type is not supported (use numbers, text or booleans) (got '{TypeName(_fields[column])}')"));
            }
            else
            {
                selected.Add(buffer);
            }
        }

        _selected = [.. selected];
        return problems;
    }

    /// <summary>Reads the next row into <paramref name="row"/>; false after the last row.</summary>
    /// <exception cref="InvalidDataException">The file is damaged.</exception>
    public bool ReadRow(CellRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        while (_rowInGroup >= _rowsInGroup)
        {
            if (_group + 1 >= _reader.RowGroupCount)
            {
                return false;
            }

            _rowsBefore += _rowsInGroup;
            _group++;
            LoadGroup(_group);
        }

        row.Reset(_fields.Length, _rowsBefore + _rowInGroup + 2);
        foreach (var column in _selected)
        {
            column.Fill(row, _rowInGroup);
        }

        _rowInGroup++;
        return true;
    }

    private void LoadGroup(int group)
    {
        using var rowGroup = Guard(() => _reader.OpenRowGroupReader(group));
        var count = rowGroup.RowCount;
        if (count > int.MaxValue)
        {
            throw new InvalidDataException($"row group {group.ToString(CultureInfo.InvariantCulture)} has more rows than can be read at once");
        }

        _rowsInGroup = (int)count;
        _rowInGroup = 0;
        foreach (var column in _selected)
        {
            Guard(() =>
            {
                column.Read(rowGroup, _rowsInGroup);
                return true;
            });
        }
    }

    private static string TypeName(Field field) => field switch
    {
        DataField { IsArray: true } => "list",
        DataField data => data.ClrType.IsGenericType
            ? $"{data.ClrType.Name[..data.ClrType.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", data.ClrType.GetGenericArguments().Select(a => a.Name))}>"
            : data.ClrType.Name,
        _ => field.SchemaType.ToString(),
    };

    /// <summary>Runs a Parquet.Net call; its failures on a damaged file become <see cref="InvalidDataException"/>.</summary>
    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or NotSupportedException or ArgumentException
            or IndexOutOfRangeException or OverflowException or FormatException or InvalidCastException or NullReferenceException)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    public void Dispose() => _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>One selected column: its values for the current row group.</summary>
    private abstract class ColumnBuffer(int column)
    {
        protected int Column { get; } = column;

        public static ColumnBuffer? For(DataField field, int column)
        {
            var type = field.ClrType;
            // Parquet.Net 6 describes UTF-8 columns as ReadOnlyMemory<char>; they are read as strings.
            return type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? new TextColumn(field, column)
                : type == typeof(bool) ? new ValueColumn<bool>(field, column, (row, i, v) => row.SetUtf8(i, v ? "true"u8 : "false"u8))
                : type == typeof(int) ? new ValueColumn<int>(field, column, (row, i, v) => row.SetInteger(i, v))
                : type == typeof(long) ? new ValueColumn<long>(field, column, (row, i, v) => row.SetInteger(i, v))
                : type == typeof(short) ? new ValueColumn<short>(field, column, (row, i, v) => row.SetInteger(i, v))
                : type == typeof(sbyte) ? new ValueColumn<sbyte>(field, column, (row, i, v) => row.SetInteger(i, v))
                : type == typeof(byte) ? new ValueColumn<byte>(field, column, (row, i, v) => row.SetInteger(i, v))
                : type == typeof(ushort) ? new ValueColumn<ushort>(field, column, (row, i, v) => row.SetInteger(i, v))
                : type == typeof(uint) ? new ValueColumn<uint>(field, column, (row, i, v) => row.SetInteger(i, v))
                : type == typeof(ulong) ? new ValueColumn<ulong>(field, column, (row, i, v) => row.SetFormatted(i, v, v))
                : type == typeof(double) ? new ValueColumn<double>(field, column, (row, i, v) => row.SetNumber(i, v))
                : type == typeof(float) ? new ValueColumn<float>(field, column, (row, i, v) => row.SetFormatted(i, v, v))
                : type == typeof(decimal) ? new ValueColumn<decimal>(field, column, (row, i, v) => row.SetFormatted(i, v, (double)v))
                : null;
        }

        public abstract void Read(ParquetRowGroupReader rowGroup, int rows);

        public abstract void Fill(CellRow row, int index);
    }

    private sealed class ValueColumn<T>(DataField field, int column, Action<CellRow, int, T> set) : ColumnBuffer(column)
        where T : struct
    {
        private T[] _values = [];
        private T?[] _nullable = [];

        public override void Read(ParquetRowGroupReader rowGroup, int rows)
        {
            if (field.IsNullable)
            {
                if (_nullable.Length < rows)
                {
                    _nullable = new T?[rows];
                }

                rowGroup.ReadAsync(field, _nullable.AsMemory(0, rows)).AsTask().GetAwaiter().GetResult();
            }
            else
            {
                if (_values.Length < rows)
                {
                    _values = new T[rows];
                }

                rowGroup.ReadAsync(field, _values.AsMemory(0, rows)).AsTask().GetAwaiter().GetResult();
            }
        }

        public override void Fill(CellRow row, int index)
        {
            if (!field.IsNullable)
            {
                set(row, Column, _values[index]);
            }
            else if (_nullable[index] is { } value)
            {
                set(row, Column, value);
            }
        }
    }

    private sealed class TextColumn(DataField field, int column) : ColumnBuffer(column)
    {
        private string?[] _values = [];

        public override void Read(ParquetRowGroupReader rowGroup, int rows)
        {
            if (_values.Length < rows)
            {
                _values = new string?[rows];
            }

            rowGroup.ReadAsync(field, _values.AsMemory(0, rows)).AsTask().GetAwaiter().GetResult();
        }

        public override void Fill(CellRow row, int index)
        {
            if (_values[index] is { Length: > 0 } text)
            {
                row.SetText(Column, text);
            }
        }
    }
}

/// <summary>Formatting helpers of <see cref="CellRow"/> for Parquet's value types.</summary>
internal static class CellRowFormatting
{
    /// <summary>Sets the field to <paramref name="value"/> in invariant, shortest form, with <paramref name="number"/> as its numeric value.</summary>
    public static void SetFormatted<T>(this CellRow row, int index, T value, double number)
        where T : IUtf8SpanFormattable
    {
        Span<byte> text = stackalloc byte[64];
        if (!value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture))
        {
            written = Encoding.UTF8.GetBytes(value.ToString() ?? string.Empty, text);
        }

        row.SetNumberText(index, text[..written], number);
    }
}
