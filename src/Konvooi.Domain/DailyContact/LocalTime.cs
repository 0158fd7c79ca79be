using Konvooi.Domain.Common;

namespace Konvooi.Domain.DailyContact;

/// <summary>
/// Turns local wall-clock times into UTC instants with the daily-contact rules for daylight saving time.
/// </summary>
/// <remarks>
/// Spring forward (e.g. 2026-03-29 in Europe/Amsterdam, 02:00 → 03:00): a time in the skipped hour moves to the
/// first valid time after it (03:00 local). Fall back (e.g. 2026-10-25, 03:00 → 02:00): a time that occurs twice
/// counts at its first occurrence (the summer-time one). See docs/daily-contact.md.
/// </remarks>
public static class LocalTime
{
    public const string AmsterdamZoneId = DutchDate.ZoneId;

    /// <summary>The Europe/Amsterdam zone from the operating system's time-zone data.</summary>
    /// <exception cref="TimeZoneNotFoundException">When the system has no data for Europe/Amsterdam.</exception>
    public static TimeZoneInfo Amsterdam() => DutchDate.Zone();

    /// <summary>The UTC instant of <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/>.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="zone"/> is null.</exception>
    public static DateTime ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);

        if (zone.IsInvalidTime(local))
        {
            local = FirstValidTimeAfter(local, zone);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The first occurrence is the one with the larger UTC offset: it is reached earlier in UTC.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>
    /// The UTC start and end of a local window. Each bound is resolved with <see cref="ToUtc"/>; when both fall in a
    /// skipped hour (so they would collapse onto the same instant), the window keeps its agreed length from the
    /// moved start.
    /// </summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static (DateTime StartUtc, DateTime EndUtc) WindowToUtc(DateOnly date, TimeWindow window, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(window);
        var start = ToUtc(date, window.Start, zone);
        var end = ToUtc(date, window.End, zone);
        if (end <= start)
        {
            end = start + window.Length;
        }

        return (start, end);
    }

    /// <summary>The local date of a UTC instant in <paramref name="zone"/>.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="zone"/> is null.</exception>
    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
    }

    private static DateTime FirstValidTimeAfter(DateTime local, TimeZoneInfo zone)
    {
        var candidate = new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
        for (var minutes = 0; minutes < 24 * 60 && zone.IsInvalidTime(candidate); minutes++)
        {
            candidate = candidate.AddMinutes(1);
        }

        return candidate;
    }
}
