namespace Konvooi.Domain.Common;

/// <summary>
/// The date in the Netherlands: the "today" of every date rule and form default in Konvooi. Users work
/// in Dutch time, so between midnight and 01:00 (winter) or 02:00 (summer) today is not the UTC date.
/// </summary>
public static class DutchDate
{
    public const string ZoneId = "Europe/Amsterdam";

    /// <summary>The Europe/Amsterdam zone from the operating system's time-zone data.</summary>
    /// <exception cref="TimeZoneNotFoundException">When the system has no data for Europe/Amsterdam.</exception>
    public static TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>Today's date in the Netherlands by <paramref name="time"/>.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="time"/> is null.</exception>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Of(time.GetUtcNow().UtcDateTime);
    }

    /// <summary>The date in the Netherlands at the UTC instant <paramref name="utc"/>.</summary>
    public static DateOnly Of(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone()));
}
