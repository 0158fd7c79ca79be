using Konvooi.Domain.Common;

namespace Konvooi.Domain.Questionnaires;

/// <summary>Which scores an instrument produces, and so which result fields it has.</summary>
public enum ResultShape
{
    /// <summary>De Jong Gierveld: count of lonely answers, emotional and social subscales, level.</summary>
    DeJongGierveld,

    /// <summary>WHO-5: raw sum, percentage (raw × 4), level.</summary>
    Who5,

    /// <summary>UCLA-3: sum and "lonely" (sum ≥ 6).</summary>
    Ucla3,

    /// <summary>A single direct question: the answer and whether it is the chronic-loneliness answer.</summary>
    OnsDirect,

    /// <summary>A sum only.</summary>
    Total,

    /// <summary>A sum with a level.</summary>
    TotalAndLevel,

    /// <summary>The mean item score with a band (levels are defined on the sum, which is exact).</summary>
    MeanAndBand,
}

/// <summary>
/// A validated measurement instrument as data: items and their texts with sources, answer options and
/// codes, scoring key, subscales, missing-data rule, levels. The facts and their sources are in
/// docs/instruments.md.
/// </summary>
public sealed record Instrument
{
    // Derived lookup tables live outside the record so that they take no part in its equality.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Instrument, InstrumentTables> TablesCache = [];

    /// <summary>Stable id, e.g. <c>djg11</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Version of the wording and scoring defined here; stored with every measurement.</summary>
    public required string Version { get; init; }

    public required IReadOnlyList<LocalizedText> Names { get; init; }

    /// <summary>The source(s) to cite when the instrument is used.</summary>
    public required string Citation { get; init; }

    /// <summary>What is known about the terms of use.</summary>
    public required string Licence { get; init; }

    /// <summary>The introduction read or shown before the items.</summary>
    public IReadOnlyList<LocalizedText> Introduction { get; init; } = [];

    /// <summary>Items in presentation order.</summary>
    public required IReadOnlyList<ScaleItem> Items { get; init; }

    /// <summary>Every answer option any item can take. Option indexes used by the scorers refer to this list.</summary>
    public required IReadOnlyList<AnswerOption> Options { get; init; }

    /// <summary>The ways the options are offered; the first is the default (its codes are the default code table).</summary>
    public required IReadOnlyList<AnswerScale> AnswerScales { get; init; }

    public IReadOnlyList<Subscale> Subscales { get; init; } = [];

    public required MissingDataRule MissingRule { get; init; }

    /// <summary>Levels on the total (for <see cref="ResultShape.MeanAndBand"/>: on the sum of item scores).</summary>
    public IReadOnlyList<LevelBand> Levels { get; init; } = [];

    public required ResultShape Shape { get; init; }

    /// <summary>A subscale counts as "lonely" at this many lonely answers or more (De Jong Gierveld only).</summary>
    public int? SubscaleLonelyThreshold { get; init; }

    /// <summary>Whether <see cref="ScoringSettings.SubscaleThreshold"/> may change <see cref="SubscaleLonelyThreshold"/>.</summary>
    public bool IsSubscaleThresholdConfigurable { get; init; }

    /// <summary>LOINC panel code, where one exists.</summary>
    public string? LoincCode { get; init; }

    /// <summary>Notes people must see with a result, e.g. that the scale is not a diagnosis.</summary>
    public IReadOnlyList<LocalizedText> Notes { get; init; } = [];

    /// <summary>The default numeric codes: those of the first answer scale.</summary>
    public IReadOnlyDictionary<int, string> DefaultCodes => AnswerScales[0].Codes;

