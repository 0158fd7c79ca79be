using Konvooi.Domain.Common;

namespace Konvooi.Domain.Tests;

public sealed class DutchDateTests
{
    [Theory]
    [InlineData("2026-01-15T22:59:00Z", "2026-01-15")] // winter, UTC+1: 23:59 Dutch time
    [InlineData("2026-01-15T23:00:00Z", "2026-01-16")] // 00:00 Dutch time: already tomorrow
    [InlineData("2026-07-15T21:59:00Z", "2026-07-15")] // summer, UTC+2: 23:59
    [InlineData("2026-07-15T22:00:00Z", "2026-07-16")]
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")] // the night the clocks go forward
    [InlineData("2026-10-24T22:30:00Z", "2026-10-25")] // the night the clocks go back (00:30 summer time)
    public void Today_IsTheDateInTheNetherlands(string utc, string expected)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DutchDate.Today(clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
