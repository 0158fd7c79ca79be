using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using Konvooi.Domain.Common;

namespace Konvooi.Analytics.Tabular;

/// <summary>Options of <see cref="CsvReader"/>.</summary>
public sealed record CsvReaderOptions
{
    /// <summary>The delimiter; null detects it from the header line among <see cref="CandidateDelimiters"/>.</summary>
    public byte? Delimiter { get; init; }

    /// <summary>Delimiters considered by detection, in order of preference when counts tie.</summary>
    public IReadOnlyList<byte> CandidateDelimiters { get; init; } = [(byte)',', (byte)';'];

    /// <summary>Text encoding of the fields (a UTF-8 byte-order mark is always skipped).</summary>
    public Encoding Encoding { get; init; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Initial buffer size in bytes; the buffer grows for records longer than this.</summary>
    public int BufferSize { get; init; } = 1 << 16;
}

/// <summary>
/// A streaming CSV reader over bytes (RFC 4180 with lenient edges): quoted fields with <c>""</c> escapes
/// and line breaks, LF or CRLF line ends, a UTF-8 BOM, delimiter detection from the header. It keeps one
/// record in memory at a time, so memory does not depend on the file's length, and field access does not
/// allocate. Empty lines are skipped (they still count as physical lines). Ragged rows are the caller's
/// to detect by comparing <see cref="FieldCount"/> with the header's.
/// </summary>
public sealed partial class CsvReader : IDisposable
{
    private const byte Quote = (byte)'"';
    private const byte LineFeed = (byte)'\n';
    private const byte CarriageReturn = (byte)'\r';

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly CsvReaderOptions _options;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _isEndOfStream;
    private bool _isFirstRead = true;
    private long _nextLine = 1;
    private int[] _fieldStart = new int[32];
    private int[] _fieldEnd = new int[32];
    private byte[] _fieldKind = new byte[32];
    private byte[] _scratch = [];
    private SearchValues<byte> _stops;

    public CsvReader(Stream stream, CsvReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _options = options ?? new CsvReaderOptions();
        _buffer = new byte[Math.Max(_options.BufferSize, 16)];
        Delimiter = _options.Delimiter ?? (byte)',';
        _stops = SearchValues.Create([Delimiter, LineFeed]);
    }

    /// <summary>The delimiter in use; detected by the first <see cref="ReadRecord"/> unless given.</summary>
    public byte Delimiter { get; private set; }

    /// <summary>Number of fields in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Physical line (1-based, the header is line 1) on which the current record starts.</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// The current record has a quoting problem: an unterminated quoted field, or text after a closing quote.
    /// The affected field holds its raw text.
    /// </summary>
    public bool HasQuoteProblem => QuoteProblemField >= 0;

    /// <summary>Index of the first field with a quoting problem in the current record, or -1.</summary>
    public int QuoteProblemField { get; private set; } = -1;

    /// <summary>A field starting with a quote has been read (such a field may span lines).</summary>
    internal bool SawQuotedField { get; private set; }

    /// <summary>Physical lines consumed so far, empty lines included.</summary>
    internal long PhysicalLinesRead => _nextLine - 1;

    /// <summary>The encoding fields are decoded with.</summary>
    public Encoding Encoding => _options.Encoding;

    /// <summary>Reads the next record. Returns false at the end of the input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool ReadRecord()
    {
        if (_isFirstRead)
        {
            _isFirstRead = false;
            Fill();
            if (_end - _start >= 3 && _buffer[_start] == 0xEF && _buffer[_start + 1] == 0xBB && _buffer[_start + 2] == 0xBF)
            {
                _start += 3;
            }

            if (_options.Delimiter is null)
            {
                Delimiter = DetectDelimiter();
                _stops = SearchValues.Create([Delimiter, LineFeed]);
            }
        }

        while (true)
        {
            var result = TryParseRecord();
            if (result == ParseResult.Record)
            {
                return true;
            }

            if (result == ParseResult.EmptyLine)
            {
                continue;
            }

            if (_isEndOfStream)
            {
                return false;
            }

            Fill();
        }
    }

