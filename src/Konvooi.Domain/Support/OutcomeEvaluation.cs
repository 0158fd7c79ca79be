using Konvooi.Domain.Statistics;

namespace Konvooi.Domain.Support;

/// <summary>One scored administration with the DJG subscales, as the evaluation needs it.</summary>
public sealed record ScoredMeasurement(string PersonId, string InstrumentId, DateOnly Date, int? Total, int? Emotional = null, int? Social = null);

/// <summary>Settings of the evaluation on /Outcomes; defaults and reasons in docs/support-plan.md, "Evaluation that holds up".</summary>
public sealed record EvaluationSettings
{
    public static EvaluationSettings Default { get; } = new();

    /// <summary>Cells counting fewer people than this (but more than zero) are suppressed; estimates need at least this many.</summary>
    public int MinN { get; init; } = 10;

    /// <summary>The baseline is the last measurement on or at most this many days before the trajectory start.</summary>
    public int BaselineWindowDays { get; init; } = 90;

    /// <summary>The follow-up lies from this many months after the start …</summary>
    public int FollowUpFromMonths { get; init; } = 3;

    /// <summary>… up to this many months after the start (inclusive).</summary>
    public int FollowUpToMonths { get; init; } = 12;

    /// <summary>Within the window, the measurement nearest to this many months after the start is the follow-up.</summary>
    public int FollowUpTargetMonths { get; init; } = 6;

    /// <summary>Confidence level of every interval.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>
    /// The instruments evaluated, each on its own (never pooled): the two DJG scales, and WHO-5 well-being beside loneliness (VT-2).
    /// </summary>
    public IReadOnlyList<string> Instruments { get; init; } = ["djg11", "djg6", "who5"];
}

/// <summary>A mean change with its t-interval; null when suppressed (n below <see cref="EvaluationSettings.MinN"/>) or not computable.</summary>
public sealed record ChangeEstimate(int? N, double? Mean, double? Low, double? High);

/// <summary>
/// Of the people lonely at the baseline (by the instrument's own cut-off), how many were not lonely at the follow-up:
/// the share with its Wilson interval. Null parts are suppressed.
/// </summary>
public sealed record TransitionEstimate(int? LonelyAtStart, int? NotLonelyAfter, double? Share, double? Low, double? High);

/// <summary>The evaluation of one group on one instrument.</summary>
public sealed record InstrumentEvaluation(string InstrumentId, int? Pairs, ChangeEstimate Total, ChangeEstimate Emotional, ChangeEstimate Social, TransitionEstimate Transition)
{
    /// <summary>Whether the instrument is a DJG loneliness scale: only then are the subscales and the lonely cut-off defined.</summary>
    public bool IsLonelinessScale => OutcomeEvaluation.LonelyFrom(InstrumentId) is not null;
}

/// <summary>One group: an intervention (people who started it) or the comparison group.</summary>
public sealed record GroupEvaluation(string GroupId, int? People, IReadOnlyList<InstrumentEvaluation> ByInstrument);

/// <summary>The evaluation of every intervention and the comparison group.</summary>
public sealed record EvaluationReport(IReadOnlyList<GroupEvaluation> Interventions, GroupEvaluation Comparison, EvaluationSettings Settings);

/// <summary>
/// Before/after evaluation that holds up as far as observational data allow (LM-1): the baseline anchored to the trajectory start
/// within a window, a follow-up window, the emotional and social subscales beside the total (VT-1), DJG-6 and DJG-11 each on
/// their own, the share that moves from lonely to not lonely by the instrument's own cut-off, and a comparison group of people
/// who declined, never started or waited. Definitions: docs/support-plan.md, "Evaluation that holds up".
/// </summary>
public static class OutcomeEvaluation
{
    /// <summary>The id of the comparison group in <see cref="EvaluationReport.Comparison"/>.</summary>
    public const string ComparisonGroupId = "comparison";

    /// <summary>
    /// Whether a total counts as lonely on the instrument's own cut-off: DJG-11 total ≥ 3 (Van Tilburg &amp; De Jong Gierveld 1999;
    /// the GGD indicator "eenzaam"), DJG-6 total ≥ 2 (the manual's <c>lonescat</c>, "moderately lonely" from 2). Null for other instruments.
    /// </summary>
    public static bool? IsLonely(string instrumentId, int total) => instrumentId switch
    {
        "djg11" => total >= 3,
        "djg6" => total >= 2,
        _ => null,
    };

