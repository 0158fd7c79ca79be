namespace Konvooi.Domain.Questionnaires;

/// <summary>One item (statement or question) of an instrument.</summary>
/// <param name="Code">Stable item code (FHIR <c>linkId</c>), e.g. <c>djg11-3</c>.</param>
/// <param name="Number">1-based position in the instrument's presentation order.</param>
/// <param name="Texts">Item text per language with its source.</param>
/// <param name="Key">How an answer to this item scores.</param>
/// <param name="Subscale">Code of the subscale the item belongs to, or null.</param>
/// <param name="SourceNumber">The item's number in the source scale when it differs (DJG-6: the 11-item number; GGD mastery: Pearlin's number).</param>
public sealed record ScaleItem(
    string Code,
    int Number,
    IReadOnlyList<LocalizedText> Texts,
    ItemKey Key,
    string? Subscale = null,
    int? SourceNumber = null);

/// <summary>The scoring key of one item.</summary>
public abstract record ItemKey
{
    private ItemKey()
    {
    }

    /// <summary>Points for <paramref name="option"/>, given the lowest and highest option weights of the scale.</summary>
    public abstract int Points(AnswerOption option, int minWeight, int maxWeight);

    /// <summary>Dichotomous: 1 point when the answer is one of <paramref name="ScoringValues"/>, else 0 (De Jong Gierveld).</summary>
    public sealed record Count(IReadOnlySet<string> ScoringValues) : ItemKey
    {
        public override int Points(AnswerOption option, int minWeight, int maxWeight)
        {
            ArgumentNullException.ThrowIfNull(option);
            return ScoringValues.Contains(option.Value) ? 1 : 0;
        }
    }

    /// <summary>The option's weight, or <c>min + max - weight</c> when <paramref name="IsReversed"/>.</summary>
    public sealed record Weighted(bool IsReversed) : ItemKey
    {
        public override int Points(AnswerOption option, int minWeight, int maxWeight)
        {
            ArgumentNullException.ThrowIfNull(option);
            return IsReversed ? minWeight + maxWeight - option.Weight : option.Weight;
        }
    }
}

/// <summary>A subscale: a named subset of items scored on its own.</summary>
/// <param name="Code">Stable code, e.g. <c>emotional</c>.</param>
/// <param name="Names">Name per language.</param>
public sealed record Subscale(string Code, IReadOnlyList<LocalizedText> Names);

/// <summary>A score range with a level, e.g. DJG-11 total 3–8 = moderately lonely.</summary>
/// <param name="Code">Stable code used in output, e.g. <c>moderately_lonely</c>.</param>
/// <param name="Min">Lowest score in the band (inclusive).</param>
/// <param name="Max">Highest score in the band (inclusive).</param>
/// <param name="Labels">What people read, per language.</param>
public sealed record LevelBand(string Code, int Min, int Max, IReadOnlyList<LocalizedText> Labels)
{
    public bool Contains(int score) => score >= Min && score <= Max;
}

/// <summary>
/// When a score is still computed although items are missing. Scores count over the answered
/// items only (no proration).
/// </summary>
/// <param name="MaxMissingItems">Default limit for the total: more missing items make the total missing.</param>
/// <param name="MaxMissingPerSubscale">Default limit per subscale.</param>
/// <param name="IsConfigurable">Whether the total's limit may be changed (<c>--max-missing</c>).</param>
/// <param name="Source">Where the rule comes from.</param>
public sealed record MissingDataRule(int MaxMissingItems, int MaxMissingPerSubscale, bool IsConfigurable, string Source);