    /// <summary>
    /// The bytes of field <paramref name="index"/> without quotes and escapes, and without the apostrophe that
    /// <see cref="SpreadsheetText.Neutralise"/> puts before a text that starts like a formula. Valid until the next call on this reader.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a field of the current record.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> GetFieldBytes(int index)
    {
        if ((uint)index >= (uint)FieldCount)
        {
            ThrowNotAField(index);
        }

        var start = _fieldStart[index];
        ReadOnlySpan<byte> field = _buffer.AsSpan(start, _fieldEnd[index] - start);
        field = IsPlainRecord || _fieldKind[index] != FieldKind.QuotedWithEscapes ? field : Unescape(field);

        // A text that Konvooi's writers neutralised against formula injection ('=…) is read back as written (issue #17).
        return field.Length > 1 && field[0] == (byte)'\'' ? SpreadsheetText.Restore(field) : field;
    }

    [DoesNotReturn]
    private void ThrowNotAField(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"the record has {FieldCount} fields");

    private ReadOnlySpan<byte> Unescape(ReadOnlySpan<byte> field)
    {
        if (_scratch.Length < field.Length)
        {
            _scratch = new byte[Math.Max(field.Length, 256)];
        }

        var length = 0;
        for (var i = 0; i < field.Length; i++)
        {
            _scratch[length++] = field[i];
            if (field[i] == Quote && i + 1 < field.Length && field[i + 1] == Quote)
            {
                i++;
            }
        }

        return _scratch.AsSpan(0, length);
    }

    /// <summary>Decodes field <paramref name="index"/> into <paramref name="destination"/>; returns the chars written, or -1 when it does not fit.</summary>
    public int DecodeField(int index, Span<char> destination)
    {
        var bytes = GetFieldBytes(index);
        if (_options.Encoding.GetMaxCharCount(bytes.Length) <= destination.Length)
        {
            return _options.Encoding.GetChars(bytes, destination);
        }

        return _options.Encoding.GetCharCount(bytes) <= destination.Length ? _options.Encoding.GetChars(bytes, destination) : -1;
    }

    /// <summary>Field <paramref name="index"/> as a string.</summary>
    public string GetString(int index) => _options.Encoding.GetString(GetFieldBytes(index));

    /// <summary>Parses field <paramref name="index"/> as an invariant-culture integer (surrounding spaces allowed).</summary>
    public bool TryGetInt32(int index, out int value) =>
        int.TryParse(GetFieldBytes(index), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses field <paramref name="index"/> as an invariant-culture number with a decimal point.</summary>
    public bool TryGetDouble(int index, out double value) =>
        double.TryParse(GetFieldBytes(index), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        else if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        while (_end < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _isEndOfStream = true;
                return;
            }

            _end += read;
        }
    }

    private byte DetectDelimiter()
    {
        // Make sure the header line is complete in the buffer (or the stream has ended).
        while (!_isEndOfStream && _buffer.AsSpan(_start, _end - _start).IndexOf(LineFeed) < 0)
        {
            Fill();
        }

        var candidates = _options.CandidateDelimiters;
        Span<int> counts = stackalloc int[candidates.Count];
        var inQuotes = false;
        for (var i = _start; i < _end; i++)
        {
            var b = _buffer[i];
            if (b == Quote)
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && b == LineFeed)
            {
                break;
            }
            else if (!inQuotes)
            {
                for (var c = 0; c < candidates.Count; c++)
                {
                    if (b == candidates[c])
                    {
                        counts[c]++;
                    }
                }
            }
        }

        var best = 0;
        for (var c = 1; c < candidates.Count; c++)
        {
            if (counts[c] > counts[best])
            {
                best = c;
            }
        }

