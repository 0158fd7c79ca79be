using System.Globalization;
using System.Runtime.CompilerServices;
namespace Konvooi.Domain.Statistics;

/// <summary>
/// Sufficient statistics of a survey file for design-based ratio estimation: per sampling unit and
/// per cell (one combination of grouping values) the count, Σw, Σw·y and Σw·y² of every indicator.
/// </summary>
/// <remarks>
/// Every estimate, Taylor-linearised standard error, design effect and contrast of
/// <see cref="DomainEstimator"/> is a function of these sums, so one pass over the data suffices
/// and two aggregates of separate chunks of a file can be merged (<see cref="MergeFrom"/>) into the
/// aggregates of the whole file. Their size is bounded by units × cells, not by the number of rows.
/// A unit is a PSU within its stratum (R <c>svydesign(…, nest = TRUE)</c>); without clusters it is a
/// whole stratum, and the extra moments Σw², Σw²y and Σw²y² replace the per-respondent totals.
/// </remarks>
public sealed class SurveyAggregates
{
    // Keyed by "length of the stratum:stratum PSU" (unambiguous): a string-keyed map needs no start-up compilation,
    // unlike one keyed by a tuple of strings (about 10 ms of a short run).
    private readonly Dictionary<string, int> _unitIndex = new(StringComparer.Ordinal);
    private readonly List<string> _unitStrata = [];
    private readonly List<string> _unitPsus = [];
    private readonly Dictionary<string[], int> _cellIndex = new(ValuesComparer.Instance);
    private readonly List<string[]> _cells = [];
    private readonly SlotTable _slots = new();
    private int[][] _unitSlots = new int[16][];
    private long[] _unitRows = new long[16];
    private long[] _slotRows = new long[64];
    private int[] _slotUnit = new int[64];
    private int[] _slotCell = new int[64];
    // The moments of the slots in pages of 1,024 slots: growing adds a page instead of copying them all
    // (fresh memory is what a large run pays for, not the arithmetic).
    private const int PageBits = 10;
    private const int PageMask = (1 << PageBits) - 1;
    private double[][] _momentPages = new double[4][];
    private readonly int _width;
    private readonly int _stride;
    private readonly int _indicatorCount;
    private readonly bool _clustered;

    /// <exception cref="ArgumentNullException"><paramref name="layout"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The layout has no indicators.</exception>
    public SurveyAggregates(AggregateLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentOutOfRangeException.ThrowIfLessThan(layout.IndicatorCount, 1);
        Layout = layout;
        _width = layout.SlotWidth;
        _stride = layout.MomentCount;
        _indicatorCount = layout.IndicatorCount;
        _clustered = layout.IsClustered;
        _momentPages[0] = new double[(1 << PageBits) * _width];
    }

    public AggregateLayout Layout { get; }

