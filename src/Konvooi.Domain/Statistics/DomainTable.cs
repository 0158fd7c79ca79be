namespace Konvooi.Domain.Statistics;

/// <summary>
/// The aggregates of one table (one set of grouping variables), summed per domain and sampling unit
/// and ordered by domain, stratum and unit, with the design facts the variance needs.
/// </summary>
internal sealed class DomainTable
{
    public DomainTable(SurveyAggregates data, IReadOnlyList<int> byIndexes)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(byIndexes);
        IsClustered = data.Layout.IsClustered;
        MomentCount = data.Layout.MomentCount;
        Width = data.Layout.SlotWidth;
        IndicatorCount = data.Layout.IndicatorCount;

        var strata = new Dictionary<string, int>(StringComparer.Ordinal);
        var strataNames = new List<string>();
        var unitStratum = new int[data.UnitCount];
        for (var u = 0; u < data.UnitCount; u++)
        {
            var name = data.UnitStratum(u);
            if (!strata.TryGetValue(name, out var h))
            {
                h = strata.Count;
                strata.Add(name, h);
                strataNames.Add(name);
            }

            unitStratum[u] = h;
        }

        StratumNames = strataNames;
        StratumFactor = new double[strata.Count];
        for (var h = 0; h < StratumFactor.Length; h++)
        {
            StratumFactor[h] = data.FpcFactors.TryGetValue(strataNames[h], out var factor) ? factor : 1;
        }

        StratumSize = new long[strata.Count];
        for (var u = 0; u < data.UnitCount; u++)
        {
            StratumSize[unitStratum[u]] += IsClustered ? 1 : data.UnitRows(u);
        }

        var domainIndex = new Dictionary<string[], int>(ValuesComparer.Instance);
        var keys = new List<string[]>();
        var cellDomain = new int[data.CellCount];
        for (var c = 0; c < data.CellCount; c++)
        {
            var values = data.CellValues(c);
            var key = new string[byIndexes.Count];
            for (var i = 0; i < key.Length; i++)
            {
                key[i] = values[byIndexes[i]];
            }

            if (!domainIndex.TryGetValue(key, out var d))
            {
                d = keys.Count;
                domainIndex.Add(key, d);
                keys.Add(key);
            }

            cellDomain[c] = d;
        }

        var order = Enumerable.Range(0, keys.Count).ToArray();
        Array.Sort(order, (a, b) => ByValueComparer.Instance.Compare(keys[a], keys[b]));
        var rank = new int[keys.Count];
        for (var i = 0; i < order.Length; i++)
        {
            rank[order[i]] = i;
        }

        Domains = [.. order.Select(i => keys[i])];

        // Entries in (domain, stratum, unit) order. Count them (distinct domain and unit) first, so the
        // arrays are allocated once at their size.
        var (slotOrder, slotDomain) = SlotOrder(data, rank, cellDomain, unitStratum, strata.Count);
        var count = 0;
        for (int i = 0, previousDomain = -1, previousUnit = -1; i < slotOrder.Length; i++)
        {
            var slot = slotOrder[i];
            var unit = data.SlotUnit(slot);
            var domain = slotDomain[slot];
            if (domain != previousDomain || unit != previousUnit)
            {
                count++;
                previousDomain = domain;
                previousUnit = unit;
            }
        }

        var entryUnit = new int[count];
        var entryStratum = new int[count];
        var entryRows = new long[count];
        var moments = new double[count * Width];
        DomainStart = new int[Domains.Count + 1];
        var entries = 0;
        for (int i = 0, previousDomain = -1, previousUnit = -1; i < slotOrder.Length; i++)
        {
            var slot = slotOrder[i];
            var unit = data.SlotUnit(slot);
            var domain = slotDomain[slot];
            if (domain != previousDomain || unit != previousUnit)
            {
                while (previousDomain < domain)
                {
                    previousDomain++;
                    DomainStart[previousDomain] = entries;
                }

                previousUnit = unit;
                entryUnit[entries] = unit;
                entryStratum[entries] = unitStratum[unit];
                entries++;
            }

            var e = entries - 1;
            entryRows[e] += data.SlotRows(slot);
            var source = data.SlotMoments(slot);
            var target = moments.AsSpan(e * Width, Width);
            for (var m = 0; m < Width; m++)
            {
                target[m] += source[m];
            }
        }

