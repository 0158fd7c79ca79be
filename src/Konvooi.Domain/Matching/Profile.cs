namespace Konvooi.Domain.Matching;

/// <summary>
/// What matching knows about a person: the input contract of the matching engine and of
/// <c>konvooi match</c> (docs/profile.schema.json, version 1). Every field is optional; a missing
/// field (null or empty) means "unknown", never "no".
/// </summary>
public sealed record Profile
{
    /// <summary>The schema version this record follows.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Age in whole years (0–120).</summary>
    public int? Age { get; init; }

    public bool? LivesAlone { get; init; }

    /// <summary>Whether the person has daily contact with someone from their own network (JG-6).</summary>
    public bool? DailyContact { get; init; }

    /// <summary>De Jong Gierveld 11-item subscale scores.</summary>
    public Djg11Score? Djg11 { get; init; }

    /// <summary>Loneliness type code (<c>none|emotional|social|both</c>); derived from <see cref="Djg11"/> when absent.</summary>
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
}

/// <summary>DJG-11 subscale scores: emotional 0–6, social 0–5.</summary>
public sealed record Djg11Score(int Emotional, int Social)
{
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

    /// <summary>The loneliness type by the rule in force of docs/profile.md ("Thresholds in force").</summary>
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

            // Shares of each maximum compared without division: e/6 vs s/5 ⇔ 5e vs 6s.
            var emotionalShare = 5 * Emotional;
            var socialShare = 6 * Social;
            return emotionalShare == socialShare ? "both" : emotionalShare > socialShare ? "emotional" : "social";
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
