using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Konvooi.Analytics.Tabular;

/// <summary>
/// The fast path of <see cref="CsvReader"/>: a record without quotes whose line end is already in the
/// buffer is split in one vectorised pass that finds the delimiters, the line end and any quote
/// 32 bytes at a time. Anything else (a quote, a record cut by the buffer end, the last line without a
/// line end) goes through the general parser, so both paths give the same fields.
/// </summary>
public sealed partial class CsvReader
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParseUnquotedRecord()
    {
        var data = _buffer;
        var end = _end;
        var fieldStart = _start;
        var fields = 0;
        var i = _start;
        if (Vector256.IsHardwareAccelerated)
        {
            var delimiters = Vector256.Create(Delimiter);
            var lineFeeds = Vector256.Create(LineFeed);
            var quotes = Vector256.Create(Quote);
            ref var origin = ref data[0];
            while (i + Vector256<byte>.Count <= end)
            {
                var block = Vector256.LoadUnsafe(ref origin, (nuint)i);
                var quoteBits = Vector256.Equals(block, quotes).ExtractMostSignificantBits();
                var lineBits = Vector256.Equals(block, lineFeeds).ExtractMostSignificantBits();
                var delimiterBits = Vector256.Equals(block, delimiters).ExtractMostSignificantBits();
                var before = lineBits == 0 ? uint.MaxValue : (1u << BitOperations.TrailingZeroCount(lineBits)) - 1;
                if ((quoteBits & before) != 0)
                {
                    return false;
                }

                delimiterBits &= before;
                while (delimiterBits != 0)
                {
                    var at = i + BitOperations.TrailingZeroCount(delimiterBits);
                    AddFastField(ref fields, fieldStart, at);
                    fieldStart = at + 1;
                    delimiterBits &= delimiterBits - 1;
                }

                if (lineBits != 0)
                {
                    FinishFastRecord(fields, fieldStart, i + BitOperations.TrailingZeroCount(lineBits));
                    return true;
                }

                i += Vector256<byte>.Count;
            }
        }

        for (; i < end; i++)
        {
            var b = data[i];
            if (b == Quote)
            {
                return false;
            }

            if (b == LineFeed)
            {
                FinishFastRecord(fields, fieldStart, i);
                return true;
            }

            if (b == Delimiter)
            {
                AddFastField(ref fields, fieldStart, i);
                fieldStart = i + 1;
            }
        }

        return false;
    }

    /// <summary>Records a field of a fast-path record; its kind is not written (<see cref="IsPlainRecord"/> says every field is plain).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddFastField(ref int fields, int start, int end)
    {
        if (fields == _fieldStart.Length)
        {
            Array.Resize(ref _fieldStart, fields * 2);
            Array.Resize(ref _fieldEnd, fields * 2);
            Array.Resize(ref _fieldKind, fields * 2);
        }

        _fieldStart[fields] = start;
        _fieldEnd[fields] = end;
        fields++;
    }

    private void FinishFastRecord(int fields, int fieldStart, int lineFeed)
    {
        var fieldEnd = lineFeed > fieldStart && _buffer[lineFeed - 1] == CarriageReturn ? lineFeed - 1 : lineFeed;
        AddFastField(ref fields, fieldStart, fieldEnd);
        _start = lineFeed + 1;
        Finish(fields, 1, -1);
        IsPlainRecord = true;
    }

    /// <summary>
    /// The current record was split by the fast path: no quotes, so every field is the bytes between
    /// <see cref="FieldStarts"/> and <see cref="FieldEnds"/> of <see cref="RecordBuffer"/>.
    /// </summary>
    internal bool IsPlainRecord { get; private set; }

    /// <summary>The buffer the current record's fields point into (valid until the next read).</summary>
    internal byte[] RecordBuffer => _buffer;

    internal int[] FieldStarts => _fieldStart;

    internal int[] FieldEnds => _fieldEnd;
}
