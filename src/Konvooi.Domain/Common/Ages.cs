namespace Konvooi.Domain.Common;

public static class Ages
{
    /// <summary>Age in whole years on <paramref name="day"/> (a birthday on 29 February counts from 28 February in other years).</summary>
    public static int InWholeYears(DateOnly born, DateOnly day) =>
        day.Year - born.Year - (day < born.AddYears(day.Year - born.Year) ? 1 : 0);
}