        return candidates.Count == 0 ? (byte)',' : candidates[best];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ParseResult TryParseRecord()
    {
        var data = _buffer.AsSpan(0, _end);
        var pos = _start;
        var fields = 0;
        var lines = 0L;
        var quoteProblemField = -1;
        var stops = _stops;

        if (pos < _end && (data[pos] == LineFeed || (data[pos] == CarriageReturn && pos + 1 < _end && data[pos + 1] == LineFeed)))
        {
            _start = data[pos] == LineFeed ? pos + 1 : pos + 2;
            _nextLine++;
            return ParseResult.EmptyLine;
        }

        if (pos >= _end || (data[pos] == CarriageReturn && pos + 1 == _end))
        {
            return ParseResult.NeedMore;
        }

        if (TryParseUnquotedRecord())
        {
            return ParseResult.Record;
        }

        while (true)
        {
            if (fields == _fieldStart.Length)
            {
                Array.Resize(ref _fieldStart, fields * 2);
                Array.Resize(ref _fieldEnd, fields * 2);
                Array.Resize(ref _fieldKind, fields * 2);
            }

            int fieldEnd;
            int next;
            if (pos < _end && data[pos] == Quote)
            {
                SawQuotedField = true;
                var kind = FieldKind.Quoted;
                var scan = pos + 1;
                int close;
                while (true)
                {
                    var found = data[scan.._end].IndexOf(Quote);
                    if (found < 0)
                    {
                        if (!_isEndOfStream)
                        {
                            return ParseResult.NeedMore;
                        }

                        close = -1;
                        break;
                    }

                    var at = scan + found;
                    if (at + 1 < _end && data[at + 1] == Quote)
                    {
                        kind = FieldKind.QuotedWithEscapes;
                        scan = at + 2;
                        continue;
                    }

                    if (at + 1 == _end && !_isEndOfStream)
                    {
                        return ParseResult.NeedMore;
                    }

                    close = at;
                    break;
                }

                if (close < 0)
                {
                    // Unterminated quote: the rest of the input is this field, raw.
                    quoteProblemField = quoteProblemField < 0 ? fields : quoteProblemField;
                    lines += data[pos.._end].Count(LineFeed);
                    SetField(fields++, pos, _end, FieldKind.Plain);
                    _start = _end;
                    return Finish(fields, lines, quoteProblemField);
                }

                lines += data[pos..close].Count(LineFeed);
                var after = close + 1;
                if (after + 1 == _end && data[after] == CarriageReturn && !_isEndOfStream)
                {
                    return ParseResult.NeedMore;
                }

                if (after == _end || data[after] == Delimiter || data[after] == LineFeed ||
                    (data[after] == CarriageReturn && (after + 1 == _end || data[after + 1] == LineFeed)))
                {
                    SetField(fields++, pos + 1, close, kind);
                    next = after;
                }
                else
                {
                    // Text after the closing quote: keep the whole field raw and report it.
                    quoteProblemField = quoteProblemField < 0 ? fields : quoteProblemField;
                    var stop = data[after.._end].IndexOfAny(stops);
                    if (stop < 0 && !_isEndOfStream)
                    {
                        return ParseResult.NeedMore;
                    }

                    next = stop < 0 ? _end : after + stop;
                    fieldEnd = next > pos && data[next - 1] == CarriageReturn && (next == _end || data[next] == LineFeed) ? next - 1 : next;
                    SetField(fields++, pos, fieldEnd, FieldKind.Plain);
                }

                if (next < _end && data[next] == CarriageReturn)
                {
                    next++;
                }
            }
            else
            {
                var stop = data[pos.._end].IndexOfAny(stops);
                if (stop < 0 && !_isEndOfStream)
                {
                    return ParseResult.NeedMore;
                }

                next = stop < 0 ? _end : pos + stop;
                fieldEnd = next;
                if (fieldEnd > pos && data[fieldEnd - 1] == CarriageReturn && (next == _end || data[next] == LineFeed))
                {
                    fieldEnd--;
                }

                SetField(fields++, pos, fieldEnd, FieldKind.Plain);
            }

            if (next >= _end)
            {
                _start = _end;
                return Finish(fields, lines, quoteProblemField);
            }

            if (data[next] == LineFeed)
            {
                _start = next + 1;
                return Finish(fields, lines + 1, quoteProblemField);
            }

            pos = next + 1; // past the delimiter
            if (pos == _end && !_isEndOfStream)
            {
                return ParseResult.NeedMore;
            }
        }
    }

    private void SetField(int index, int start, int end, byte kind)
    {
        _fieldStart[index] = start;
        _fieldEnd[index] = end;
        _fieldKind[index] = kind;
    }

    private ParseResult Finish(int fields, long lines, int quoteProblemField)
    {
        FieldCount = fields;
        IsPlainRecord = false;
        LineNumber = _nextLine;
        QuoteProblemField = quoteProblemField;
        _nextLine += Math.Max(lines, 1);
        return ParseResult.Record;
    }

    private enum ParseResult
    {
        Record,
        EmptyLine,
        NeedMore,
    }

    private static class FieldKind
    {
        public const byte Plain = 0;
        public const byte Quoted = 1;
        public const byte QuotedWithEscapes = 2;
    }
}
