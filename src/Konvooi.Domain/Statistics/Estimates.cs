namespace Konvooi.Domain.Statistics;

/// <summary>How confidence intervals of proportions are formed.</summary>
public enum IntervalMethod
{
    /// <summary>Estimate ± z(0.975)·SE, as R <c>confint(svyby(…))</c>.</summary>
    Wald,

    /// <summary>
    /// Wald interval on the logit scale with Student's t on the design degrees of freedom, transformed
    /// back, as R <c>svyciprop(method = "logit")</c>. Applies to proportions; means keep the Wald interval.
    /// </summary>
    Logit,
}

/// <summary>A difference A − B or a ratio A / B of two domain estimates.</summary>
public enum ContrastKind
{
    Difference,
    Ratio,
}

/// <summary>What to estimate for one table.</summary>
/// <param name="ByIndexes">Positions (in the aggregate layout's by-variables) of the table's grouping variables.</param>
/// <param name="IsProportion">Per indicator: true for a 0/1 indicator (a proportion), false for a mean.</param>
/// <param name="LonelyPsu">Handling of strata with a single PSU.</param>
/// <param name="Interval">Confidence-interval method.</param>
public sealed record EstimateRequest(
    IReadOnlyList<int> ByIndexes,
    IReadOnlyList<bool> IsProportion,
    LonelyPsuMode LonelyPsu = LonelyPsuMode.Fail,
    IntervalMethod Interval = IntervalMethod.Wald);

/// <summary>
/// A design-based estimate for one domain and indicator. Numbers that cannot be computed (no
/// respondents with a value, a single respondent for the design effect) are NaN.
/// </summary>
/// <param name="ByValues">The domain's values of the table's grouping variables.</param>
/// <param name="Indicator">Index of the indicator in the aggregate layout.</param>
/// <param name="UnweightedCount">Respondents in the domain with a value for the indicator.</param>
/// <param name="WeightSum">Their sum of weights.</param>
/// <param name="Estimate">The ratio estimate Σw·y / Σw.</param>
/// <param name="StandardError">Taylor-linearised standard error, PSUs with replacement.</param>
/// <param name="CiLow">Lower 95 % confidence limit.</param>
/// <param name="CiHigh">Upper 95 % confidence limit.</param>
/// <param name="DesignEffect">Design variance over the variance under simple random sampling with replacement.</param>
public sealed record DomainEstimate(
    IReadOnlyList<string> ByValues,
    int Indicator,
    long UnweightedCount,
    double WeightSum,
    double Estimate,
    double StandardError,
    double CiLow,
    double CiHigh,
    double DesignEffect);

/// <summary>A contrast between two domains that share the values of the other grouping variables.</summary>
/// <param name="OtherValues">Values of the table's grouping variables other than the compared one.</param>
/// <param name="Indicator">Index of the indicator in the aggregate layout.</param>
/// <param name="Estimate">A − B or A / B.</param>
/// <param name="StandardError">From the covariance matrix of the two estimates (delta method for a ratio).</param>
/// <param name="CiLow">Estimate − z(0.975)·SE.</param>
/// <param name="CiHigh">Estimate + z(0.975)·SE.</param>
/// <param name="PValue">Two-sided normal test of a difference 0 or a ratio 1.</param>
public sealed record ContrastEstimate(
    IReadOnlyList<string> OtherValues,
    int Indicator,
    double Estimate,
    double StandardError,
    double CiLow,
    double CiHigh,
    double PValue);

/// <summary>The result of an estimation: estimates, or the strata that stop it.</summary>
public abstract record EstimationOutcome<T>
{
    private EstimationOutcome()
    {
    }

    public sealed record Estimated(IReadOnlyList<T> Estimates) : EstimationOutcome<T>;

    /// <summary>
    /// With <see cref="LonelyPsuMode.Fail"/>: these strata have a single PSU and a variance needs them.
    /// </summary>
    public sealed record LonelyPsu(IReadOnlyList<string> Strata) : EstimationOutcome<T>;
}
