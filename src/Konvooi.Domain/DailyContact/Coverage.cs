using Konvooi.Domain.Common;

namespace Konvooi.Domain.DailyContact;

/// <summary>
/// A person as the coverage report sees them: only the wijk and whether they are in the target group, which comes
/// from the profile: lives alone and has no daily contact from their own network (JG-6).
/// </summary>
public sealed record CoveragePerson(Guid PersonId, string? Wijk, bool LivesAloneWithoutDailyContact)
{
    /// <summary>
    /// The same rule as the matching flag <c>no_daily_contact</c>: <c>livesAlone</c> is true and <c>dailyContact</c>
    /// is false. Unknown is not in the target group.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="profile"/> is null.</exception>
    public static CoveragePerson FromProfile(Guid personId, string? wijk, Matching.Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new CoveragePerson(personId, wijk, profile.LivesAlone == true && profile.DailyContact == false);
    }
}

/// <summary>
/// One row of the coverage report. When <see cref="IsSuppressed"/> every number is null: the group is too small to
/// show (or was hidden so a small group cannot be worked out from the total).
/// </summary>
public sealed record CoverageCell(
    string Wijk,
    bool IsSuppressed,
    int? PeopleInTargetGroup,
    int? WithActiveArrangement,
    int? ScheduledDays,
    int? ConfirmedDays)
{
    /// <summary>Share of scheduled (finished) days with confirmed contact; null when suppressed or no days.</summary>
    public double? ConfirmedShare => ScheduledDays is > 0 && ConfirmedDays is { } confirmed ? (double)confirmed / ScheduledDays.Value : null;
}

public sealed record CoverageReport(DateOnly From, DateOnly To, int MinCellSize, IReadOnlyList<CoverageCell> Wijken, CoverageCell Total);

/// <summary>Coverage of the daily contact moment among people who live alone without daily contact, by wijk.</summary>
public static class Coverage
{
    public const int DefaultMinCellSize = 10;

    public const string UnknownWijk = "Onbekend";

    public const string TotalLabel = "Totaal";

    /// <summary>
    /// Builds the report for the local dates <paramref name="from"/> to <paramref name="to"/>. An arrangement is
    /// active when its period overlaps the range. A scheduled day counts once its outcome is known (confirmed,
    /// missed, escalated or closed); a day with contact is confirmed in time or late.
    /// </summary>
    /// <remarks>
    /// Small-cell suppression (<see cref="SmallCells"/>): a wijk with fewer than <paramref name="minCellSize"/> people in
    /// the target group shows no numbers. If exactly one wijk is suppressed, the next smallest is suppressed too, so the
    /// hidden wijk cannot be found by subtracting the others from the total. The total is suppressed when it is itself too small.
    /// </remarks>
    /// <exception cref="ArgumentNullException">When a collection is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="minCellSize"/> is below 1.</exception>
    public static CoverageReport Build(
        IEnumerable<CoveragePerson> people,
        IEnumerable<Arrangement> arrangements,
        IEnumerable<SlotState> slotStates,
        DateOnly from,
        DateOnly to,
        int minCellSize = DefaultMinCellSize)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(arrangements);
        ArgumentNullException.ThrowIfNull(slotStates);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCellSize, 1);

        var target = people.Where(p => p.LivesAloneWithoutDailyContact).ToList();
        var targetIds = target.Select(p => p.PersonId).ToHashSet();
        var active = arrangements
            .Where(a => targetIds.Contains(a.PersonId) && a.StartDate <= to && (a.EndDate is null || a.EndDate >= from))
            .Select(a => a.PersonId)
            .ToHashSet();
        var finished = slotStates
            .Where(s => targetIds.Contains(s.Slot.PersonId) && s.Slot.LocalDate >= from && s.Slot.LocalDate <= to)
            .Where(s => s.Status is not (SlotStatus.Scheduled or SlotStatus.Due))
            .ToList();

        CoverageCell Cell(string wijk, IReadOnlyCollection<CoveragePerson> group)
        {
            var ids = group.Select(p => p.PersonId).ToHashSet();
            var days = finished.Where(s => ids.Contains(s.Slot.PersonId)).ToList();
            return new CoverageCell(wijk, false, group.Count, ids.Count(active.Contains), days.Count, days.Count(s => s.HasContact));
        }

        var cells = target
            .GroupBy(p => string.IsNullOrWhiteSpace(p.Wijk) ? UnknownWijk : p.Wijk.Trim())
            .Select(g => Cell(g.Key, g.ToList()))
            .OrderBy(c => c.Wijk, StringComparer.Ordinal)
            .ToList();

        var hidden = SmallCells.Hidden(cells.ToDictionary(c => c.Wijk, c => c.PeopleInTargetGroup!.Value, StringComparer.Ordinal), minCellSize);

        var total = Cell(TotalLabel, target);
        return new CoverageReport(
            from,
            to,
            minCellSize,
            cells.Select(c => hidden.Contains(c.Wijk) ? Suppressed(c.Wijk) : c).ToList(),
            total.PeopleInTargetGroup < minCellSize ? Suppressed(TotalLabel) : total);
    }

    private static CoverageCell Suppressed(string wijk) => new(wijk, true, null, null, null, null);
}
