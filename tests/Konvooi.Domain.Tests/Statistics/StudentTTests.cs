using Konvooi.Domain.Statistics;

namespace Konvooi.Domain.Tests.Statistics;

public sealed class StudentTTests
{
    // Reference values computed with mpmath 1.3 at 30 significant digits (findroot on betainc),
    // agreeing with the printed tables (e.g. Fisher & Yates: t(0.975; 9) = 2.262).
    [Theory]
    [InlineData(0.975, 1, 12.706204736174704647)]
    [InlineData(0.975, 2, 4.3026527297494638523)]
    [InlineData(0.975, 3, 3.1824463052837095927)]
    [InlineData(0.975, 4, 2.7764451051977943578)]
    [InlineData(0.975, 5, 2.5705818356363155147)]
    [InlineData(0.975, 9, 2.2621571627982055426)]
    [InlineData(0.975, 10, 2.2281388519862747484)]
    [InlineData(0.975, 19, 2.0930240544083097692)]
    [InlineData(0.975, 29, 2.0452296421327042982)]
    [InlineData(0.975, 30, 2.04227245630123831)]
    [InlineData(0.975, 100, 1.9839715185235522866)]
    [InlineData(0.975, 1000, 1.962339080826408485)]
    [InlineData(0.995, 9, 3.2498355415921262756)]
    [InlineData(0.95, 15, 1.7530503556925735077)]
    public void Quantile_TableValues_MatchTo1e9(double p, double df, double expected)
    {
        Assert.Equal(expected, StudentT.Quantile(p, df), 1e-9);
    }

    [Theory]
    [InlineData(0.6)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Quantile_OneDegreeOfFreedom_IsCauchy(double p)
    {
        // df = 1 is the Cauchy distribution: t = tan(π(p − ½)).
        Assert.Equal(Math.Tan(Math.PI * (p - 0.5)), StudentT.Quantile(p, 1), 1e-9);
    }

    [Theory]
    [InlineData(0.6)]
    [InlineData(0.99)]
    public void Quantile_TwoDegreesOfFreedom_MatchesClosedForm(double p)
    {
        // df = 2: t = (2p − 1) / √(2p(1 − p)).
        Assert.Equal((2 * p - 1) / Math.Sqrt(2 * p * (1 - p)), StudentT.Quantile(p, 2), 1e-9);
    }

    [Fact]
    public void Quantile_LowerTail_IsNegativeOfUpper()
    {
        Assert.Equal(-StudentT.Quantile(0.975, 7), StudentT.Quantile(0.025, 7), 1e-12);
        Assert.Equal(0, StudentT.Quantile(0.5, 7));
    }

    [Theory]
    [InlineData(2.2621571627982055426, 9, 0.975)]
    [InlineData(-1.7530503556925735077, 15, 0.05)]
    [InlineData(0, 4, 0.5)]
    public void Cdf_KnownPoints_MatchTo1e12(double t, double df, double expected)
    {
        Assert.Equal(expected, StudentT.Cdf(t, df), 1e-12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.1)]
    public void Quantile_POutsideOpenInterval_Throws(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(p, 5));
    }
}
