using Konvooi.Domain.Statistics;
using System.Globalization;
using System.Text;
using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Support;

/// <summary>Settings of the intervention outcome statistics; the defaults and their reasons are in docs/support-plan.md.</summary>
public sealed record OutcomeSettings
{
    public static OutcomeSettings Default { get; } = new();

    /// <summary>Cells counting fewer people than this (but more than zero) are suppressed.</summary>
    public int MinN { get; init; } = 10;

    /// <summary>The follow-up measurement is the one nearest to this many months after the start.</summary>
    public int FollowUpMonths { get; init; } = 6;

    /// <summary>… within this many days of that date (± 6 weeks).</summary>
    public int WindowDays { get; init; } = 42;

    /// <summary>The baseline lies on the start or at most this many days before it (0 = on the start day only).</summary>
    public int BaselineWindowDays { get; init; } = 90;

    /// <summary>Confidence level of the interval.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The instrument whose totals are compared.</summary>
    public string InstrumentId { get; init; } = "djg11";
}

/// <summary>How many dropouts had one <c>dropout_reason</c>; null when suppressed.</summary>
public sealed record ReasonCount(string Reason, int? Count);

/// <summary>
/// Outcomes of one catalogue intervention. A null count or estimate means suppressed (fewer than
/// <see cref="MinN"/> people) or, for estimates, not computable.
/// </summary>
public sealed record InterventionOutcome
{
    public required string InterventionId { get; init; }

    public required int MinN { get; init; }

    /// <summary>Trajectories that reached the referral.</summary>
    public required int? Referred { get; init; }

    /// <summary>Trajectories that started.</summary>
    public required int? Started { get; init; }

    public required int? Completed { get; init; }

    public required int? Declined { get; init; }

    public required int? NeverStarted { get; init; }

    public required int? DroppedOut { get; init; }

    /// <summary>Dropouts per reason, in the vocabulary's order.</summary>
    public required IReadOnlyList<ReasonCount> DroppedOutByReason { get; init; }

    /// <summary>Started trajectories with a referral date: the base of the median waiting time.</summary>
    public required int? WaitingN { get; init; }

    /// <summary>Median days from referral to start.</summary>
    public required double? MedianWaitingDays { get; init; }

    /// <summary>People with a baseline and a follow-up measurement (n of the pre/post change).</summary>
    public required int? Pairs { get; init; }

    /// <summary>Mean of follow-up minus baseline (negative = lower score; on DJG: less lonely).</summary>
    public required double? MeanChange { get; init; }

    public required double? CiLow { get; init; }

    public required double? CiHigh { get; init; }
}

/// <summary>
/// Per-intervention outcome statistics for coordinators, their CSV export and the plain-Dutch
/// "praktijkervaringen" summary (TF-5). Definitions and formulas: docs/support-plan.md, "Outcomes".
/// </summary>
public static class InterventionOutcomes
{
    /// <summary>The CSV header; one row per intervention follows (<see cref="CsvRow"/>).</summary>
    public static string CsvHeader { get; } = string.Join(',',
        new[] { "intervention_id", "min_n", "referred", "started", "completed", "declined", "never_started", "dropped_out" }
            .Concat(Vocabulary.DropoutReasons.Keys.Select(r => "dropped_out_" + r))
            .Concat(["waiting_n", "median_waiting_days", "pairs", "mean_change", "ci_low", "ci_high"]));

