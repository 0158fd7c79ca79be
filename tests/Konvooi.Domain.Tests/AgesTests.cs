using Konvooi.Domain.Common;

namespace Konvooi.Domain.Tests;

public sealed class AgesTests
{
    [Theory]
    [InlineData("1944-05-17", "2026-05-16", 81)] // the day before the birthday
    [InlineData("1944-05-17", "2026-05-17", 82)] // on the birthday
    [InlineData("1948-02-29", "2026-02-28", 78)] // leap-day birthday in a common year: counted from 28 February
    [InlineData("1948-02-29", "2028-02-29", 80)]
    public void InWholeYears_AroundBirthdays_CountsCompletedYears(string born, string day, int expected) =>
        Assert.Equal(expected, Ages.InWholeYears(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
}