        for (var d = Domains.Count > 0 && entries > 0 ? slotDomain[slotOrder[^1]] + 1 : 0; d <= Domains.Count; d++)
        {
            DomainStart[d] = entries;
        }

        EntryUnit = entryUnit;
        EntryStratum = entryStratum;
        EntryRows = entryRows;
        EntryMoments = moments;

        StratumHasValid = new bool[IndicatorCount][];
        for (var k = 0; k < IndicatorCount; k++)
        {
            StratumHasValid[k] = new bool[StratumSize.Length];
            for (var e = 0; e < EntryUnit.Length; e++)
            {
                if (Moment(e, k, Statistics.Moment.Count) > 0)
                {
                    StratumHasValid[k][EntryStratum[e]] = true;
                }
            }
        }
    }

    public bool IsClustered { get; }

    /// <summary>
    /// The slots in (domain, stratum, unit, slot) order, by stable counting sorts (linear, and no generic
    /// sort to compile at start-up): units by stratum, then slots by unit position, then by domain; and
    /// the domain of each slot.
    /// </summary>
    private static (int[] Order, int[] SlotDomain) SlotOrder(SurveyAggregates data, int[] domainRank, int[] cellDomain, int[] unitStratum, int strataCount)
    {
        var units = new int[data.UnitCount];
        for (var u = 0; u < units.Length; u++)
        {
            units[u] = u;
        }

        var unitOrder = StableOrder(units, unitStratum, strataCount);
        var unitPosition = new int[units.Length];
        for (var i = 0; i < unitOrder.Length; i++)
        {
            unitPosition[unitOrder[i]] = i;
        }

        var slots = new int[data.SlotCount];
        var slotUnitPosition = new int[slots.Length];
        var slotDomain = new int[slots.Length];
        for (var s = 0; s < slots.Length; s++)
        {
            slots[s] = s;
            slotUnitPosition[s] = unitPosition[data.SlotUnit(s)];
            slotDomain[s] = domainRank[cellDomain[data.SlotCell(s)]];
        }

        return (StableOrder(StableOrder(slots, slotUnitPosition, units.Length), slotDomain, domainRank.Length), slotDomain);
    }

    /// <summary><paramref name="items"/> ordered by <c>keyOf[item]</c> (0 ≤ key &lt; <paramref name="keyCount"/>), equal keys in their given order.</summary>
    private static int[] StableOrder(int[] items, int[] keyOf, int keyCount)
    {
        var next = new int[keyCount + 1];
        foreach (var item in items)
        {
            next[keyOf[item] + 1]++;
        }

        for (var k = 0; k < keyCount; k++)
        {
            next[k + 1] += next[k];
        }

        var ordered = new int[items.Length];
        foreach (var item in items)
        {
            ordered[next[keyOf[item]]++] = item;
        }

        return ordered;
    }

    public int MomentCount { get; }

    public int Width { get; }

    public int IndicatorCount { get; }

    /// <summary>Domain keys in the documented order.</summary>
    public IReadOnlyList<string[]> Domains { get; }

    /// <summary>Entries of domain d are [DomainStart[d], DomainStart[d + 1]).</summary>
    public int[] DomainStart { get; }

    public int[] EntryUnit { get; }

    public int[] EntryStratum { get; }

    public long[] EntryRows { get; }

    public double[] EntryMoments { get; }

    public IReadOnlyList<string> StratumNames { get; }

    /// <summary>n_h: PSUs of the stratum in the whole file (respondents when the design has no clusters).</summary>
    public long[] StratumSize { get; }

    /// <summary>Per stratum, the finite population correction 1 − n_h/N_h (1 without one).</summary>
    public double[] StratumFactor { get; }

    /// <summary>Per indicator: whether the stratum has at least one respondent with a value.</summary>
    public bool[][] StratumHasValid { get; }

    public double Moment(int entry, int indicator, int moment) =>
        EntryMoments[entry * Width + indicator * MomentCount + moment];
}
