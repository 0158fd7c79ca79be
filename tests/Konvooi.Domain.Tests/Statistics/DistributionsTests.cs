using Konvooi.Domain.Statistics;

namespace Konvooi.Domain.Tests.Statistics;

public sealed class DistributionsTests
{
    [Theory]
    [InlineData(0.0, 1.0)]                                    // R: 2 * pnorm(-0)
    [InlineData(0.5, 0.61707507745197387)]                    // R 4.2.2: 2 * pnorm(-0.5)
    [InlineData(1.959963984540054, 0.050000000000000024)]     // R 4.2.2: 2 * pnorm(-qnorm(0.975))
    [InlineData(2.9, 0.0037316266007680768)]                  // R 4.2.2, series branch
    [InlineData(3.1, 0.0019352064264367126)]                  // R 4.2.2, continued-fraction branch
    [InlineData(-5.0, 5.7330314375838782e-07)]                // R 4.2.2: 2 * pnorm(-5)
    [InlineData(10.0, 1.5239706048321054e-23)]                // R 4.2.2: 2 * pnorm(-10)
    public void TwoSidedNormalPValue_KnownPoints_EqualsR(double z, double expected)
    {
        var p = Distributions.TwoSidedNormalPValue(z);

        BenchReferenceTests.AssertRelative(expected, p, 1e-13);
    }

    [Theory]
    [InlineData(1, 12.7062047361746941)]      // R 4.2.2: qt(0.975, 1)
    [InlineData(2, 4.3026527297494619)]       // R 4.2.2: qt(0.975, 2)
    [InlineData(3, 3.1824463052837078)]       // R 4.2.2: qt(0.975, 3)
    [InlineData(10, 2.2281388519862739)]      // R 4.2.2: qt(0.975, 10)
    [InlineData(100, 1.9839715185235516)]     // R 4.2.2: qt(0.975, 100)
    [InlineData(1000, 1.9623390808264076)]    // R 4.2.2: qt(0.975, 1000), last closed-form df
    [InlineData(1001, 1.9623367052808791)]    // R 4.2.2: qt(0.975, 1001), first expansion df
    [InlineData(5000, 1.9604385517065075)]    // R 4.2.2: qt(0.975, 5000)
    public void StudentTQuantile975_KnownDegreesOfFreedom_EqualsR(long df, double expected)
    {
        var q = Distributions.StudentTQuantile975(df);

        // StudentT (incomplete beta, Lanczos ln Γ) is good to about 1e-12 relative; the contract asks 1e-9.
        BenchReferenceTests.AssertRelative(expected, q, 1e-12);
    }

    [Fact]
    public void StudentTQuantile975_NoDegreesOfFreedom_IsNaN()
    {
        Assert.True(double.IsNaN(Distributions.StudentTQuantile975(0)));
    }
}