    /// <summary>The result fields the command line writes, in order (cli contract).</summary>
    public IReadOnlyList<string> OutputFields => Shape switch
    {
        ResultShape.DeJongGierveld => ResultFieldNames.DeJongGierveld,
        ResultShape.Who5 => ResultFieldNames.Who5,
        ResultShape.Ucla3 => ResultFieldNames.Ucla3,
        ResultShape.OnsDirect => ResultFieldNames.OnsDirect,
        ResultShape.Total => ResultFieldNames.Total,
        ResultShape.TotalAndLevel => ResultFieldNames.TotalAndLevel,
        ResultShape.MeanAndBand => ResultFieldNames.MeanAndBand,
        _ => throw new InvalidOperationException($"Unknown result shape {Shape}."),
    };

    internal InstrumentTables Tables => TablesCache.GetValue(this, static i => new InstrumentTables(i));

    /// <summary>Index of the option with <paramref name="value"/> in <see cref="Options"/>, or -1.</summary>
    public int OptionIndex(string value)
    {
        for (var i = 0; i < Options.Count; i++)
        {
            if (string.Equals(Options[i].Value, value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of the item with <paramref name="code"/> in <see cref="Items"/>, or -1.</summary>
    public int ItemIndex(string code)
    {
        for (var i = 0; i < Items.Count; i++)
        {
            if (string.Equals(Items[i].Code, code, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The level band containing <paramref name="score"/>, or null.</summary>
    public LevelBand? LevelFor(int score)
    {
        foreach (var band in Levels)
        {
            if (band.Contains(score))
            {
                return band;
            }
        }

        return null;
    }

    /// <summary>Problems with <paramref name="settings"/> for this instrument; empty when they can be used.</summary>
    public IReadOnlyList<Error> Validate(ScoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<Error>();
        if (settings.MaxMissingItems is int maxMissing)
        {
            if (maxMissing < 0 || maxMissing > Items.Count)
            {
                errors.Add(new Error("max_missing_out_of_range", $"must be between 0 and {Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} for {Id}"));
            }
            else if (!MissingRule.IsConfigurable && maxMissing != MissingRule.MaxMissingItems)
            {
                errors.Add(new Error("max_missing_not_configurable", $"{Id} is scored only with all items answered; only djg11 and djg6 allow missing items"));
            }
        }

        if (settings.SubscaleThreshold is int threshold)
        {
            if (!IsSubscaleThresholdConfigurable)
            {
                errors.Add(new Error("subscale_threshold_not_configurable", $"applies to djg11 only, not to {Id}"));
            }
            else if (threshold is not (2 or 3))
            {
                errors.Add(new Error("subscale_threshold_out_of_range", "must be 2 or 3"));
            }
        }

        return errors;
    }

    /// <summary>Builds a scorer for repeated use with <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">The settings are not valid for this instrument (see <see cref="Validate"/>).</exception>
    public InstrumentScorer CreateScorer(ScoringSettings? settings = null) => new(this, settings ?? ScoringSettings.Default);

    /// <summary>Scores one set of answers: option indexes per item in item order, <see cref="AnswerCodes.Missing"/> for a missing answer.</summary>
    /// <exception cref="ArgumentException">Wrong number of answers, an index out of range, or invalid settings.</exception>
    public InstrumentScore Score(ReadOnlySpan<int> optionIndexes, ScoringSettings? settings = null) =>
        CreateScorer(settings).Score(optionIndexes);

    /// <summary>
    /// Scores answers given per item code as option values, labels (Dutch or English) or default codes;
    /// an absent, null or empty answer is missing.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown item code or an answer that is not an option of this instrument.</exception>
    public InstrumentScore Score(IReadOnlyDictionary<string, string?> answersByItemCode, ScoringSettings? settings = null) =>
        CreateScorer(settings).Score(answersByItemCode);

    /// <summary>Maps an answers-by-item-code dictionary to option indexes in item order.</summary>
    /// <exception cref="ArgumentException">An unknown item code or answer.</exception>
    public int[] ToOptionIndexes(IReadOnlyDictionary<string, string?> answersByItemCode)
    {
        ArgumentNullException.ThrowIfNull(answersByItemCode);
        foreach (var key in answersByItemCode.Keys)
        {
            if (ItemIndex(key) < 0)
            {
                throw new ArgumentException($"{Id} has no item '{key}'.", nameof(answersByItemCode));
            }
        }

        var mapper = AnswerMapper.Create(this);
        var indexes = new int[Items.Count];
        for (var i = 0; i < Items.Count; i++)
        {
            var code = Items[i].Code;
            if (!answersByItemCode.TryGetValue(code, out var answer) || answer is null)
            {
                indexes[i] = AnswerCodes.Missing;
                continue;
            }

            var mapped = mapper.Map(answer);
            indexes[i] = mapped.Status switch
            {
                AnswerStatus.Answered => mapped.OptionIndex,
                AnswerStatus.Missing => AnswerCodes.Missing,
                _ => throw new ArgumentException($"'{answer}' is not an answer of {Id} (item {code}).", nameof(answersByItemCode)),
            };
        }

        return indexes;
    }
}

/// <summary>The command-line result columns per result shape (cli contract), built once.</summary>
internal static class ResultFieldNames
{
    public static readonly IReadOnlyList<string> DeJongGierveld = ["emotional", "social", "total", "level", "missing_items"];
    public static readonly IReadOnlyList<string> Who5 = ["raw", "percentage", "level"];
    public static readonly IReadOnlyList<string> Ucla3 = ["total", "lonely"];
    public static readonly IReadOnlyList<string> OnsDirect = ["answer", "chronic"];
    public static readonly IReadOnlyList<string> Total = ["total"];
    public static readonly IReadOnlyList<string> TotalAndLevel = ["total", "level"];
    public static readonly IReadOnlyList<string> MeanAndBand = ["mean", "band"];
}

/// <summary>Sentinels used in arrays of option indexes.</summary>
public static class AnswerCodes
{
    /// <summary>A missing answer (empty, refused, "wil ik niet zeggen", or a code mapped to nothing).</summary>
    public const int Missing = -1;
}

/// <summary>Settings where the sources differ (docs/cli.md, "Defaults where the sources differ").</summary>
public sealed record ScoringSettings
{
    public static ScoringSettings Default { get; } = new();

    /// <summary>The total's missing-item limit; null = the instrument's default. Subscale limits never exceed it.</summary>
    public int? MaxMissingItems { get; init; }

    /// <summary>"Emotionally/socially lonely" threshold T (2 or 3, DJG-11 only); null = the instrument's default.</summary>
    public int? SubscaleThreshold { get; init; }
}

/// <summary>Lookup tables derived from an instrument's data, built once per instrument.</summary>
internal sealed class InstrumentTables
{
    public InstrumentTables(Instrument instrument)
    {
        ItemCount = instrument.Items.Count;
        OptionCount = instrument.Options.Count;
        var min = int.MaxValue;
        var max = int.MinValue;
        foreach (var option in instrument.Options)
        {
            min = Math.Min(min, option.Weight);
            max = Math.Max(max, option.Weight);
        }

        Points = new int[ItemCount * OptionCount];
        SubscaleOfItem = new int[ItemCount];
        for (var i = 0; i < ItemCount; i++)
        {
            var item = instrument.Items[i];
            for (var o = 0; o < OptionCount; o++)
            {
                Points[(i * OptionCount) + o] = item.Key.Points(instrument.Options[o], min, max);
            }

            SubscaleOfItem[i] = -1;
            for (var s = 0; s < instrument.Subscales.Count; s++)
            {
                if (string.Equals(instrument.Subscales[s].Code, item.Subscale, StringComparison.Ordinal))
                {
                    SubscaleOfItem[i] = s;
                }
            }
        }
    }

    public int ItemCount { get; }

    public int OptionCount { get; }

    /// <summary>Points per item and option: <c>Points[item * OptionCount + option]</c>.</summary>
    public int[] Points { get; }

    /// <summary>Index in <see cref="Instrument.Subscales"/> per item, -1 for none.</summary>
    public int[] SubscaleOfItem { get; }
}
