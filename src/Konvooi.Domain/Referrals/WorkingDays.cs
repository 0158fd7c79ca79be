namespace Konvooi.Domain.Referrals;

/// <summary>
/// Working days for response deadlines: Monday to Friday, except the general public holidays that the Dutch
/// Algemene termijnenwet (article 3) treats as a Sunday when a time limit is counted: New Year's Day, Easter
/// Monday, King's Day (27 April, or 26 April when the 27th is a Sunday), Liberation Day (5 May, every year),
/// Ascension Day, Whit Monday, and Christmas Day and Boxing Day. Good Friday is not in that list; an
/// organisation that closes on it (or on any other day) passes it as an extra closed day.
/// </summary>
public static class WorkingDays
{
    /// <summary>The public holidays of <paramref name="year"/> that are not working days, in date order.</summary>
    public static IReadOnlyList<DateOnly> PublicHolidays(int year)
    {
        var easter = EasterSunday(year);
        var kingsDay = new DateOnly(year, 4, 27);
        if (kingsDay.DayOfWeek == DayOfWeek.Sunday)
        {
            kingsDay = kingsDay.AddDays(-1);
        }

        return new[]
        {
            new DateOnly(year, 1, 1),
            easter.AddDays(1),
            kingsDay,
            new DateOnly(year, 5, 5),
            easter.AddDays(39),
            easter.AddDays(50),
            new DateOnly(year, 12, 25),
            new DateOnly(year, 12, 26),
        }.Order().ToList();
    }

    /// <summary>Whether <paramref name="date"/> is one of <see cref="PublicHolidays"/>.</summary>
    public static bool IsPublicHoliday(DateOnly date) => PublicHolidays(date.Year).Contains(date);

    /// <summary>Monday to Friday, not a public holiday and not one of <paramref name="extraClosedDays"/>.</summary>
    public static bool IsWorkingDay(DateOnly date, IReadOnlySet<DateOnly>? extraClosedDays = null) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !IsPublicHoliday(date)
        && (extraClosedDays is null || !extraClosedDays.Contains(date));

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/> (the start day itself does
    /// not count). With 0: <paramref name="start"/> when it is a working day, otherwise the next working day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="workingDays"/> is negative.</exception>
    public static DateOnly Add(DateOnly start, int workingDays, IReadOnlySet<DateOnly>? extraClosedDays = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        if (workingDays == 0)
        {
            while (!IsWorkingDay(date, extraClosedDays))
            {
                date = date.AddDays(1);
            }

            return date;
        }

        var counted = 0;
        while (counted < workingDays)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date, extraClosedDays))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>: 0 on the
    /// same day, 1 from a Friday to the next Monday. Negative when <paramref name="to"/> lies before <paramref name="from"/>.
    /// </summary>
    public static int Between(DateOnly from, DateOnly to, IReadOnlySet<DateOnly>? extraClosedDays = null)
    {
        if (to < from)
        {
            return -Between(to, from, extraClosedDays);
        }

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date, extraClosedDays))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For years before 1583.</exception>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
