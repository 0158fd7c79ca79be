using System.Runtime.CompilerServices;
using System.Globalization;
using Konvooi.Analytics.Tabular;
using Konvooi.Domain.Monitoring;
using Konvooi.Domain.Questionnaires;
using Konvooi.Domain.Statistics;

namespace Konvooi.Analytics.Monitoring;

/// <summary>Where the columns the monitor needs are in the header.</summary>
internal sealed record MonitorColumns(
    IReadOnlyList<string> Header,
    int[] Items,
    int Weight,
    int Strata,
    int Psu,
    int[] By)
{
    /// <summary>Resolves the plan's columns; exact name first, then a unique case-insensitive match.</summary>
    public static (MonitorColumns? Columns, IReadOnlyList<string> Problems) Resolve(MonitorPlan plan, IReadOnlyList<string> header)
    {
        var problems = new List<string>();
        var items = plan.ItemColumns.Select(c => Find(header, c, problems)).ToArray();
        var weight = plan.Request.Weight is { } w ? Find(header, w, problems) : -1;
        var strata = plan.Request.Strata is { } s ? Find(header, s, problems) : -1;
        var psu = plan.Request.Psu is { } p ? Find(header, p, problems) : -1;
        var by = plan.ByVariables.Select(c => Find(header, c, problems)).ToArray();
        return problems.Count > 0 ? (null, problems) : (new MonitorColumns(header, items, weight, strata, psu, by), problems);
    }

    /// <summary>
    /// The position of column <paramref name="name"/> in <paramref name="header"/>, as the monitor matches
    /// columns: the exact name, else the one case-insensitive match; -1 when there is none or more than one.
    /// </summary>
    public static int IndexOf(IReadOnlyList<string> header, string name)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(name);
        var problems = new List<string>();
        return Find(header, name, problems);
    }

    private static int Find(IReadOnlyList<string> header, string name, List<string> problems)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        var matches = Enumerable.Range(0, header.Count).Where(i => string.Equals(header[i], name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        var reason = matches.Count == 0 ? "no such column in the header" : "more than one column has this name";
        problems.Add($"line 1, column {name}: {reason} (got '{string.Join(",", header)}')");
        return -1;
    }
}

/// <summary>One invalid field or row: <c>line N, column NAME: reason (got 'VALUE')</c>.</summary>
internal sealed record RowProblem(long Line, string Column, string Reason, string Value)
{
    public override string ToString() => Column.Length == 0
        ? $"line {Line.ToString(CultureInfo.InvariantCulture)}: {Reason} (got '{Value}')"
        : $"line {Line.ToString(CultureInfo.InvariantCulture)}, column {Column}: {Reason} (got '{Value}')";
}

/// <summary>
/// Reduces rows of a survey file to <see cref="SurveyAggregates"/> in one pass: design fields and
/// grouping values become integer ids through byte-keyed maps, answers are mapped through a cache of the
/// instrument's <see cref="AnswerMapper"/>, and respondents are scored by a <see cref="RespondentScorer"/>.
/// A row with a problem is left out entirely and its problems are recorded. Not thread-safe: one per chunk.
/// </summary>
internal sealed class ChunkAggregator
{
    private readonly MonitorPlan _plan;
    private readonly MonitorColumns _columns;
    private readonly AnswerMapper _mapper;
    private readonly RespondentScorer _scorer;
    private readonly ByteKeyMap _strata = new();
    private readonly ByteKeyMap _psus = new();
    private readonly Dictionary<long, int> _units = [];
    private (int Stratum, int Unit)[] _unitByPsu = new (int, int)[64];
    private readonly ByteKeyMap[] _byValues;
    private readonly List<string>[] _byStrings;
    private readonly int[]?[][] _cellSteps;
    private readonly int[] _stepCounts;
    private readonly List<int> _cells = [];
    private readonly ByteKeyMap _answerTexts = new();
    private readonly List<MappedAnswer> _answerByText = [];
    private readonly MappedAnswer[] _answerByDigit;
    private readonly int[] _answers;
    private long[] _respondentsPerScoreRow = new long[64];
    private readonly string[] _cellValues;
    private readonly List<RowProblem> _rowProblems = [];
    private readonly int _fieldCount;
    private readonly int[] _itemColumns;
    private readonly int[] _answerByByte = new int[256];
    private readonly int _weightColumn;
    private readonly int _strataColumn;
    private readonly int _psuColumn;
    private readonly byte _decimalSeparator;
    private const int NotSimple = int.MinValue;

