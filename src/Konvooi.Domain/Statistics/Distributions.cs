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
    /// freedom (R <c>qt(0.975, df)</c>); NaN when there are no degrees of freedom.
    /// </summary>
    /// <remarks>
    /// Up to 1000 degrees of freedom the closed-form P(|T| ≤ t) for integer df (Abramowitz and Stegun
    /// 26.7.3–26.7.4) is solved by bisection; above that the Cornish–Fisher expansion of A&amp;S 26.7.5
    /// to the fourth order, whose error is then below 1e-15.
    /// </remarks>
    public static double StudentTQuantile975(long degreesOfFreedom)
    {
        if (degreesOfFreedom < 1)
        {
            return double.NaN;
        }

        if (degreesOfFreedom > 1000)
        {
            var x = NormalQuantile975;
            var x2 = x * x;
            var g1 = (x2 + 1) * x / 4;
            var g2 = ((5 * x2 + 16) * x2 + 3) * x / 96;
            var g3 = (((3 * x2 + 19) * x2 + 17) * x2 - 15) * x / 384;
            var g4 = ((((79 * x2 + 776) * x2 + 1482) * x2 - 1920) * x2 - 945) * x / 92160;
            var v = (double)degreesOfFreedom;
            return x + (g1 + (g2 + (g3 + g4 / v) / v) / v) / v;
        }

        var nu = (int)degreesOfFreedom;
        var lo = 0.0;
        var hi = 2.0;
        while (StudentTCentralProbability(hi, nu) < 0.95)
        {
            lo = hi;
            hi *= 2;
        }

        for (var i = 0; i < 200; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            if (StudentTCentralProbability(mid, nu) < 0.95)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>P(|T| ≤ t) for Student's t with integer <paramref name="nu"/> degrees of freedom (A&amp;S 26.7.3–4).</summary>
    internal static double StudentTCentralProbability(double t, int nu)
    {
        var theta = Math.Atan(t / Math.Sqrt(nu));
        var cos = Math.Cos(theta);
        var c = cos * cos;
        var s = Math.Sin(theta);
        if (nu % 2 == 1)
        {
            if (nu == 1)
            {
                return 2 * theta / Math.PI;
            }

            var term = 1.0;
            var sum = 1.0;
            for (var k = 3; k <= nu - 2; k += 2)
            {
                term *= c * (k - 1) / k;
                sum += term;
            }

            return 2 / Math.PI * (theta + s * cos * sum);
        }
        else
        {
            var term = 1.0;
            var sum = 1.0;
            for (var k = 2; k <= nu - 2; k += 2)
            {
                term *= c * (k - 1) / k;
                sum += term;
            }

            return s * sum;
        }
    }
}
