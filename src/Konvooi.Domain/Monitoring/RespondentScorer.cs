using System.Runtime.CompilerServices;
using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Monitoring;

/// <summary>
/// Turns one respondent's answers into indicator values with the instrument's own scorer
/// (<see cref="DjgScorer"/> for the De Jong Gierveld scales, <see cref="InstrumentScorer"/> otherwise).
/// Results are remembered per distinct score (De Jong Gierveld) or answer pattern (other instruments),
/// so a large file costs one scoring call and a table lookup per respondent. Not thread-safe: use one
/// per thread.
/// </summary>
public sealed class RespondentScorer
{
    private const int DjgKeyBits = 18;
    private readonly DjgScorer? _djg;
    private readonly InstrumentScorer? _general;
    private readonly IReadOnlyList<ScoreColumn> _columns;
    private readonly MonitorIndicator[] _indicators;
    // Row + 1 per score key, in pages of 1,024 keys made on first use: a file meets few distinct scores.
    private readonly int[]?[] _djgMemo = [];
    private readonly Dictionary<long, int> _patternMemo = [];
    private readonly long _patternBase;
    private readonly bool _canPackPattern;
    private readonly double[] _scores;
    private double[] _values;
    private int _valueRows;

    private RespondentScorer(Instrument instrument, ScoringSettings settings, IReadOnlyList<MonitorIndicator> indicators)
    {
        Instrument = instrument;
        _columns = MonitorIndicators.ColumnsOf(instrument);
        _indicators = [.. indicators];
        _scores = new double[_columns.Count];
        _values = new double[16 * Math.Max(1, _indicators.Length)];
        if (instrument.Shape == ResultShape.DeJongGierveld)
        {
            _djg = DjgScorer.Create(instrument, settings);
            _djgMemo = new int[]?[1 << (DjgKeyBits - 10)];
        }
        else
        {
            _general = instrument.CreateScorer(settings);
            _patternBase = instrument.Options.Count + 1;
            var capacity = 1.0;
            for (var i = 0; i < instrument.Items.Count; i++)
            {
                capacity *= _patternBase;
            }

            _canPackPattern = capacity < 1e18;
        }
    }

    public Instrument Instrument { get; }

    public int ItemCount => Instrument.Items.Count;

    public IReadOnlyList<MonitorIndicator> Indicators => _indicators;

    /// <summary>Builds a scorer for these settings and indicators.</summary>
    /// <exception cref="ArgumentException">The settings are not valid for the instrument.</exception>
    public static RespondentScorer Create(Instrument instrument, ScoringSettings settings, IReadOnlyList<MonitorIndicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(indicators);
        return new RespondentScorer(instrument, settings, indicators);
    }

    /// <summary>
    /// Writes one value per indicator into <paramref name="values"/> (NaN when the answers do not give
    /// the scores the indicator needs) for option indexes in item order (<see cref="AnswerCodes.Missing"/> = missing).
    /// </summary>
    /// <exception cref="ArgumentException">Wrong number of answers or an option index out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Evaluate(ReadOnlySpan<int> optionIndexes, Span<double> values)
    {
        var row = _djg is { } djg ? DjgRow(djg, optionIndexes) : PatternRow(optionIndexes);
        _values.AsSpan(row * _indicators.Length, _indicators.Length).CopyTo(values);
    }

    /// <summary>
    /// As <see cref="Evaluate"/>, without copying: the values are a row of the scorer's own table, and
    /// <paramref name="row"/> numbers it (respondents with the same scores share a row, see <see cref="RowValues"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Wrong number of answers or an option index out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<double> EvaluateRow(ReadOnlySpan<int> optionIndexes, out int row)
    {
        row = _djg is { } djg ? DjgRow(djg, optionIndexes) : PatternRow(optionIndexes);
        return _values.AsSpan(row * _indicators.Length, _indicators.Length);
    }

    /// <summary>Number of distinct rows <see cref="EvaluateRow"/> has given so far.</summary>
    public int RowCount => _valueRows;

    /// <summary>The indicator values of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> RowValues(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, _valueRows);
        return _values.AsSpan(row * _indicators.Length, _indicators.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int DjgRow(DjgScorer djg, ReadOnlySpan<int> optionIndexes)
    {
        var score = djg.Score(optionIndexes);
        var key = (score.Emotional ?? -1) + 1
            | ((score.Social ?? -1) + 1) << 3
            | ((score.Total ?? -1) + 1) << 6
            | score.MissingItems << 10
            | Tri(score.IsEmotionallyLonely) << 14
            | Tri(score.IsSociallyLonely) << 16;
        var memo = _djgMemo[key >> 10] ??= new int[1024];
        var slot = key & 1023;
        var row = memo[slot] - 1;
        if (row >= 0)
        {
            return row;
        }

        _scores[0] = score.Emotional ?? double.NaN;
        _scores[1] = score.Social ?? double.NaN;
        _scores[2] = score.Total ?? double.NaN;
        _scores[3] = score.MissingItems;
        _scores[4] = score.IsEmotionallyLonely is bool e ? (e ? 1 : 0) : double.NaN;
        _scores[5] = score.IsSociallyLonely is bool s ? (s ? 1 : 0) : double.NaN;
        row = StoreRow();
        memo[slot] = row + 1;
        return row;
    }

    private int PatternRow(ReadOnlySpan<int> optionIndexes)
    {
        long key = 0;
        if (_canPackPattern)
        {
            foreach (var index in optionIndexes)
            {
                key = key * _patternBase + index + 1;
            }

            if (_patternMemo.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var scorer = _general ?? throw new InvalidOperationException("no scorer for " + Instrument.Id);
        var score = scorer.Score(optionIndexes);
        for (var c = 0; c < _columns.Count; c++)
        {
            _scores[c] = _columns[c].Name == "missing_items" ? score.MissingItems : ToNumber(score[_columns[c].Name]);
        }

        var row = StoreRow();
        if (_canPackPattern)
        {
            _patternMemo[key] = row;
        }

        return row;
    }

    private int StoreRow()
    {
        var k = _indicators.Length;
        if ((_valueRows + 1) * k > _values.Length)
        {
            Array.Resize(ref _values, _values.Length * 2);
        }

        for (var i = 0; i < k; i++)
        {
            _values[_valueRows * k + i] = _indicators[i].Expression.Evaluate(_scores);
        }

        return _valueRows++;
    }

    private static int Tri(bool? value) => value is bool b ? (b ? 2 : 1) : 0;

    private static double ToNumber(object? value) => value switch
    {
        int i => i,
        double d => d,
        bool b => b ? 1 : 0,
        _ => double.NaN,
    };
}
