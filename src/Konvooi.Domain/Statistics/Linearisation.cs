namespace Konvooi.Domain.Statistics;

/// <summary>The ratio estimate of one domain and indicator, with the sums it came from.</summary>
internal readonly record struct DomainRatio(int Domain, int Indicator, long Count, double W, double SumWy, double SumWyy)
{
    public double Estimate => W > 0 ? SumWy / W : double.NaN;

    public static DomainRatio Of(DomainTable table, int d, int k)
    {
        double n = 0, w = 0, wy = 0, wyy = 0;
        for (var e = table.DomainStart[d]; e < table.DomainStart[d + 1]; e++)
        {
            n += table.Moment(e, k, Moment.Count);
            w += table.Moment(e, k, Moment.SumW);
            wy += table.Moment(e, k, Moment.SumWy);
            wyy += table.Moment(e, k, Moment.SumWyy);
        }

        return new DomainRatio(d, k, (long)n, w, wy, wyy);
    }
}

/// <summary>Covariances of linearised domain estimates over the strata and PSUs of the design.</summary>
internal static class Linearisation
{
    /// <summary>
    /// Cov(ŷ_A, ŷ_B) = Σ_h s_h Σ_j (t^A_hj − t̄^A_h)(t^B_hj − t̄^B_h) with s_h = n_h/(n_h − 1); the
    /// variance when A = B. Strata with one PSU follow <paramref name="mode"/> as R's onestrat().
    /// </summary>
    /// <remarks>
    /// <c>wholeDesign</c> is false for a domain's own variance (R svyby without covmat: the design is
    /// subset to the domain's respondents with a value, so only their strata count for "average" and
    /// "fail"), and true for a covariance matrix over the whole design (svyby with covmat = TRUE: every
    /// stratum with a value counts).
    /// </remarks>
    public static double Cross(DomainTable table, DomainRatio a, DomainRatio b, LonelyPsuMode mode, bool wholeDesign, SortedSet<string> failures)
    {
        var same = a.Domain == b.Domain;
        var ya = a.Estimate;
        var yb = b.Estimate;
        var i = table.DomainStart[a.Domain];
        var iEnd = table.DomainStart[a.Domain + 1];
        var j = table.DomainStart[b.Domain];
        var jEnd = table.DomainStart[b.Domain + 1];
        double total = 0;
        long strataPresent = 0, strataUsable = 0;
        while (i < iEnd || j < jEnd)
        {
            var h = Math.Min(i < iEnd ? table.EntryStratum[i] : int.MaxValue, j < jEnd ? table.EntryStratum[j] : int.MaxValue);
            var i2 = i;
            while (i2 < iEnd && table.EntryStratum[i2] == h)
            {
                i2++;
            }

            var j2 = j;
            while (j2 < jEnd && table.EntryStratum[j2] == h)
            {
                j2++;
            }

            var nh = table.StratumSize[h];
            var (centred, uncentred) = table.IsClustered
                ? ClusteredStratum(table, a, ya, i, i2, b, yb, j, j2, nh)
                : UnclusteredStratum(table, a, ya, i, i2, b, yb, j, j2, nh, same);
            var present = wholeDesign || HasValue(table, a.Indicator, i, i2);
            if (present)
            {
                strataPresent++;
            }

            // Finite population correction (survey's onestrat): f = 1 − n_h/N_h scales the stratum; a
            // stratum sampled completely (f below 1e-7) adds nothing, even with a single PSU.
            var f = table.StratumFactor[h];
            if (f < 1e-7)
            {
                if (present)
                {
                    strataUsable++;
                }
            }
            else if (nh > 1)
            {
                total += f * nh / (nh - 1.0) * centred;
                if (present)
                {
                    strataUsable++;
                }
            }
            else
            {
                switch (mode)
                {
                    case LonelyPsuMode.Fail when present && !wholeDesign:
                        failures.Add(table.StratumNames[h]);
                        break;
                    case LonelyPsuMode.Adjust:
                        total += f * uncentred;
                        break;
                    default:
                        // Remove and certainty: a single PSU centred at its own stratum mean adds nothing;
                        // average: left out here and made up for by the scaling below.
                        break;
                }
            }

            i = i2;
            j = j2;
        }

        if (wholeDesign)
        {
            (strataPresent, strataUsable) = WholeDesignStrata(table, a.Indicator, mode, failures);
        }

        return mode == LonelyPsuMode.Average && strataPresent != strataUsable
            ? total * strataPresent / strataUsable
            : total;
    }