    public ChunkAggregator(MonitorPlan plan, MonitorColumns columns)
    {
        _plan = plan;
        _columns = columns;
        _fieldCount = columns.Header.Count;
        _mapper = AnswerMapper.Create(plan.Instrument, plan.Codes);
        _answerByDigit = [.. Enumerable.Range(0, 10).Select(d => _mapper.Map(d.ToString(CultureInfo.InvariantCulture)))];
        _scorer = RespondentScorer.Create(plan.Instrument, plan.Scoring, plan.Indicators);
        _answers = new int[columns.Items.Length];
        _cellValues = new string[columns.By.Length];
        _byValues = [.. columns.By.Select(_ => new ByteKeyMap())];
        _byStrings = [.. columns.By.Select(_ => new List<string>())];
        _cellSteps = [.. columns.By.Select(_ => new int[]?[1])];
        _stepCounts = new int[columns.By.Length];
        Aggregates = new SurveyAggregates(new AggregateLayout(plan.ByVariables, plan.Indicators.Count, plan.IsClustered));
        _itemColumns = columns.Items;
        _weightColumn = columns.Weight;
        _strataColumn = columns.Strata;
        _psuColumn = columns.Psu;
        _decimalSeparator = plan.DecimalSeparator;
        Array.Fill(_answerByByte, NotSimple);
        for (var d = 0; d < 10; d++)
        {
            if (_answerByDigit[d].Status is AnswerStatus.Answered or AnswerStatus.Missing)
            {
                _answerByByte['0' + d] = _answerByDigit[d].OptionIndex;
            }
        }
    }

    public SurveyAggregates Aggregates { get; }

    /// <summary>Valid respondents added.</summary>
    public long Rows { get; private set; }

    /// <summary>Rows left out because of a problem.</summary>
    public long InvalidRows { get; private set; }

    /// <summary>Per indicator: valid respondents without a value (too many missing answers).</summary>
    public long[] MissingPerIndicator()
    {
        var missing = new long[_plan.Indicators.Count];
        for (var row = 0; row < _scorer.RowCount; row++)
        {
            var values = _scorer.RowValues(row);
            for (var k = 0; k < missing.Length; k++)
            {
                if (double.IsNaN(values[k]))
                {
                    missing[k] += _respondentsPerScoreRow[row];
                }
            }
        }

        return missing;
    }

    /// <summary>Every problem found, in line order.</summary>
    public List<RowProblem> Problems { get; } = [];

    /// <summary>Reads every remaining record of <paramref name="reader"/>; line numbers are shifted by <paramref name="lineOffset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReadAll(CsvReader reader, long lineOffset, Action<long>? progress = null)
    {
        var count = 0;
        var record = new CsvSurveyRecord(reader);
        while (reader.ReadRecord())
        {
            if (!reader.IsPlainRecord || reader.FieldCount != _fieldCount || !TryAddPlain(reader))
            {
                AddRecord(record, lineOffset);
            }

            if (progress is not null && (++count & 0xFFFF) == 0)
            {
                progress(count);
            }
        }
    }

    /// <summary>Adds <paramref name="lines"/> to the line number of every problem (a chunk read on its own counts from 1).</summary>
    public void ShiftLines(long lines)
    {
        for (var i = 0; i < Problems.Count; i++)
        {
            Problems[i] = Problems[i] with { Line = Problems[i].Line + lines };
        }
    }

    /// <summary>Adds the current row of an XLSX or Parquet reader.</summary>
    public void Add(CellRow row) => AddRecord(new CellRowRecord(row), 0);