    /// <summary>
    /// The finite population correction per stratum name: the factor 1 − f_h = 1 − n_h/N_h by which the
    /// stratum's variance is multiplied (R survey's onestrat, with f = (N − n)/N there). Empty without a
    /// finite population correction (sampling with replacement).
    /// </summary>
    public IReadOnlyDictionary<string, double> FpcFactors { get; private set; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Sets <see cref="FpcFactors"/>: per stratum name, 1 − n_h/N_h (0 for a stratum sampled completely).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A factor is outside [0, 1].</exception>
    public void SetFpcFactors(IReadOnlyDictionary<string, double> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        foreach (var factor in factors.Values)
        {
            if (!(factor >= 0 && factor <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(factors), factor, "an fpc factor is between 0 and 1");
            }
        }

        FpcFactors = new Dictionary<string, double>(factors, StringComparer.Ordinal);
    }

    /// <summary>Number of sampling units (PSUs, or strata when the design has no clusters).</summary>
    public int UnitCount => _unitStrata.Count;

    /// <summary>Number of distinct cells seen.</summary>
    public int CellCount => _cells.Count;

    /// <summary>Number of (unit, cell) combinations with at least one respondent.</summary>
    public int SlotCount => _slots.Count;

    /// <summary>Respondents added.</summary>
    public long RowCount { get; private set; }

    public string UnitStratum(int unit) => _unitStrata[unit];

    public string UnitPsu(int unit) => _unitPsus[unit];

    public long UnitRows(int unit) => _unitRows[unit];

    public IReadOnlyList<string> CellValues(int cell) => _cells[cell];

    /// <summary>
    /// The index of the sampling unit <paramref name="psu"/> of <paramref name="stratum"/>; a new unit
    /// is registered on first sight. Use "" for the stratum of an unstratified design; the PSU is
    /// ignored when the layout has no clusters.
    /// </summary>
    public int GetOrAddUnit(string stratum, string psu)
    {
        ArgumentNullException.ThrowIfNull(stratum);
        ArgumentNullException.ThrowIfNull(psu);
        var unitPsu = _clustered ? psu : string.Empty;
        var key = string.Concat(stratum.Length.ToString(CultureInfo.InvariantCulture), ":", stratum, unitPsu);
        if (_unitIndex.TryGetValue(key, out var index))
        {
            return index;
        }

        index = _unitStrata.Count;
        _unitIndex.Add(key, index);
        _unitStrata.Add(stratum);
        _unitPsus.Add(unitPsu);
        if (index == _unitRows.Length)
        {
            Array.Resize(ref _unitRows, index * 2);
        }

        return index;
    }

    /// <summary>The index of the cell with these grouping values (one per by-variable of the layout).</summary>
    /// <exception cref="ArgumentException">The number of values does not match the layout.</exception>
    public int GetOrAddCell(IReadOnlyList<string> byValues)
    {
        ArgumentNullException.ThrowIfNull(byValues);
        if (byValues.Count != Layout.ByVariables.Count)
        {
            throw new ArgumentException($"expected {Layout.ByVariables.Count} grouping values, got {byValues.Count}", nameof(byValues));
        }

        var key = byValues as string[] ?? [.. byValues];
        if (_cellIndex.TryGetValue(key, out var index))
        {
            return index;
        }

        index = _cells.Count;
        var copy = (string[])key.Clone();
        _cellIndex.Add(copy, index);
        _cells.Add(copy);
        return index;
    }

    /// <summary>
    /// Adds one respondent of <paramref name="unit"/> in <paramref name="cell"/> with sampling weight
    /// <paramref name="weight"/>. <paramref name="values"/> holds one value per indicator; NaN marks a
    /// missing value, which leaves the respondent out of that indicator's domains but in the design.
    /// </summary>
    /// <exception cref="ArgumentException">The number of values does not match the layout.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int unit, int cell, double weight, ReadOnlySpan<double> values)
    {
        if (values.Length != _indicatorCount)
        {
            throw new ArgumentException($"expected {_indicatorCount} values, got {values.Length}", nameof(values));
        }

        var slot = GetOrAddSlot(unit, cell);
        _slotRows[slot]++;
        _unitRows[unit]++;
        RowCount++;
        var m = Moments(slot);
        unchecked
        {
            for (int k = 0, o = 0; k < values.Length; k++, o += _stride)
            {
                var y = values[k];
                if (double.IsNaN(y))
                {
                    continue;
                }

                var wy = weight * y;
                m[o + Moment.Count] += 1;
                m[o + Moment.SumW] += weight;
                m[o + Moment.SumWy] += wy;
                m[o + Moment.SumWyy] += wy * y;
                if (!_clustered)
                {
                    var ww = weight * weight;
                    m[o + Moment.SumWw] += ww;
                    m[o + Moment.SumWwy] += ww * y;
                    m[o + Moment.SumWwyy] += ww * y * y;
                }
            }
        }
    }

    /// <summary>Adds the statistics of <paramref name="other"/> (for example another chunk of the same file).</summary>
    /// <exception cref="ArgumentException">The layouts differ.</exception>
    public void MergeFrom(SurveyAggregates other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Layout.IsCompatibleWith(other.Layout))
        {
            throw new ArgumentException("aggregates with different layouts cannot be merged", nameof(other));
        }

        var unitMap = new int[other.UnitCount];
        for (var u = 0; u < other.UnitCount; u++)
        {
            unitMap[u] = GetOrAddUnit(other._unitStrata[u], other._unitPsus[u]);
            _unitRows[unitMap[u]] += other._unitRows[u];
        }

        var cellMap = new int[other.CellCount];
        for (var c = 0; c < other.CellCount; c++)
        {
            cellMap[c] = GetOrAddCell(other._cells[c]);
        }

        for (var s = 0; s < other.SlotCount; s++)
        {
            var slot = GetOrAddSlot(unitMap[other._slotUnit[s]], cellMap[other._slotCell[s]]);
            _slotRows[slot] += other._slotRows[s];
            var target = Moments(slot);
            var source = other.Moments(s);
            for (var i = 0; i < _width; i++)
            {
                target[i] += source[i];
            }
        }

        RowCount += other.RowCount;
    }