    /// <summary>The cut-off of <see cref="IsLonely"/> (lowest lonely total), or null for an instrument without one here.</summary>
    public static int? LonelyFrom(string instrumentId) => instrumentId switch
    {
        "djg11" => 3,
        "djg6" => 2,
        _ => null,
    };

    /// <summary>
    /// The baseline and follow-up around <paramref name="anchor"/> (the trajectory start), or null without a pair.
    /// Baseline: the last measurement with a total on or before the anchor, at most <see cref="EvaluationSettings.BaselineWindowDays"/>
    /// days before it. Follow-up: a measurement with a total from anchor + <see cref="EvaluationSettings.FollowUpFromMonths"/> to
    /// anchor + <see cref="EvaluationSettings.FollowUpToMonths"/> months (inclusive), the one nearest to anchor +
    /// <see cref="EvaluationSettings.FollowUpTargetMonths"/>; the earlier one on a tie.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static (ScoredMeasurement Baseline, ScoredMeasurement FollowUp)? Pair(IReadOnlyList<ScoredMeasurement> measurements, DateOnly anchor, EvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(settings);
        var earliest = anchor.AddDays(-settings.BaselineWindowDays);
        var baseline = measurements
            .Where(m => m.Total is not null && m.Date <= anchor && m.Date >= earliest)
            .OrderBy(m => m.Date)
            .LastOrDefault();
        if (baseline is null)
        {
            return null;
        }

