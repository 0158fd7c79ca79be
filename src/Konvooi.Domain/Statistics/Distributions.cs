namespace Konvooi.Domain.Statistics;

/// <summary>The few distribution functions the estimator needs, accurate to about 1e-14 relative.</summary>
public static class Distributions
{
    /// <summary>The 97.5 % point of the standard normal distribution (R <c>qnorm(0.975)</c>).</summary>
    public const double NormalQuantile975 = 1.9599639845400536;

    private const double InverseSqrtPi = 0.56418958354775628695;
    private const double InverseSqrtTwoPi = 0.39894228040143267794;

    /// <summary>P(Z &gt; z) for a standard normal Z.</summary>
    /// <remarks>
    /// For |z| &lt; 3 the everywhere-positive series erf(x) = 2/√π·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3···(2n+1))
    /// (Abramowitz and Stegun 7.1.6); for larger z the continued fraction of the Mills ratio
    /// (A&amp;S 26.2.14), evaluated with the modified Lentz method.
    /// </remarks>
    public static double NormalUpperTail(double z)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        if (z < 0)
        {
            return 1 - NormalUpperTail(-z);
        }

        if (z < 3)
        {
            var x = z / Math.Sqrt(2);
            var term = x;
            var sum = x;
            for (var n = 1; n < 200 && term > sum * 1e-17; n++)
            {
                term *= 2 * x * x / (2 * n + 1);
                sum += term;
            }

            var erf = 2 * InverseSqrtPi * Math.Exp(-x * x) * sum;
            return 0.5 - 0.5 * erf;
        }

        if (z > 40)
        {
            return 0;
        }

        // Mills ratio R(z) = 1/(z + 1/(z + 2/(z + 3/(z + …)))); Q(z) = φ(z)·R(z).
        const double tiny = 1e-300;
        var f = z;
        var c = z;
        var d = 0.0;
        for (var k = 1; k < 5000; k++)
        {
            d = z + k * d;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = z + k / c;
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return InverseSqrtTwoPi * Math.Exp(-0.5 * z * z) / f;
    }

    /// <summary>Two-sided p-value of a standard normal test statistic.</summary>
    public static double TwoSidedNormalPValue(double z) => 2 * NormalUpperTail(Math.Abs(z));

    /// <summary>
    /// The 97.5 % point of Student's t distribution with <paramref name="degreesOfFreedom"/> degrees of
    /// freedom (R <c>qt(0.975, df)</c>); NaN when there are no degrees of freedom. One implementation
    /// serves the whole domain: <see cref="StudentT.Quantile"/>.
    /// </summary>
    public static double StudentTQuantile975(long degreesOfFreedom) =>
        degreesOfFreedom < 1 ? double.NaN : StudentT.Quantile(0.975, degreesOfFreedom);
}