    /// <summary>Strata with a value anywhere in the design, and how many of those have more than one PSU.</summary>
    private static (long Present, long Usable) WholeDesignStrata(DomainTable table, int k, LonelyPsuMode mode, SortedSet<string> failures)
    {
        long present = 0, usable = 0;
        for (var h = 0; h < table.StratumSize.Length; h++)
        {
            if (!table.StratumHasValid[k][h])
            {
                continue;
            }

            present++;
            if (table.StratumSize[h] > 1 || table.StratumFactor[h] < 1e-7)
            {
                usable++;
            }
            else if (mode == LonelyPsuMode.Fail)
            {
                failures.Add(table.StratumNames[h]);
            }
        }

        return (present, usable);
    }

    private static bool HasValue(DomainTable table, int k, int start, int end)
    {
        for (var e = start; e < end; e++)
        {
            if (table.Moment(e, k, Moment.Count) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Linearised total of an entry: (Σw·y − ŷ·Σw) / W.</summary>
    private static double Total(DomainTable table, int e, DomainRatio r, double y) =>
        (table.Moment(e, r.Indicator, Moment.SumWy) - y * table.Moment(e, r.Indicator, Moment.SumW)) / r.W;

    /// <summary>
    /// Σ_j (t^A_j − t̄^A)(t^B_j − t̄^B) over all n_h PSUs of the stratum (PSUs outside both domains have
    /// t = 0), two-pass for accuracy; and the uncentred Σ_j t^A_j t^B_j.
    /// </summary>
    private static (double Centred, double Uncentred) ClusteredStratum(
        DomainTable table, DomainRatio a, double ya, int i, int iEnd, DomainRatio b, double yb, int j, int jEnd, long nh)
    {
        double sumA = 0, sumB = 0;
        for (var e = i; e < iEnd; e++)
        {
            sumA += Total(table, e, a, ya);
        }

        for (var e = j; e < jEnd; e++)
        {
            sumB += Total(table, e, b, yb);
        }

        var meanA = sumA / nh;
        var meanB = sumB / nh;
        double centred = 0, uncentred = 0;
        long union = 0;
        while (i < iEnd || j < jEnd)
        {
            var ua = i < iEnd ? table.EntryUnit[i] : int.MaxValue;
            var ub = j < jEnd ? table.EntryUnit[j] : int.MaxValue;
            double ta = 0, tb = 0;
            if (ua <= ub)
            {
                ta = Total(table, i, a, ya);
                i++;
            }

            if (ub <= ua)
            {
                tb = Total(table, j, b, yb);
                j++;
            }

            centred += (ta - meanA) * (tb - meanB);
            uncentred += ta * tb;
            union++;
        }

        centred += (nh - union) * meanA * meanB;
        return (centred, uncentred);
    }

    /// <summary>
    /// Without clusters every respondent is a PSU; with S = Σz and Q = Σz² from the stratum's moments,
    /// Σ_i (z^A_i − z̄^A)(z^B_i − z̄^B) = Q_AB − S_A S_B / n_h, where Q_AB = 0 for two different domains
    /// of one table (no respondent is in both).
    /// </summary>
    private static (double Centred, double Uncentred) UnclusteredStratum(
        DomainTable table, DomainRatio a, double ya, int i, int iEnd, DomainRatio b, double yb, int j, int jEnd, long nh, bool same)
    {
        double sumA = 0, sumB = 0, squares = 0;
        for (var e = i; e < iEnd; e++)
        {
            sumA += Total(table, e, a, ya);
            if (same)
            {
                var k = a.Indicator;
                var ww = table.Moment(e, k, Moment.SumWw);
                var wwy = table.Moment(e, k, Moment.SumWwy);
                var wwyy = table.Moment(e, k, Moment.SumWwyy);
                squares += (wwyy - 2 * ya * wwy + ya * ya * ww) / (a.W * a.W);
            }
        }

        for (var e = j; e < jEnd; e++)
        {
            sumB += Total(table, e, b, yb);
        }

        return (squares - sumA * sumB / nh, squares);
    }
}