        var from = anchor.AddMonths(settings.FollowUpFromMonths);
        var to = anchor.AddMonths(settings.FollowUpToMonths);
        var target = anchor.AddMonths(settings.FollowUpTargetMonths).DayNumber;
        var followUp = measurements
            .Where(m => m.Total is not null && m.Date > anchor && m.Date >= from && m.Date <= to)
            .OrderBy(m => Math.Abs(m.Date.DayNumber - target))
            .ThenBy(m => m.Date)
            .FirstOrDefault();
        return followUp is null ? null : (baseline, followUp);
    }

    /// <summary>
    /// Wilson score interval for a proportion k/n (Wilson 1927): centre (p̂ + z²/2n) / (1 + z²/n), half-width
    /// z·√(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n), with z the normal quantile of 1 − α/2.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n is not positive, k is outside 0…n, or the confidence is not strictly between 0 and 1.</exception>
    public static (double Low, double High) Wilson(int successes, int n, double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, n);
        CheckConfidence(confidence);
        var z = NormalQuantile(1 - ((1 - confidence) / 2));
        var p = (double)successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>The standard normal quantile, by bisection on <see cref="Distributions.NormalUpperTail"/> to machine precision.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not strictly between 0 and 1.</exception>
    public static double NormalQuantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must lie strictly between 0 and 1.");
        }

        double low = -40, high = 40;
        for (var i = 0; i < 200 && high - low > 1e-15; i++)
        {
            var mid = (low + high) / 2;
            if (1 - Distributions.NormalUpperTail(mid) < p)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    /// <summary>
    /// Evaluates every intervention in <paramref name="interventionIds"/> (then any other found in the trajectories) and the comparison group.
    /// </summary>
    /// <remarks>
    /// Intervention group: each person once per intervention, anchored at their first <c>started</c> step with it (dropouts
    /// included). Comparison group: each person whose trajectories in the input never reached <c>started</c> but include one that was
    /// declined, never started, or is (or was last) referred or waiting; anchored at their earliest such trajectory's referral date,
    /// or its proposal date when it was never referred. Not randomised: these are different people (LM-1).
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static EvaluationReport Evaluate(
        IReadOnlyList<string> interventionIds, IReadOnlyList<Trajectory> trajectories, IReadOnlyList<ScoredMeasurement> measurements, EvaluationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(interventionIds);
        ArgumentNullException.ThrowIfNull(trajectories);
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.MinN);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.BaselineWindowDays);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.FollowUpFromMonths);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.FollowUpToMonths, settings.FollowUpFromMonths);
        CheckConfidence(settings.Confidence);

        var byPersonAndInstrument = measurements
            .GroupBy(m => (m.PersonId, m.InstrumentId))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ScoredMeasurement>)g.OrderBy(m => m.Date).ToList());

        var ids = interventionIds
            .Concat(trajectories.Select(t => t.InterventionId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal);
        var interventions = ids.Select(id =>
        {
            var anchors = trajectories
                .Where(t => t.InterventionId == id && t.DateOf(TrajectoryState.Started) is not null)
                .GroupBy(t => t.PersonId, StringComparer.Ordinal)
                .Select(g => (Person: g.Key, Anchor: g.Min(t => t.DateOf(TrajectoryState.Started)!.Value)))
                .ToList();
            return Group(id, anchors, byPersonAndInstrument, settings);
        }).ToList();

        var comparisonAnchors = trajectories
            .GroupBy(t => t.PersonId, StringComparer.Ordinal)
            .Where(g => g.All(t => t.DateOf(TrajectoryState.Started) is null))
            .Select(g => (Person: g.Key, Candidates: g.Where(InComparison).Select(t => t.DateOf(TrajectoryState.Referred) ?? t.Events[0].Date).ToList()))
            .Where(p => p.Candidates.Count > 0)
            .Select(p => (p.Person, Anchor: p.Candidates.Min()))
            .ToList();
        var comparison = Group(ComparisonGroupId, comparisonAnchors, byPersonAndInstrument, settings);
        return new EvaluationReport(interventions, comparison, settings);
    }

    /// <summary>Declined, never started, or referred/waiting (not yet started).</summary>
    private static bool InComparison(Trajectory trajectory) => trajectory.State is
        TrajectoryState.Declined or TrajectoryState.NeverStarted or TrajectoryState.Referred or TrajectoryState.Waiting;

    private static GroupEvaluation Group(
        string id, List<(string Person, DateOnly Anchor)> anchors, Dictionary<(string, string), IReadOnlyList<ScoredMeasurement>> measurements, EvaluationSettings settings)
    {
        var byInstrument = settings.Instruments.Select(instrument =>
        {
            var pairs = anchors
                .Select(a => measurements.TryGetValue((a.Person, instrument), out var list) ? Pair(list, a.Anchor, settings) : null)
                .Where(p => p is not null)
                .Select(p => p!.Value)
                .ToList();
            return ForInstrument(instrument, pairs, settings);
        }).ToList();
        return new GroupEvaluation(id, Suppress(anchors.Count, settings.MinN), byInstrument);
    }

    private static InstrumentEvaluation ForInstrument(string instrument, List<(ScoredMeasurement Baseline, ScoredMeasurement FollowUp)> pairs, EvaluationSettings settings)
    {
        ChangeEstimate Change(Func<ScoredMeasurement, int?> score)
        {
            var differences = pairs
                .Where(p => score(p.Baseline) is not null && score(p.FollowUp) is not null)
                .Select(p => (double)(score(p.FollowUp)!.Value - score(p.Baseline)!.Value))
                .ToList();
            if (differences.Count < settings.MinN)
            {
                return new ChangeEstimate(Suppress(differences.Count, settings.MinN), null, null, null);
            }

            var (mean, low, high) = InterventionOutcomes.MeanWithInterval(differences, settings.Confidence);
            return new ChangeEstimate(differences.Count, mean, low, high);
        }

        TransitionEstimate Transition()
        {
            if (LonelyFrom(instrument) is not int cut)
            {
                return new TransitionEstimate(null, null, null, null, null);
            }

            var lonely = pairs.Where(p => p.Baseline.Total >= cut).ToList();
            if (lonely.Count < settings.MinN)
            {
                return new TransitionEstimate(Suppress(lonely.Count, settings.MinN), null, null, null, null);
            }

            // With a base of at least MinN the numerator is shown too: it is the share times the base (no hidden cell to protect).
            var moved = lonely.Count(p => p.FollowUp.Total < cut);
            var (low, high) = Wilson(moved, lonely.Count, settings.Confidence);
            return new TransitionEstimate(lonely.Count, moved, (double)moved / lonely.Count, low, high);
        }

        return new InstrumentEvaluation(
            instrument,
            Suppress(pairs.Count, settings.MinN),
            Change(m => m.Total),
            Change(m => m.Emotional),
            Change(m => m.Social),
            Transition());
    }

    private static int? Suppress(int count, int minN) => count == 0 || count >= minN ? count : null;

    private static void CheckConfidence(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must lie strictly between 0 and 1.");
        }
    }
}
