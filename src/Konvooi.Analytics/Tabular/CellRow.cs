using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Konvooi.Analytics.Tabular;

/// <summary>
/// One row of a typed table (XLSX, Parquet), reused from row to row: each field is UTF-8 text, and a
/// field stored as a number also keeps its value. Numbers are written as text in invariant culture,
/// shortest round-trip form (2022.0 as <c>2022</c>), so codes and grouping values read the same as in
/// a CSV file, while weights use the stored double without any text in between.
/// </summary>
internal sealed class CellRow
{
    private byte[] _bytes = new byte[1024];
    private int _used;
    private int[] _start = new int[32];
    private int[] _length = new int[32];
    private double[] _number = new double[32];
    private bool[] _isNumber = new bool[32];

    /// <summary>Number of fields of the row (fields never set are empty).</summary>
    public int FieldCount { get; private set; }

    /// <summary>The row's line number in problems.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Empties the row and sets its width and line number.</summary>
    public void Reset(int fieldCount, long lineNumber)
    {
        EnsureFields(fieldCount);
        Array.Clear(_length, 0, Math.Max(fieldCount, FieldCount));
        Array.Clear(_isNumber, 0, Math.Max(fieldCount, FieldCount));
        FieldCount = fieldCount;
        LineNumber = lineNumber;
        _used = 0;
    }

    /// <summary>Widens the row to at least <paramref name="fieldCount"/> fields (new fields are empty).</summary>
    public void Widen(int fieldCount)
    {
        if (fieldCount <= FieldCount)
        {
            return;
        }

        EnsureFields(fieldCount);
        Array.Clear(_length, FieldCount, fieldCount - FieldCount);
        Array.Clear(_isNumber, FieldCount, fieldCount - FieldCount);
        FieldCount = fieldCount;
    }

    public void SetText(int index, ReadOnlySpan<char> text)
    {
        var room = Room(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, room);
        Commit(index, written, double.NaN, isNumber: false);
    }

    public void SetUtf8(int index, ReadOnlySpan<byte> text)
    {
        text.CopyTo(Room(text.Length));
        Commit(index, text.Length, double.NaN, isNumber: false);
    }

    public void SetNumber(int index, double value)
    {
        var room = Room(32);
        if (!value.TryFormat(room, out var written, default, CultureInfo.InvariantCulture))
        {
            written = 0;
        }

        Commit(index, written, value, isNumber: true);
    }

    /// <summary>Sets a number with its own text (e.g. a float or decimal in its shortest form).</summary>
    public void SetNumberText(int index, ReadOnlySpan<byte> text, double value)
    {
        text.CopyTo(Room(text.Length));
        Commit(index, text.Length, value, isNumber: true);
    }

    public void SetInteger(int index, long value)
    {
        var room = Room(20);
        Utf8Formatter.TryFormat(value, room, out var written);
        Commit(index, written, value, isNumber: true);
    }

    public ReadOnlySpan<byte> GetFieldBytes(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, FieldCount);
        return _bytes.AsSpan(_start[index], _length[index]);
    }

    public bool TryGetNumber(int index, byte decimalSeparator, out double value)
    {
        if (index < FieldCount && _isNumber[index])
        {
            value = _number[index];
            return true;
        }

        return NumberParsing.TryParseDouble(GetFieldBytes(index), decimalSeparator, out value);
    }

    /// <summary>The field is empty (no cell, an empty string or a null).</summary>
    public bool IsEmpty(int index) => index >= FieldCount || _length[index] == 0;

    private Span<byte> Room(int size)
    {
        if (_used + size > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + size));
        }

        return _bytes.AsSpan(_used, size);
    }

    private void Commit(int index, int length, double number, bool isNumber)
    {
        Widen(index + 1);
        _start[index] = _used;
        _length[index] = length;
        _number[index] = number;
        _isNumber[index] = isNumber;
        _used += length;
    }

    private void EnsureFields(int count)
    {
        if (count <= _start.Length)
        {
            return;
        }

        var size = Math.Max(count, _start.Length * 2);
        Array.Resize(ref _start, size);
        Array.Resize(ref _length, size);
        Array.Resize(ref _number, size);
        Array.Resize(ref _isNumber, size);
    }
}
