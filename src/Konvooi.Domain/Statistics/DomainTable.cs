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

        var slots = new (int Domain, int Stratum, int Unit, int Slot)[data.SlotCount];
        for (var s = 0; s < slots.Length; s++)
        {
            var u = data.SlotUnit(s);
            slots[s] = (rank[cellDomain[data.SlotCell(s)]], unitStratum[u], u, s);
        }

        Array.Sort(slots);

        var entryUnit = new List<int>();
        var entryStratum = new List<int>();
        var entryRows = new List<long>();
        var moments = new List<double>();
        DomainStart = new int[Domains.Count + 1];
        var previous = (Domain: -1, Unit: -1);
        foreach (var (domain, stratum, unit, slot) in slots)
        {
            if ((domain, unit) != previous)
            {
                while (previous.Domain < domain)
                {
                    previous.Domain++;
                    DomainStart[previous.Domain] = entryUnit.Count;
                }

                previous = (domain, unit);
                entryUnit.Add(unit);
                entryStratum.Add(stratum);
                entryRows.Add(0);
                for (var i = 0; i < Width; i++)
                {
                    moments.Add(0);
                }
            }

            var e = entryUnit.Count - 1;
            entryRows[e] += data.SlotRows(slot);
            var source = data.SlotMoments(slot);
            for (var i = 0; i < Width; i++)
            {
                moments[e * Width + i] += source[i];
            }
        }

        for (var d = previous.Domain + 1; d <= Domains.Count; d++)
        {
            DomainStart[d] = entryUnit.Count;
        }

        EntryUnit = [.. entryUnit];
        EntryStratum = [.. entryStratum];
        EntryRows = [.. entryRows];
        EntryMoments = [.. moments];

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

    /// <summary>Per indicator: whether the stratum has at least one respondent with a value.</summary>
    public bool[][] StratumHasValid { get; }

    public double Moment(int entry, int indicator, int moment) =>
        EntryMoments[entry * Width + indicator * MomentCount + moment];
}
