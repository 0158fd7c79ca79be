using System.Globalization;

namespace Konvooi.Domain.DailyContact;

/// <summary>
/// One scheduled contact moment: a day of an arrangement with its UTC window and who takes it. A slot is a
/// snapshot: it keeps the escalation ladder it was generated with, so a later change to the arrangement does not
/// change what happens to a slot already under way.
/// </summary>
/// <remarks>
/// <c>Reference</c> is stable and opaque (such as <c>3f2a…-20260329</c>): the only thing about a slot that leaves
/// the platform. <c>ContactId</c> null is a gap in the rota. <c>IsSubstitute</c> is true when a substitute or another
/// rota member stands in for the usual contact. <c>SecondContactId</c> is who is asked to look in when the slot is
/// missed; null when nobody is available.
/// </remarks>
public sealed record Slot(
    string Reference,
    Guid ArrangementId,
    Guid PersonId,
    DateOnly LocalDate,
    DateTime StartUtc,
    DateTime EndUtc,
    ContactForm Form,
    Guid? ContactId,
    bool IsSubstitute,
    Guid? SecondContactId,
    EscalationLadder Escalation)
{
    public bool IsGap => ContactId is null;

    /// <summary>The stable reference of the slot of <paramref name="arrangementId"/> on <paramref name="date"/>.</summary>
    public static string ReferenceFor(Guid arrangementId, DateOnly date) =>
        arrangementId.ToString("N", CultureInfo.InvariantCulture) + "-" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}

/// <summary>Generates the slots of an arrangement for a range of local dates.</summary>
public static class SlotGenerator
{
    /// <summary>
    /// One slot for every scheduled day from <paramref name="from"/> to <paramref name="to"/> (both included),
    /// skipping days outside the arrangement, unscheduled weekdays and pauses.
    /// </summary>
    /// <remarks>
    /// Assignment: the main rota members for the weekday take turns week by week (week 0 is the week of the start
    /// date), in rota order. If that member is unavailable the next main member of the day is tried, then the
    /// substitutes for the day in rota order. When nobody is available the slot is a gap (<see cref="Slot.IsGap"/>).
    /// The second contact is the ladder's fixed second contact when available, otherwise the next available person
    /// in the same order.
    /// </remarks>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    /// <exception cref="ArgumentException">When the window ends before it starts: validate the arrangement first.</exception>
    public static IReadOnlyList<Slot> Generate(
        Arrangement arrangement,
        DateOnly from,
        DateOnly to,
        TimeZoneInfo zone,
        IReadOnlyList<Unavailability>? unavailable = null)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(zone);
        if (arrangement.Window.End <= arrangement.Window.Start)
        {
            throw new ArgumentException("The arrangement's window must end after it starts; validate it first.", nameof(arrangement));
        }

        unavailable ??= [];

        var slots = new List<Slot>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (!arrangement.IsScheduledOn(date))
            {
                continue;
            }

            var (startUtc, endUtc) = LocalTime.WindowToUtc(date, arrangement.Window, zone);
            var candidates = CandidatesInOrder(arrangement, date);
            bool IsAvailable(Guid id) => !unavailable.Any(u => u.Covers(id, date));

            var usual = candidates.Count > 0 ? candidates[0] : (Guid?)null;
            var assigned = candidates.Where(IsAvailable).Select(id => (Guid?)id).FirstOrDefault();
            var second = arrangement.Escalation.SecondContactId is { } fixedSecond && fixedSecond != assigned && IsAvailable(fixedSecond)
                ? fixedSecond
                : candidates.Where(id => id != assigned && IsAvailable(id)).Select(id => (Guid?)id).FirstOrDefault();

            slots.Add(new Slot(
                Slot.ReferenceFor(arrangement.Id, date),
                arrangement.Id,
                arrangement.PersonId,
                date,
                startUtc,
                endUtc,
                arrangement.Form,
                assigned,
                assigned is not null && assigned != usual,
                second,
                arrangement.Escalation));
        }

        return slots;
    }

    private static List<Guid> CandidatesInOrder(Arrangement arrangement, DateOnly date)
    {
        var mains = arrangement.Rota
            .Where(m => m.Position == RotaPosition.Main && m.Days.Contains(date.DayOfWeek))
            .Select(m => m.ContactId)
            .Distinct()
            .ToList();
        var ordered = new List<Guid>();
        if (mains.Count > 0)
        {
            var week = (date.DayNumber - arrangement.StartDate.DayNumber) / 7;
            var first = week % mains.Count;
            ordered.AddRange(mains.Skip(first).Concat(mains.Take(first)));
        }

        ordered.AddRange(arrangement.Rota
            .Where(m => m.Position == RotaPosition.Substitute && m.Days.Contains(date.DayOfWeek))
            .Select(m => m.ContactId)
            .Where(id => !ordered.Contains(id))
            .Distinct());
        return ordered;
    }
}