    /// <summary>
    /// The common case of a CSV row split by the reader's fast path, with every field valid: the fields
    /// are read straight from the buffer and single-character answer codes through a byte table. Returns
    /// false, having added nothing, when anything is unusual; the general path then handles the row and
    /// reports its problems, so both paths give the same result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryAddPlain(CsvReader reader)
    {
        var buffer = reader.RecordBuffer;
        var starts = reader.FieldStarts;
        var ends = reader.FieldEnds;
        var weight = 1.0;
        var column = _weightColumn;
        if (column >= 0)
        {
            var start = starts[column];
            if (!NumberParsing.TryParseDouble(new ReadOnlySpan<byte>(buffer, start, ends[column] - start), _decimalSeparator, out weight) ||
                !(weight > 0) || !double.IsFinite(weight))
            {
                return false;
            }
        }

        var stratum = 0;
        if (_strataColumn >= 0 && !TryPlainId(buffer, starts[_strataColumn], ends[_strataColumn], _strata, out stratum))
        {
            return false;
        }

        var psu = 0;
        if (_psuColumn >= 0 && !TryPlainId(buffer, starts[_psuColumn], ends[_psuColumn], _psus, out psu))
        {
            return false;
        }

        var answers = _answers;
        var items = _itemColumns;
        var byByte = _answerByByte;
        for (var i = 0; i < items.Length && i < answers.Length; i++)
        {
            var c = items[i];
            var start = starts[c];
            var length = ends[c] - start;
            var answer = length == 1 ? byByte[buffer[start]] : NotSimple;
            if (answer == NotSimple)
            {
                var mapped = MapAnswer(new ReadOnlySpan<byte>(buffer, start, length));
                if (mapped.Status is not (AnswerStatus.Answered or AnswerStatus.Missing))
                {
                    return false;
                }

                answer = mapped.OptionIndex;
            }

            answers[i] = answer;
        }

        Accept(Unit(stratum, psu), Cell(new CsvSurveyRecord(reader)), weight);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryPlainId(byte[] buffer, int start, int end, ByteKeyMap map, out int id)
    {
        while (start < end && buffer[start] == (byte)' ')
        {
            start++;
        }

        while (end > start && buffer[end - 1] == (byte)' ')
        {
            end--;
        }

        if (start == end)
        {
            id = 0;
            return false;
        }

        id = map.GetOrAdd(new ReadOnlySpan<byte>(buffer, start, end - start), out _);
        return true;
    }

    /// <summary>Scores the answers in <c>_answers</c> and adds the respondent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Accept(int unit, int cell, double weight)
    {
        var values = _scorer.EvaluateRow(_answers, out var row);
        if (row >= _respondentsPerScoreRow.Length)
        {
            Array.Resize(ref _respondentsPerScoreRow, Math.Max(row + 1, _respondentsPerScoreRow.Length * 2));
        }

        _respondentsPerScoreRow[row]++;
        Aggregates.Add(unit, cell, weight, values);
        Rows++;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddRecord<TRecord>(TRecord reader, long lineOffset)
        where TRecord : struct, ISurveyRecord
    {
        _rowProblems.Clear();
        var line = lineOffset + reader.LineNumber;
        if (reader.FieldCount != _fieldCount || reader.HasQuoteProblem)
        {
            ShapeProblem(reader, line);
            return;
        }

        var weight = 1.0;
        if (_columns.Weight >= 0)
        {
            var field = reader.GetFieldBytes(_columns.Weight);
            if (!reader.TryGetNumber(_columns.Weight, _plan.DecimalSeparator, out weight) || !double.IsFinite(weight))
            {
                AddProblem(line, _columns.Weight, field.Trim((byte)' ').IsEmpty ? "the weight is missing" : "not a number", field);
            }
            else if (weight <= 0)
            {
                AddProblem(line, _columns.Weight, "a weight must be greater than 0", field);
            }
        }

        var stratum = 0;
        if (_columns.Strata >= 0)
        {
            stratum = DesignId(reader, _columns.Strata, _strata, line, "the stratum is missing");
        }

        var psu = 0;
        if (_columns.Psu >= 0)
        {
            psu = DesignId(reader, _columns.Psu, _psus, line, "the PSU is missing");
        }

        for (var i = 0; i < _answers.Length; i++)
        {
            var column = _columns.Items[i];
            var mapped = MapAnswer(reader.GetFieldBytes(column));
            if (mapped.Status is AnswerStatus.Answered or AnswerStatus.Missing)
            {
                _answers[i] = mapped.OptionIndex;
                continue;
            }

            var reason = mapped.Status == AnswerStatus.UnknownLabel
                ? $"not an answer of {_plan.Instrument.Id}"
                : _plan.Codes is null ? $"code not in the default code table of {_plan.Instrument.Id} (use --codes)" : "code not in --codes";
            AddProblem(line, column, reason, reader.GetFieldBytes(column));
        }

        if (_rowProblems.Count > 0)
        {
            InvalidRows++;
            Problems.AddRange(_rowProblems);
            return;
        }

        var cell = Cell(reader);
        Accept(Unit(stratum, psu), cell, weight);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int DesignId<TRecord>(TRecord reader, int column, ByteKeyMap map, long line, string missingReason)
        where TRecord : struct, ISurveyRecord
    {
        var field = reader.GetFieldBytes(column).Trim((byte)' ');
        if (field.IsEmpty)
        {
            AddProblem(line, column, missingReason, field);
            return 0;
        }

        return map.GetOrAdd(field, out _);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Unit(int stratum, int psu)
    {
        // Most files give each PSU one stratum: remember the last unit per PSU id (stored + 1).
        if (psu < _unitByPsu.Length && _unitByPsu[psu].Stratum == stratum && _unitByPsu[psu].Unit > 0)
        {
            return _unitByPsu[psu].Unit - 1;
        }

        var key = ((long)stratum << 32) | (uint)psu;
        if (!_units.TryGetValue(key, out var unit))
        {
            unit = NewUnit(stratum, psu, key);
        }

        if (psu >= _unitByPsu.Length)
        {
            Array.Resize(ref _unitByPsu, Math.Max(psu + 1, _unitByPsu.Length * 2));
        }

        _unitByPsu[psu] = (stratum, unit + 1);
        return unit;
    }

    private int NewUnit(int stratum, int psu, long key)
    {
        int unit;
        var stratumText = _columns.Strata >= 0 ? Decode(_strata.KeyBytes(stratum)) : string.Empty;
        var psuText = _columns.Psu >= 0 ? Decode(_psus.KeyBytes(psu)) : string.Empty;
        unit = Aggregates.GetOrAddUnit(stratumText, psuText);
        _units.Add(key, unit);
        return unit;
    }

    /// <summary>
    /// The aggregate cell of the row. Each grouping value becomes an id; ids combine level by level
    /// through dense tables (combination so far × next value id → next combination), so a row costs a
    /// few array reads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Cell<TRecord>(TRecord reader)
        where TRecord : struct, ISurveyRecord
    {
        var current = 0;
        for (var b = 0; b < _columns.By.Length; b++)
        {
            var map = _byValues[b];
            var id = map.GetOrAdd(reader.GetFieldBytes(_columns.By[b]).Trim((byte)' '), out var added);
            if (added)
            {
                _byStrings[b].Add(Decode(map.KeyBytes(id)));
            }

            var table = _cellSteps[b];
            if (current >= table.Length)
            {
                Array.Resize(ref table, Math.Max(current + 1, table.Length * 2));
                _cellSteps[b] = table;
            }

            var row = table[current] ??= new int[Math.Max(4, id + 1)];
            if (id >= row.Length)
            {
                Array.Resize(ref row, Math.Max(id + 1, row.Length * 2));
                table[current] = row;
            }

            var next = row[id] - 1;
            if (next < 0)
            {
                next = _stepCounts[b]++;
                row[id] = next + 1;
                if (b == _columns.By.Length - 1)
                {
                    _cells.Add(NewCell(reader));
                }
            }

            current = next;
        }

        return _cells[current];
    }

    private int NewCell<TRecord>(TRecord reader)
        where TRecord : struct, ISurveyRecord
    {
        for (var b = 0; b < _columns.By.Length; b++)
        {
            var id = _byValues[b].GetOrAdd(reader.GetFieldBytes(_columns.By[b]).Trim((byte)' '), out _);
            _cellValues[b] = _byStrings[b][id];
        }

        return Aggregates.GetOrAddCell(_cellValues);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private MappedAnswer MapAnswer(ReadOnlySpan<byte> field)
    {
        if (field.Length == 1 && (uint)(field[0] - '0') < 10)
        {
            return _answerByDigit[field[0] - '0'];
        }

        if (field.IsEmpty)
        {
            return MappedAnswer.Missing;
        }

        var id = _answerTexts.GetOrAdd(field, out var added);
        if (added)
        {
            _answerByText.Add(_mapper.Map(Decode(field)));
        }

        return _answerByText[id];
    }

    private void ShapeProblem<TRecord>(TRecord reader, long line)
        where TRecord : struct, ISurveyRecord
    {
        InvalidRows++;
        var header = _columns.Header;
        if (reader.HasQuoteProblem)
        {
            Problems.Add(new RowProblem(line, string.Empty, "a quoted field is not closed properly", string.Empty));
        }
        else if (reader.FieldCount < _fieldCount)
        {
            Problems.Add(new RowProblem(
                line,
                header[reader.FieldCount],
                $"missing field, the row has {reader.FieldCount.ToString(CultureInfo.InvariantCulture)} fields and the header {_fieldCount.ToString(CultureInfo.InvariantCulture)}",
                string.Empty));
        }
        else
        {
            Problems.Add(new RowProblem(
                line,
                (_fieldCount + 1).ToString(CultureInfo.InvariantCulture),
                $"extra field, the row has {reader.FieldCount.ToString(CultureInfo.InvariantCulture)} fields and the header {_fieldCount.ToString(CultureInfo.InvariantCulture)}",
                Decode(reader.GetFieldBytes(_fieldCount))));
        }
    }

    private void AddProblem(long line, int column, string reason, ReadOnlySpan<byte> value) =>
        _rowProblems.Add(new RowProblem(line, _columns.Header[column], reason, Decode(value)));

    private string Decode(ReadOnlySpan<byte> bytes) => TextDecoding.Decode(bytes, _plan.Encoding);
}
