using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Matching;

/// <summary>
/// What matching knows about a person: the input contract of the matching engine and of
/// <c>konvooi match</c> (docs/profile.schema.json, version 2; version 1 files are still read). Every
/// field is optional; a missing field (null or empty) means "unknown", never "no".
/// </summary>
public sealed record Profile
{
    /// <summary>The schema version this record follows (written); versions 1 and 2 are read.</summary>
    public const int SchemaVersion = 2;

    /// <summary>Age in whole years (0–120).</summary>
    public int? Age { get; init; }

    public bool? LivesAlone { get; init; }

    /// <summary>Whether the person has daily contact with someone from their own network (JG-6).</summary>
    public bool? DailyContact { get; init; }

    /// <summary>De Jong Gierveld 11-item subscale scores.</summary>
    public Djg11Score? Djg11 { get; init; }

    /// <summary>Loneliness type code (<c>none|emotional|social|both|undifferentiated</c>); derived from <see cref="Djg11"/> when absent.</summary>
    public string? Type { get; init; }

    /// <summary>DJG level code; derived from <see cref="Djg11"/> when absent.</summary>
    public string? Severity { get; init; }

    /// <summary><c>situational</c> or <c>chronic</c> (RK-4).</summary>
    public string? Course { get; init; }

    /// <summary>Cause codes, the primary cause first (TF-4).</summary>
    public IReadOnlyList<string> Causes { get; init; } = [];

    /// <summary>The preferred coping code (ES-4, ES-7, ES-8).</summary>
    public string? Coping { get; init; }

    public ProfilePreferences Preferences { get; init; } = new();

    /// <summary>Flag codes raised by the profile; the engine adds those that follow from raw fields.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Interventions the person stopped, with the reason (RK-5).</summary>
    public IReadOnlyList<Dropout> DroppedOut { get; init; } = [];

    /// <summary>WHO-5 raw score (v2; VT-2). A raw score of 7 or less gives the advice <c>mood_referral</c>.</summary>
    public Who5Score? Who5 { get; init; }

    /// <summary>A death wish or thoughts of suicide were raised (v2). True gives the advice <c>safety_first</c>.</summary>
    public bool? DeathWish { get; init; }

    /// <summary>The answer to the ONS direct question (v2): <c>often_always</c> … <c>never</c>.</summary>
    public string? SelfReport { get; init; }

    /// <summary>Whether the person recognises themselves in the DJG result (v2); false disagrees with any level.</summary>
    public bool? RecognisesScore { get; init; }

    /// <summary>Life events with how many whole months ago they happened (v2; JG-4, TF-6).</summary>
    public IReadOnlyList<LifeEvent> LifeEvents { get; init; } = [];

    /// <summary>
    /// Interventions the professional proposes again although one of the same catalogue type was left for a
    /// misfit reason, each with the reason (v2; RK-5).
    /// </summary>
    public IReadOnlyList<MisfitOverride> MisfitOverrides { get; init; } = [];
}

/// <summary>A WHO-5 raw score, 0–25.</summary>
public sealed record Who5Score(int Raw)
{
    /// <summary>Raw 0–7: likely depression (Topp et al. 2015); discuss with the GP or POH-GGZ.</summary>
    public const int MoodReferralMaxRaw = 7;

    public bool SuggestsDepression => Raw <= MoodReferralMaxRaw;
}

/// <summary>A life event (<c>life_event</c> code) and how many whole months ago it happened.</summary>
public sealed record LifeEvent(string Event, int MonthsAgo);

/// <summary>An intervention proposed despite a misfit dropout of the same catalogue type, and why (RK-5).</summary>
public sealed record MisfitOverride(string Intervention, string Reason);

/// <summary>
/// DJG-11 subscale scores over the answered items: emotional 0–6, social 0–5; with at most one missing
/// answer per subscale (a subscale with more is void under the missing-data rule, docs/instruments.md).
/// </summary>
public sealed record Djg11Score(int Emotional, int Social)
{
    /// <summary>Missing answers on the emotional items (0–1).</summary>
    public int MissingEmotional { get; init; }

    /// <summary>Missing answers on the social items (0–1).</summary>
    public int MissingSocial { get; init; }

    /// <summary>The total if every missing answer had been a lonely answer (worst case).</summary>
    public int HighTotal => Total + MissingEmotional + MissingSocial;

    /// <summary>The level range of the total: certain when no answer is missing or both ends share a level.</summary>
    public DjgLevelRange SeverityRange => DjgUncertainty.Of("djg11", Total, MissingEmotional + MissingSocial);

    /// <summary>The subscale threshold for "emotionally/socially lonely" (VZinfo, T = 3).</summary>
    public const int SubscaleThreshold = 3;

    public int Total => Emotional + Social;

    /// <summary>Loneliness present at a total of 3 or more (GGD/RIVM cut-off).</summary>
    public bool IsLonely => Total >= 3;

    /// <summary>The DJG level: 0–2 not lonely, 3–8 moderately, 9–10 severely, 11 very severely.</summary>
    /// <remarks>Cut-offs of Van Tilburg &amp; De Jong Gierveld (1999) as the GGD health monitor applies them (docs/instruments.md).</remarks>
    public string Severity => Total switch
    {
        <= 2 => "not_lonely",
        <= 8 => "moderately_lonely",
        <= 10 => "severely_lonely",
        _ => "very_severely_lonely",
    };

    /// <summary>
    /// The loneliness type by the rule in force of docs/profile.md ("Thresholds in force"). Lonely but neither
    /// subscale at the threshold is <c>undifferentiated</c> (issue 16: the old share rule turned noise into a type; VT-1).
    /// </summary>
    public string Type
    {
        get
        {
            if (!IsLonely)
            {
                return "none";
            }

            var emotional = Emotional >= SubscaleThreshold;
            var social = Social >= SubscaleThreshold;
            if (emotional || social)
            {
                return emotional && social ? "both" : emotional ? "emotional" : "social";
            }

            return "undifferentiated";
        }
    }
}

/// <summary>What the person wants (TF-1, ES-4). Null means not asked or no preference.</summary>
public sealed record ProfilePreferences
{
    /// <summary><c>individual</c> or <c>group</c>.</summary>
    public string? Setting { get; init; }

    /// <summary>Mode codes the person prefers or can use; empty means no preference known.</summary>
    public IReadOnlyList<string> Modes { get; init; } = [];

    /// <summary>ISO 639-1 language code, e.g. <c>nl</c>, <c>ar</c>, <c>tr</c>.</summary>
    public string? Language { get; init; }

    /// <summary>True when the person wants few contacts (TF-1, AM-3).</summary>
    public bool? FewContactsWanted { get; init; }
}

/// <summary>A stopped intervention and why (a <c>dropout_reason</c> code).</summary>
public sealed record Dropout(string Intervention, string Reason)
{
    /// <summary>True when the reason says the intervention did not fit the person (RK-5).</summary>
    public bool IsMisfit => Vocabulary.MisfitDropoutReasons.Contains(Reason);
}
