namespace Konvooi.Domain.Statistics;

/// <summary>
/// What to do with a stratum that has only one primary sampling unit in the whole design, where the
/// with-replacement variance formula n/(n−1) is undefined.
/// </summary>
/// <remarks>Mirrors R <c>options(survey.lonely.psu = …)</c> of the <c>survey</c> package (Lumley).</remarks>
public enum LonelyPsuMode
{
    /// <summary>Refuse to estimate a variance that needs such a stratum (R's default).</summary>
    Fail,

    /// <summary>The stratum contributes nothing to the variance.</summary>
    Remove,

    /// <summary>The single unit was sampled with certainty: it contributes nothing to the variance.</summary>
    Certainty,

    /// <summary>The unit is centred at the grand mean (zero for linearised totals) instead of its stratum mean.</summary>
    Adjust,

    /// <summary>The stratum gets the average variance contribution of the other strata.</summary>
    Average,
}
