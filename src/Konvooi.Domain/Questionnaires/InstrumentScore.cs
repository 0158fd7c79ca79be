namespace Konvooi.Domain.Questionnaires;

/// <summary>
/// One named result value: an <see cref="int"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="string"/> (a level or answer code), or null when the value is missing under the missing-data rule.
/// </summary>
public sealed record ScoreField(string Name, object? Value);

/// <summary>The scores of one administration of an instrument.</summary>
/// <param name="InstrumentId">The instrument scored.</param>
/// <param name="Total">The total (count of lonely answers, or sum of item scores); null when missing.</param>
/// <param name="Level">The level of the total, null when the total is missing or the instrument has no levels.</param>
/// <param name="MissingItems">How many items were not answered.</param>
/// <param name="Fields">
/// Every result value by name. The first ones are <see cref="Instrument.OutputFields"/> in that order;
/// extra values follow (DJG: <c>emotionally_lonely</c>, <c>socially_lonely</c>; WHO-5: <c>depression_followup</c>).
/// </param>
public sealed record InstrumentScore(string InstrumentId, int? Total, LevelBand? Level, int MissingItems, IReadOnlyList<ScoreField> Fields)
{
    /// <summary>The value of the field called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such field.</exception>
    public object? this[string name]
    {
        get
        {
            foreach (var field in Fields)
            {
                if (string.Equals(field.Name, name, StringComparison.Ordinal))
                {
                    return field.Value;
                }
            }

            throw new KeyNotFoundException($"{InstrumentId} has no result field '{name}'.");
        }
    }

    /// <summary>
    /// Missing answers per subscale (De Jong Gierveld: <c>emotional</c>, <c>social</c>); empty for other
    /// instruments. Not a result field, so stored scores and FHIR output do not change.
    /// </summary>
    public IReadOnlyDictionary<string, int> MissingBySubscale { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);
}

/// <summary>
/// Scores answers to one instrument with fixed settings. Build once (<see cref="Instrument.CreateScorer"/>)
/// and reuse; thread-safe.
/// </summary>
public sealed class InstrumentScorer
{
    private readonly InstrumentTables _tables;
    private readonly DjgScorer? _djg;
    private readonly int _maxMissing;

    internal InstrumentScorer(Instrument instrument, ScoringSettings settings)
    {
        var errors = instrument.Validate(settings);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors.Select(e => e.Message)), nameof(settings));
        }

        Instrument = instrument;
        Settings = settings;
        _tables = instrument.Tables;
        _maxMissing = settings.MaxMissingItems ?? instrument.MissingRule.MaxMissingItems;
        if (instrument.Shape == ResultShape.DeJongGierveld)
        {
            _djg = DjgScorer.Create(instrument, settings);
        }
    }

    public Instrument Instrument { get; }

    public ScoringSettings Settings { get; }

    /// <summary>Scores option indexes in item order (<see cref="AnswerCodes.Missing"/> = missing).</summary>
    /// <exception cref="ArgumentException">Wrong number of answers or an index out of range.</exception>
    public InstrumentScore Score(ReadOnlySpan<int> optionIndexes)
    {
        if (_djg is not null)
        {
            return ToInstrumentScore(_djg.Score(optionIndexes));
        }

        var missing = 0;
        var sum = 0;
        var chosen = -1;
        var lowestItemPoints = int.MaxValue;
        Check(optionIndexes);
        for (var i = 0; i < optionIndexes.Length; i++)
        {
            var answer = optionIndexes[i];
            if (answer == AnswerCodes.Missing)
            {
                missing++;
                continue;
            }

            var points = _tables.Points[(i * _tables.OptionCount) + answer];
            sum += points;
            lowestItemPoints = Math.Min(lowestItemPoints, points);
            chosen = answer;
        }

        int? total = missing > _maxMissing || missing == optionIndexes.Length ? null : sum;
        var level = total is int t ? Instrument.LevelFor(t) : null;
        var fields = Instrument.Shape switch
        {
            ResultShape.Who5 => new ScoreField[]
            {
                new("raw", total),
                new("percentage", total * 4),
                new("level", level?.Code),
                // Older WHO guidance: follow up when raw < 13 or any item scored 0 or 1 (docs/instruments.md, WHO-5).
                new("depression_followup", total is int r ? r < 13 || lowestItemPoints <= 1 : null),
            },
            ResultShape.Ucla3 => [new("total", total), new("lonely", level is null ? null : level.Code == "lonely")],
            ResultShape.OnsDirect =>
            [
                new("answer", total is null ? null : Instrument.Options[chosen].Value),
                new("chronic", level is null ? null : level.Code == "chronic"),
            ],
            ResultShape.Total => [new("total", total)],
            ResultShape.TotalAndLevel => [new("total", total), new("level", level?.Code)],
            ResultShape.MeanAndBand =>
            [
                new("mean", total is int s ? (double)s / (optionIndexes.Length - missing) : null),
                new("band", level?.Code),
            ],
            _ => throw new InvalidOperationException($"Unexpected result shape {Instrument.Shape}."),
        };
        return new InstrumentScore(Instrument.Id, total, level, missing, fields);
    }

    /// <summary>Scores answers given per item code (values, labels or default codes; absent or empty = missing).</summary>
    /// <exception cref="ArgumentException">An unknown item code or answer.</exception>
    public InstrumentScore Score(IReadOnlyDictionary<string, string?> answersByItemCode) =>
        Score(Instrument.ToOptionIndexes(answersByItemCode));

    private InstrumentScore ToInstrumentScore(DjgScore score) => new(
        Instrument.Id,
        score.Total,
        score.Level,
        score.MissingItems,
        [
            new("emotional", score.Emotional),
            new("social", score.Social),
            new("total", score.Total),
            new("level", score.Level?.Code),
            new("missing_items", score.MissingItems),
            new("emotionally_lonely", score.IsEmotionallyLonely),
            new("socially_lonely", score.IsSociallyLonely),
        ])
    {
        MissingBySubscale = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [DjgSubscales.Emotional] = score.MissingEmotional,
            [DjgSubscales.Social] = score.MissingSocial,
        },
    };

    private void Check(ReadOnlySpan<int> optionIndexes)
    {
        if (optionIndexes.Length != _tables.ItemCount)
        {
            throw new ArgumentException($"{Instrument.Id} has {_tables.ItemCount} items, got {optionIndexes.Length} answers.", nameof(optionIndexes));
        }

        foreach (var answer in optionIndexes)
        {
            if (answer != AnswerCodes.Missing && unchecked((uint)answer) >= (uint)_tables.OptionCount)
            {
                throw new ArgumentException($"Option index {answer} is out of range for {Instrument.Id}.", nameof(optionIndexes));
            }
        }
    }
}
