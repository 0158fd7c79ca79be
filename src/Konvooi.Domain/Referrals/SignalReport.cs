using System.Globalization;
using Konvooi.Domain.Common;

namespace Konvooi.Domain.Referrals;

/// <summary>
/// What the signal reports know of one signal or referral: no person, only where it came from, when, where it goes
/// and how it ended. <c>SourceKind</c> is the kind of the sending organisation (e.g. <c>fysiotherapie</c>), or <c>import</c>.
/// </summary>
public sealed record SignalFact(
    DateOnly ReceivedOn,
    string SourceKind,
    string? Wijk,
    IntakeState State,
    IntakeCloseReason? CloseReason,
    DateOnly? FirstContactOn);

/// <summary>A count in a report, or null when the group is too small to show.</summary>
public sealed record ReportCount(string Group, string Month, int? Count);

public sealed record SignalReportResult(
    int MinCellSize,
    IReadOnlyList<ReportCount> BySourceKind,
    IReadOnlyList<ReportCount> ByWijk,
    IReadOnlyList<ReportCount> CloseReasons,
    int FirstContactN,
    double? MedianWorkingDaysToFirstContact,
    int EndedN,
    int? EndedWithPlan,
    double? ShareWithPlan);

/// <summary>
/// Aggregate reports on signals and referrals for coordinators and analysts, with the same small-cell suppression as
/// the daily contact coverage report (<see cref="SmallCells"/>): signals per source kind and per wijk per month,
/// median working days from receipt to first contact, the share of ended signals that led to a plan, and the
/// reasons for closing.
/// </summary>
public static class SignalReport
{
    public const string UnknownWijk = "Onbekend";

    /// <exception cref="ArgumentNullException">When <paramref name="facts"/> is null.</exception>
    public static SignalReportResult Build(IEnumerable<SignalFact> facts, int minCellSize = DailyContact.Coverage.DefaultMinCellSize)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCellSize, 1);
        var list = facts.ToList();

        var contactDays = list.Where(f => f.FirstContactOn is not null)
            .Select(f => WorkingDays.Between(f.ReceivedOn, f.FirstContactOn!.Value))
            .Order()
            .ToList();
        var ended = list.Where(f => f.State is IntakeState.PlanAgreed or IntakeState.Closed).ToList();
        var withPlan = ended.Count(f => f.State == IntakeState.PlanAgreed);
        var showEnded = ended.Count >= minCellSize;

        return new SignalReportResult(
            minCellSize,
            PerMonth(list, f => f.SourceKind, minCellSize),
            PerMonth(list, f => string.IsNullOrWhiteSpace(f.Wijk) ? UnknownWijk : f.Wijk.Trim(), minCellSize),
            PerMonth(list.Where(f => f.State == IntakeState.Closed).ToList(), f => SignalVocabulary.Code(f.CloseReason ?? IntakeCloseReason.Other), minCellSize),
            contactDays.Count,
            contactDays.Count >= minCellSize ? Median(contactDays) : null,
            ended.Count,
            showEnded ? withPlan : null,
            showEnded && ended.Count > 0 ? (double)withPlan / ended.Count : null);
    }

    /// <summary>The median of sorted values (the mean of the two middle values for an even count).</summary>
    public static double Median(IReadOnlyList<int> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(sorted));
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    /// <summary>Counts per group within each month ("2026-03"); suppression works within a month, so a month's total cannot reveal a hidden group.</summary>
    private static List<ReportCount> PerMonth(IReadOnlyList<SignalFact> facts, Func<SignalFact, string> group, int minCellSize)
    {
        var rows = new List<ReportCount>();
        foreach (var month in facts.GroupBy(f => f.ReceivedOn.ToString("yyyy-MM", CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var counts = month.GroupBy(group, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var hidden = SmallCells.Hidden(counts, minCellSize);
            rows.AddRange(counts.OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new ReportCount(c.Key, month.Key, hidden.Contains(c.Key) ? null : c.Value)));
        }

        return rows;
    }
}