    internal int SlotUnit(int slot) => _slotUnit[slot];

    internal int SlotCell(int slot) => _slotCell[slot];

    internal long SlotRows(int slot) => _slotRows[slot];

    internal ReadOnlySpan<double> SlotMoments(int slot) => Moments(slot);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<double> Moments(int slot) => _momentPages[slot >> PageBits].AsSpan((slot & PageMask) * _width, _width);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int GetOrAddSlot(int unit, int cell)
    {
        // Fast path: a dense per-unit table for the first cells; the hash table holds everything.
        var dense = (uint)unit < (uint)_unitSlots.Length ? _unitSlots[unit] : null;
        if (dense is not null && (uint)cell < (uint)dense.Length && dense[cell] > 0)
        {
            return dense[cell] - 1;
        }

        var key = ((long)unit << 32) | (uint)cell;
        var slot = _slots.GetOrAdd(key, out var added);
        if (cell < DenseCellLimit)
        {
            RememberDense(unit, cell, slot);
        }

        if (!added)
        {
            return slot;
        }

        if (slot == _slotRows.Length)
        {
            var size = slot * 2;
            Array.Resize(ref _slotRows, size);
            Array.Resize(ref _slotUnit, size);
            Array.Resize(ref _slotCell, size);
        }

        var page = slot >> PageBits;
        if (page == _momentPages.Length)
        {
            Array.Resize(ref _momentPages, page * 2);
        }

        _momentPages[page] ??= new double[(1 << PageBits) * _width];
        _slotUnit[slot] = unit;
        _slotCell[slot] = cell;
        return slot;
    }

    private const int DenseCellLimit = 4096;

    private void RememberDense(int unit, int cell, int slot)
    {
        if (unit >= _unitSlots.Length)
        {
            Array.Resize(ref _unitSlots, Math.Max(unit + 1, _unitSlots.Length * 2));
        }

        var dense = _unitSlots[unit] ?? [];
        if (cell >= dense.Length)
        {
            Array.Resize(ref dense, Math.Min(DenseCellLimit, Math.Max(cell + 1, dense.Length * 2)));
            _unitSlots[unit] = dense;
        }

        dense[cell] = slot + 1;
    }

    /// <summary>Open-addressing map from a (unit, cell) key to a dense slot number.</summary>
    private sealed class SlotTable
    {
        private long[] _keys = new long[128];
        private int[] _values = CreateEmpty(128);

        public int Count { get; private set; }

        /// <summary>The slot of <paramref name="key"/>; a new key gets the next free slot number.</summary>
        public int GetOrAdd(long key, out bool added)
        {
            added = false;
            var mask = _keys.Length - 1;
            var h = Hash(key) & mask;
            while (true)
            {
                var v = _values[h];
                if (v < 0)
                {
                    break;
                }

                if (_keys[h] == key)
                {
                    return v;
                }

                h = (h + 1) & mask;
            }

            if ((Count + 1) * 2 > _keys.Length)
            {
                Grow();
                return GetOrAdd(key, out added);
            }

            _keys[h] = key;
            _values[h] = Count;
            added = true;
            return Count++;
        }

        private void Grow()
        {
            var oldKeys = _keys;
            var oldValues = _values;
            _keys = new long[oldKeys.Length * 2];
            _values = CreateEmpty(oldKeys.Length * 2);
            var mask = _keys.Length - 1;
            for (var i = 0; i < oldKeys.Length; i++)
            {
                if (oldValues[i] < 0)
                {
                    continue;
                }

                var h = Hash(oldKeys[i]) & mask;
                while (_values[h] >= 0)
                {
                    h = (h + 1) & mask;
                }

                _keys[h] = oldKeys[i];
                _values[h] = oldValues[i];
            }
        }

        private static int[] CreateEmpty(int size)
        {
            var values = new int[size];
            Array.Fill(values, -1);
            return values;
        }

        private static int Hash(long key)
        {
            unchecked
            {
                var x = (ulong)key;
                x ^= x >> 33;
                x *= 0xff51afd7ed558ccdUL;
                x ^= x >> 33;
                return (int)x & int.MaxValue;
            }
        }
    }
}
