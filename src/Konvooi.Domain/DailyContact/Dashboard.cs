namespace Konvooi.Domain.DailyContact;

/// <summary>How a slot of today looks on the coordinator's dashboard.</summary>
public enum TodayCategory
{
    /// <summary>Contact confirmed (in time or late) or the coordinator closed it.</summary>
    Done,

    /// <summary>Still to come or the window is open.</summary>
    Due,

    /// <summary>The window passed without confirmation; no escalation step yet.</summary>
    Overdue,

    /// <summary>The escalation ladder has started.</summary>
    Escalated,
}

public sealed record TodayEntry(SlotState State, TodayCategory Category);

public sealed record TodayOverview(IReadOnlyList<TodayEntry> Entries)
{
    public int Count(TodayCategory category) => Entries.Count(e => e.Category == category);
}

/// <summary>How many slots a contact takes in a period.</summary>
public sealed record ContactLoad(Guid ContactId, int Slots, int AsStandIn, int People);

/// <summary>
/// Per person: <c>Streak</c> is the number of consecutive finished slots with contact, counted back from the most
/// recent; <c>MissedDays</c> the finished slots without contact (missed, escalated or closed by the coordinator).
/// </summary>
public sealed record PersonStreak(Guid PersonId, int Streak, int MissedDays, DateOnly? LastContactDate);

/// <summary>A "something seemed different" signal to follow up in the person's plan.</summary>
public sealed record FollowUpSignal(Guid PersonId, string SlotReference, DateOnly LocalDate, IReadOnlySet<DifferenceSignal> Signals, DateTime ConfirmedAtUtc);

/// <summary>The pure computations behind the coordinator's dashboard.</summary>
public static class Dashboard
{
    public const int DefaultGapHorizonDays = 14;

    /// <summary>
    /// Today's slots by category, in start order. Each state is first brought up to <paramref name="nowUtc"/> with
    /// <see cref="SlotMachine.Advance"/> (its actions are dropped: the dashboard only reads), so the view is right even
    /// when the background job is behind.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="states"/> is null.</exception>
    public static TodayOverview Today(IEnumerable<SlotState> states, DateOnly today, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(states);
        var entries = states
            .Where(s => s.Slot.LocalDate == today)
            .Select(s => SlotMachine.Advance(s, nowUtc).State)
            .OrderBy(s => s.Slot.StartUtc)
            .Select(s => new TodayEntry(s, Categorise(s)))
            .ToList();
        return new TodayOverview(entries);
    }

    /// <summary>Slots without anyone assigned from <paramref name="today"/> for <paramref name="days"/> days.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="slots"/> is null.</exception>
    public static IReadOnlyList<Slot> RotaGaps(IEnumerable<Slot> slots, DateOnly today, int days = DefaultGapHorizonDays)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var last = today.AddDays(days - 1);
        return slots
            .Where(s => s.IsGap && s.LocalDate >= today && s.LocalDate <= last)
            .OrderBy(s => s.StartUtc)
            .ToList();
    }

    /// <summary>Each contact's number of slots (and stand-ins and distinct people), busiest first.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="slots"/> is null.</exception>
    public static IReadOnlyList<ContactLoad> Load(IEnumerable<Slot> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        return slots
            .Where(s => s.ContactId is not null)
            .GroupBy(s => s.ContactId.GetValueOrDefault())
            .Select(g => new ContactLoad(g.Key, g.Count(), g.Count(s => s.IsSubstitute), g.Select(s => s.PersonId).Distinct().Count()))
            .OrderByDescending(l => l.Slots)
            .ThenBy(l => l.ContactId)
            .ToList();
    }

    /// <summary>
    /// Streak and missed days per person over the given slot states. A slot counts once it is finished: it has
    /// contact, or its window ended before <paramref name="nowUtc"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="states"/> is null.</exception>
    public static IReadOnlyList<PersonStreak> Streaks(IEnumerable<SlotState> states, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(states);
        return states
            .Where(s => s.HasContact || s.Slot.EndUtc <= nowUtc)
            .GroupBy(s => s.Slot.PersonId)
            .Select(g =>
            {
                var newestFirst = g.OrderByDescending(s => s.Slot.StartUtc).ToList();
                return new PersonStreak(
                    g.Key,
                    newestFirst.TakeWhile(s => s.HasContact).Count(),
                    newestFirst.Count(s => !s.HasContact),
                    newestFirst.FirstOrDefault(s => s.HasContact)?.Slot.LocalDate);
            })
            .OrderBy(p => p.Streak)
            .ThenByDescending(p => p.MissedDays)
            .ToList();
    }

    /// <summary>Confirmations that came with a "something seemed different" signal, newest first.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="states"/> is null.</exception>
    public static IReadOnlyList<FollowUpSignal> Signals(IEnumerable<SlotState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return states
            .Where(s => s.Confirmation is { } c && c.SignalsGiven.Count > 0)
            .Select(s => new FollowUpSignal(s.Slot.PersonId, s.Slot.Reference, s.Slot.LocalDate, s.Confirmation!.SignalsGiven, s.Confirmation.AtUtc))
            .OrderByDescending(f => f.ConfirmedAtUtc)
            .ToList();
    }

    private static TodayCategory Categorise(SlotState state) => state.Status switch
    {
        SlotStatus.Confirmed or SlotStatus.ConfirmedLate or SlotStatus.Resolved => TodayCategory.Done,
        SlotStatus.Missed => TodayCategory.Overdue,
        SlotStatus.Escalated => TodayCategory.Escalated,
        _ => TodayCategory.Due,
    };
}