    /// <summary>
    /// Outcomes for every id in <paramref name="interventionIds"/> (catalogue order), then for any other
    /// intervention found in the trajectories (by id).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static IReadOnlyList<InterventionOutcome> Compute(
        IReadOnlyList<string> interventionIds, IReadOnlyList<Trajectory> trajectories, IReadOnlyList<MeasurementRecord> measurements, OutcomeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(interventionIds);
        ArgumentNullException.ThrowIfNull(trajectories);
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.MinN);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.WindowDays);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.BaselineWindowDays);
        if (!(settings.Confidence > 0 && settings.Confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Confidence, "Confidence must lie strictly between 0 and 1.");
        }

        var byPerson = measurements
            .Where(m => m.Total is not null && string.Equals(m.InstrumentId, settings.InstrumentId, StringComparison.Ordinal))
            .GroupBy(m => m.PersonId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.Date).ToList(), StringComparer.Ordinal);
        var ids = interventionIds
            .Concat(trajectories.Select(t => t.InterventionId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal);
        return ids.Select(id => ForIntervention(id, trajectories.Where(t => t.InterventionId == id).ToList(), byPerson, settings)).ToList();
    }

    /// <summary>The paired change: (follow-up − baseline) per person, or null when the person has no pair.</summary>
    /// <remarks>
    /// Baseline: the last measurement on or before <paramref name="start"/>, at most <see cref="OutcomeSettings.BaselineWindowDays"/>
    /// days before it (a measurement from long before says little about the state at the start). Follow-up: the measurement nearest to
    /// start + <see cref="OutcomeSettings.FollowUpMonths"/> within ± <see cref="OutcomeSettings.WindowDays"/> and
    /// after the start; the earlier one on a tie.
    /// </remarks>
    internal static int? PairedDifference(IReadOnlyList<MeasurementRecord> sortedByDate, DateOnly start, OutcomeSettings settings)
    {
        var earliest = start.AddDays(-settings.BaselineWindowDays);
        var baseline = sortedByDate.LastOrDefault(m => m.Date <= start && m.Date >= earliest);
        if (baseline is null)
        {
            return null;
        }

        var target = start.AddMonths(settings.FollowUpMonths).DayNumber;
        var followUp = sortedByDate
            .Where(m => m.Date > start && Math.Abs(m.Date.DayNumber - target) <= settings.WindowDays)
            .OrderBy(m => Math.Abs(m.Date.DayNumber - target))
            .ThenBy(m => m.Date)
            .FirstOrDefault();
        return followUp is null ? null : followUp.Total!.Value - baseline.Total!.Value;
    }

    /// <summary>Mean and t-based confidence interval of paired differences; the interval is null below two pairs.</summary>
    /// <exception cref="ArgumentException"><paramref name="differences"/> is empty.</exception>
    public static (double Mean, double? Low, double? High) MeanWithInterval(IReadOnlyList<double> differences, double confidence)
    {
        ArgumentNullException.ThrowIfNull(differences);
        if (differences.Count == 0)
        {
            throw new ArgumentException("At least one difference is needed.", nameof(differences));
        }

        var n = differences.Count;
        var mean = differences.Sum() / n;
        if (n < 2)
        {
            return (mean, null, null);
        }

        var variance = differences.Sum(d => (d - mean) * (d - mean)) / (n - 1);
        var halfWidth = StudentT.Quantile(1 - ((1 - confidence) / 2), n - 1) * Math.Sqrt(variance / n);
        return (mean, mean - halfWidth, mean + halfWidth);
    }

    /// <summary>The median (the mean of the two middle values for an even count).</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("At least one value is needed.", nameof(values));
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>One CSV row (LF not included): integers plain, doubles round-trip, suppressed or missing cells empty.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="outcome"/> is null.</exception>
    public static string CsvRow(InterventionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var cells = new List<string>
        {
            CsvText(outcome.InterventionId),
            outcome.MinN.ToString(CultureInfo.InvariantCulture),
            Cell(outcome.Referred), Cell(outcome.Started), Cell(outcome.Completed),
            Cell(outcome.Declined), Cell(outcome.NeverStarted), Cell(outcome.DroppedOut),
        };
        cells.AddRange(outcome.DroppedOutByReason.Select(r => Cell(r.Count)));
        cells.AddRange([Cell(outcome.WaitingN), Cell(outcome.MedianWaitingDays), Cell(outcome.Pairs), Cell(outcome.MeanChange), Cell(outcome.CiLow), Cell(outcome.CiHigh)]);
        return string.Join(',', cells);
    }

    /// <summary>The whole CSV document: header and rows, LF line ends.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="outcomes"/> is null.</exception>
    public static string ToCsv(IEnumerable<InterventionOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var builder = new StringBuilder().Append(CsvHeader).Append('\n');
        foreach (var outcome in outcomes)
        {
            builder.Append(CsvRow(outcome)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>
    /// The plain-Dutch "praktijkervaringen" summary of one intervention (TF-5), for the recognition route of
    /// Movisie and RIVM. Suppressed numbers are said to be too small to show; the limits of a pre/post
    /// comparison without a comparison group are stated (LM-1).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string PraktijkervaringenSummary(InterventionOutcome outcome, string interventionName, string period, OutcomeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(interventionName);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(settings);

        var few = $"minder dan {outcome.MinN}";
        string Count(int? value) => value is int v ? v.ToString(CultureInfo.InvariantCulture) : few;

        var text = new StringBuilder();
        text.Append("Praktijkervaringen: ").Append(interventionName).Append('\n');
        text.Append("Periode: ").Append(period).Append("\n\n");
        text.Append("Wie deden mee\n");
        text.Append("- Aangemeld: ").Append(Count(outcome.Referred)).Append('\n');
        text.Append("- Begonnen: ").Append(Count(outcome.Started)).Append('\n');
        text.Append("- Helemaal afgerond: ").Append(Count(outcome.Completed)).Append('\n');
        text.Append("- Wilden het toch niet: ").Append(Count(outcome.Declined)).Append('\n');
        text.Append("- Zijn nooit begonnen: ").Append(Count(outcome.NeverStarted)).Append('\n');
        text.Append("- Voortijdig gestopt: ").Append(Count(outcome.DroppedOut)).Append('\n');

        var reasons = outcome.DroppedOutByReason.Where(r => r.Count is > 0).ToList();
        if (reasons.Count > 0)
        {
            text.Append("\nRedenen om te stoppen\n");
            foreach (var reason in reasons)
            {
                text.Append("- ").Append(Vocabulary.Label(Vocabulary.DropoutReasons, reason.Reason)).Append(": ").Append(Count(reason.Count)).Append('\n');
            }
        }

        text.Append("\nWachttijd\n");
        text.Append(outcome.MedianWaitingDays is double median
            ? $"De helft van de mensen kon binnen {SupportText.Number(median, 1)} dagen na de aanmelding beginnen (mediaan, {outcome.WaitingN} mensen).\n"
            : "Te weinig mensen om de wachttijd te tonen.\n");

        text.Append("\nVerandering in eenzaamheid\n");
        if (outcome.MeanChange is double mean)
        {
            text.Append(CultureInfo.InvariantCulture, $"Bij {outcome.Pairs} mensen is gemeten vóór de start en ongeveer {settings.FollowUpMonths} maanden later ({settings.InstrumentId}). ");
            text.Append(CultureInfo.InvariantCulture, $"De score veranderde gemiddeld met {SupportText.Number(mean, 1)} punten");
            if (outcome.CiLow is double low && outcome.CiHigh is double high)
            {
                var level = Math.Round(settings.Confidence * 100, 1).ToString(CultureInfo.InvariantCulture).Replace('.', ',');
                text.Append(CultureInfo.InvariantCulture, $" ({level}%-betrouwbaarheidsinterval: {SupportText.Number(low, 1)} tot {SupportText.Number(high, 1)})");
            }

            text.Append(". Een min betekent een lagere score.\n");
        }
        else
        {
            text.Append("Te weinig mensen met een meting vóór de start en ongeveer ")
                .Append(settings.FollowUpMonths.ToString(CultureInfo.InvariantCulture))
                .Append(" maanden later om een verandering te tonen.\n");
        }

        text.Append("\nHoe lees je dit?\n");
        text.Append("Dit is een meting vóór en na, zonder vergelijkingsgroep. Het laat niet zien dat het aanbod de verandering veroorzaakte: ");
        text.Append("ook de tijd, het seizoen, de gezondheid en andere hulp spelen mee. Mensen die stopten of niet opnieuw gemeten zijn, tellen niet mee in de verandering. ");
        text.Append(CultureInfo.InvariantCulture, $"Aantallen onder de {outcome.MinN} staan er niet in, zodat niemand herkenbaar is.\n");
        return text.ToString();
    }

    private static InterventionOutcome ForIntervention(
        string id, List<Trajectory> trajectories, Dictionary<string, List<MeasurementRecord>> byPerson, OutcomeSettings settings)
    {
        int? Suppress(int count) => count == 0 || count >= settings.MinN ? count : null;
        int CountIn(TrajectoryState state) => trajectories.Count(t => t.State == state);

        var dropouts = trajectories.Where(t => t.State == TrajectoryState.DroppedOut).ToList();
        var waits = trajectories
            .Where(t => t.DateOf(TrajectoryState.Started) is not null && t.DateOf(TrajectoryState.Referred) is not null)
            .Select(t => (double)(t.DateOf(TrajectoryState.Started)!.Value.DayNumber - t.DateOf(TrajectoryState.Referred)!.Value.DayNumber))
            .ToList();

        // One pair per person: their first start with this intervention.
        var differences = trajectories
            .Where(t => t.DateOf(TrajectoryState.Started) is not null)
            .GroupBy(t => t.PersonId, StringComparer.Ordinal)
            .Select(g => (Person: g.Key, Start: g.Min(t => t.DateOf(TrajectoryState.Started)!.Value)))
            .Select(p => byPerson.TryGetValue(p.Person, out var list) ? PairedDifference(list, p.Start, settings) : null)
            .Where(d => d is not null)
            .Select(d => (double)d!.Value)
            .ToList();

        var showWaits = waits.Count >= settings.MinN;
        var showPairs = differences.Count >= settings.MinN;
        var (mean, low, high) = showPairs ? MeanWithInterval(differences, settings.Confidence) : (0, null, null);
        return new InterventionOutcome
        {
            InterventionId = id,
            MinN = settings.MinN,
            Referred = Suppress(trajectories.Count(t => t.DateOf(TrajectoryState.Referred) is not null)),
            Started = Suppress(trajectories.Count(t => t.DateOf(TrajectoryState.Started) is not null)),
            Completed = Suppress(CountIn(TrajectoryState.Completed)),
            Declined = Suppress(CountIn(TrajectoryState.Declined)),
            NeverStarted = Suppress(CountIn(TrajectoryState.NeverStarted)),
            DroppedOut = Suppress(dropouts.Count),
            DroppedOutByReason = Vocabulary.DropoutReasons.Keys
                .Select(r => new ReasonCount(r, Suppress(dropouts.Count(t => string.Equals(t.Exit!.Reason, r, StringComparison.Ordinal)))))
                .ToList(),
            WaitingN = Suppress(waits.Count),
            MedianWaitingDays = showWaits ? Median(waits) : null,
            Pairs = Suppress(differences.Count),
            MeanChange = showPairs ? mean : null,
            CiLow = low,
            CiHigh = high,
        };
    }

    private static string Cell(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Cell(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string CsvText(string value)
    {
        value = SpreadsheetText.Neutralise(value);
        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
