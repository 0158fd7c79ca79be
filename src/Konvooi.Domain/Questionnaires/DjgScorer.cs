namespace Konvooi.Domain.Questionnaires;

/// <summary>The scores of one De Jong Gierveld administration (11- or 6-item).</summary>
/// <param name="Emotional">Lonely answers on the emotional items; null when more are missing than the subscale allows.</param>
/// <param name="Social">Lonely answers on the social items; null when more are missing than the subscale allows.</param>
/// <param name="Total">Lonely answers on all items (over the answered items, no proration); null when too many are missing.</param>
/// <param name="Level">Level of the total; null when the total is missing.</param>
/// <param name="MissingItems">How many items were not answered.</param>
/// <param name="IsEmotionallyLonely">Emotional ≥ the subscale threshold; null when emotional is missing.</param>
/// <param name="IsSociallyLonely">Social ≥ the subscale threshold; null when social is missing.</param>
public readonly record struct DjgScore(
    int? Emotional,
    int? Social,
    int? Total,
    LevelBand? Level,
    int MissingItems,
    bool? IsEmotionallyLonely,
    bool? IsSociallyLonely)
{
    /// <summary>Missing answers on the emotional items.</summary>
    public int MissingEmotional { get; init; }

    /// <summary>Missing answers on the social items.</summary>
    public int MissingSocial { get; init; }
}

/// <summary>
/// The one De Jong Gierveld scorer (djg11 and djg6), used by the app, <c>konvooi score</c>, FHIR and the
/// monitor. Each item scores 1 when its answer is "lonely" (emotional items: ja!/ja/min of meer; social
/// items: min of meer/nee/nee!): "min of meer" always scores. Build once per instrument and settings;
/// <see cref="Score(ReadOnlySpan{int})"/> does not allocate and is safe to call from many threads.
/// </summary>
public sealed class DjgScorer
{
    private readonly bool[] _isEmotional;
    private readonly int[] _points;
    private readonly LevelBand?[] _levelByTotal;
    private readonly int _optionCount;
    private readonly int _maxMissingTotal;
    private readonly int _maxMissingSubscale;
    private readonly int _threshold;

    private DjgScorer(Instrument instrument, ScoringSettings settings)
    {
        Instrument = instrument;
        var tables = instrument.Tables;
        _optionCount = tables.OptionCount;
        _points = tables.Points;
        var emotionalIndex = -1;
        for (var s = 0; s < instrument.Subscales.Count; s++)
        {
            if (instrument.Subscales[s].Code == DjgSubscales.Emotional)
            {
                emotionalIndex = s;
            }
        }

        _isEmotional = new bool[tables.ItemCount];
        for (var i = 0; i < tables.ItemCount; i++)
        {
            _isEmotional[i] = tables.SubscaleOfItem[i] == emotionalIndex;
        }

        _levelByTotal = new LevelBand?[tables.ItemCount + 1];
        for (var t = 0; t <= tables.ItemCount; t++)
        {
            _levelByTotal[t] = instrument.LevelFor(t);
        }

        _maxMissingTotal = settings.MaxMissingItems ?? instrument.MissingRule.MaxMissingItems;
        _maxMissingSubscale = Math.Min(instrument.MissingRule.MaxMissingPerSubscale, _maxMissingTotal);
        _threshold = settings.SubscaleThreshold ?? instrument.SubscaleLonelyThreshold ?? 1;
        ItemCount = tables.ItemCount;
    }

    public Instrument Instrument { get; }

    /// <summary>Number of items: the length <see cref="Score(ReadOnlySpan{int})"/> expects.</summary>
    public int ItemCount { get; }

    /// <summary>Builds a scorer for a De Jong Gierveld instrument (<c>djg11</c> or <c>djg6</c>).</summary>
    /// <exception cref="ArgumentException">Not a De Jong Gierveld instrument, or invalid settings.</exception>
    public static DjgScorer Create(Instrument instrument, ScoringSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        settings ??= ScoringSettings.Default;
        if (instrument.Shape != ResultShape.DeJongGierveld)
        {
            throw new ArgumentException($"{instrument.Id} is not a De Jong Gierveld instrument.", nameof(instrument));
        }

        var errors = instrument.Validate(settings);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors.Select(e => e.Message)), nameof(settings));
        }

        return new DjgScorer(instrument, settings);
    }

    /// <summary>
    /// Scores option indexes into <see cref="Instrument.Options"/> in item order; <see cref="AnswerCodes.Missing"/>
    /// marks a missing answer. Allocation-free.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong number of answers or an index out of range.</exception>
    public DjgScore Score(ReadOnlySpan<int> optionIndexes)
    {
        if (optionIndexes.Length != ItemCount)
        {
            throw new ArgumentException($"{Instrument.Id} has {ItemCount} items, got {optionIndexes.Length} answers.", nameof(optionIndexes));
        }

        int emotional = 0, social = 0, missingEmotional = 0, missingSocial = 0;
        for (var i = 0; i < optionIndexes.Length; i++)
        {
            var answer = optionIndexes[i];
            if (unchecked((uint)answer) >= (uint)_optionCount)
            {
                if (answer != AnswerCodes.Missing)
                {
                    throw new ArgumentException($"Option index {answer} is out of range for {Instrument.Id}.", nameof(optionIndexes));
                }

                if (_isEmotional[i])
                {
                    missingEmotional++;
                }
                else
                {
                    missingSocial++;
                }

                continue;
            }

            var points = _points[(i * _optionCount) + answer];
            if (_isEmotional[i])
            {
                emotional += points;
            }
            else
            {
                social += points;
            }
        }

        var missing = missingEmotional + missingSocial;
        int? total = missing <= _maxMissingTotal ? emotional + social : null;
        // A total limit of 0 (--max-missing 0) means: any missing item voids the total and both subscales.
        var anyVoids = _maxMissingTotal == 0 && missing > 0;
        int? emotionalScore = !anyVoids && missingEmotional <= _maxMissingSubscale ? emotional : null;
        int? socialScore = !anyVoids && missingSocial <= _maxMissingSubscale ? social : null;
        return new DjgScore(
            emotionalScore,
            socialScore,
            total,
            total is int t ? _levelByTotal[t] : null,
            missing,
            emotionalScore is int e ? e >= _threshold : null,
            socialScore is int s ? s >= _threshold : null)
        {
            MissingEmotional = missingEmotional,
            MissingSocial = missingSocial,
        };
    }

    /// <summary>Scores answers given per item code (values, labels or default codes; absent or empty = missing).</summary>
    /// <exception cref="ArgumentException">An unknown item code or answer.</exception>
    public DjgScore Score(IReadOnlyDictionary<string, string?> answersByItemCode) =>
        Score(Instrument.ToOptionIndexes(answersByItemCode));
}

/// <summary>Subscale codes of the De Jong Gierveld scales.</summary>
public static class DjgSubscales
{
    public const string Emotional = "emotional";
    public const string Social = "social";
}
