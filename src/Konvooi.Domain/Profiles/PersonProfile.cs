using Konvooi.Domain.Conversations;
using Konvooi.Domain.Convoy;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Profiles;

/// <summary>
/// The thresholds and the version of the profile rules (docs/profile.md). Changing any number is a new
/// <see cref="Version"/>, so that a stored profile says which rules produced it.
/// </summary>
public sealed record ProfileRules
{
    public static ProfileRules Default { get; } = new();

    public string Version { get; init; } = "1";

    /// <summary>Loneliness lasting this many months or more is chronic (RK-4; own choice: 2 years).</summary>
    public int ChronicAfterMonths { get; init; } = 24;

    /// <summary>A loss less than this many months ago is recent (TF-6; own choice).</summary>
    public int RecentBereavementMonths { get; init; } = 6;

    /// <summary>Not lonely with at most this many weekly contacts is "isolated, not lonely" (VT-4; own choice).</summary>
    public int IsolatedMaxWeeklyContacts { get; init; } = 1;

    /// <summary>Younger than this is a young person (AM-6; own choice).</summary>
    public int YouthBelowAge { get; init; } = 25;

    /// <summary>From this age a person with a migration background is an older migrant (TF-7).</summary>
    public int OlderMigrantFromAge { get; init; } = 55;

    /// <summary><c>mastery7-ggd</c> totals up to this are low mastery (RIVM "onvoldoende eigen regie", VT-9).</summary>
    public int LowMasteryMaxTotal { get; init; } = 19;
}

/// <summary>One scored administration of an instrument, as stored with the measurement.</summary>
public sealed record ProfileMeasurement(DateOnly TakenOn, string InstrumentVersion, InstrumentScore Score)
{
    public string InstrumentId => Score.InstrumentId;

    /// <summary>A measurement of <paramref name="instrument"/> (its current version) scored <paramref name="score"/>.</summary>
    public static ProfileMeasurement Of(Instrument instrument, DateOnly takenOn, InstrumentScore score)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return new ProfileMeasurement(takenOn, instrument.Version, score);
    }
}

/// <summary>What the profile is built from. Every part is optional except the date of the conversation.</summary>
public sealed record ProfileInput
{
    /// <summary>The day the profile is made; recent and chronic are counted back from it.</summary>
    public required DateOnly ConversationDate { get; init; }

    /// <summary>Age in whole years on the conversation date, from the person record.</summary>
    public int? Age { get; init; }

    /// <summary>All measurements of the person; the builder takes the latest of each kind.</summary>
    public IReadOnlyList<ProfileMeasurement> Measurements { get; init; } = [];

    public ConversationAnswers Answers { get; init; } = ConversationAnswers.Empty;

    /// <summary>The latest convoy snapshot, if one was made.</summary>
    public ConvoySnapshot? Convoy { get; init; }

    /// <summary>Interventions the person stopped, with the reason (RK-5).</summary>
    public IReadOnlyList<Dropout> DroppedOut { get; init; } = [];
}

/// <summary>Why something is in the profile: the answer, score or convoy fact behind it.</summary>
/// <param name="Source">Where it comes from: <c>answer:QUESTION</c>, <c>score:INSTRUMENT</c>, <c>convoy:DATE</c> or <c>person:age</c>.</param>
/// <param name="Fact">The fact in plain Dutch, as the person's page shows it.</param>
public sealed record Evidence(string Source, string Fact);

/// <summary>A raised flag with its insight ids and the evidence that raised it.</summary>
public sealed record ProfileFlag(string Code, IReadOnlyList<string> Insights, IReadOnlyList<Evidence> Evidence)
{
    public string Label => Vocabulary.Label(Vocabulary.Flags, Code);
}

/// <summary>A cause of the loneliness with the evidence for it.</summary>
public sealed record CauseFinding(string Code, bool IsPrimary, IReadOnlyList<Evidence> Evidence)
{
    public string Label => Vocabulary.Label(Vocabulary.Causes, Code);
}

/// <summary>An instrument a profile used, with its version and the date of the measurement.</summary>
public sealed record InstrumentUsed(string Id, string Version, DateOnly TakenOn);

/// <summary>What the person wants (TF-1, ES-4, AM-8). Empty or null means not asked.</summary>
public sealed record PersonPreferences
{
    /// <summary><c>individual</c> or <c>group</c>; null for no preference.</summary>
    public string? Setting { get; init; }

    public IReadOnlyList<string> Modes { get; init; } = [];

    public IReadOnlyList<string> Times { get; init; } = [];

    public string? Transport { get; init; }

    /// <summary>ISO 639-1 code.</summary>
    public string? Language { get; init; }

    /// <summary>True when a few people are enough (TF-1, AM-3).</summary>
    public bool? FewContactsWanted { get; init; }
}

/// <summary>
/// The profile of one person: what kind of loneliness, how severe, since when and why, with evidence for
/// every finding. A dated snapshot with the versions of the rules, guide and instruments that produced it.
/// </summary>
public sealed record PersonProfile
{
    public required DateOnly BuiltOn { get; init; }

    public required string RulesVersion { get; init; }

    public string GuideVersion { get; init; } = ConversationGuide.Version;

    public IReadOnlyList<InstrumentUsed> Instruments { get; init; } = [];

    public int? Age { get; init; }

    public bool? LivesAlone { get; init; }

    /// <summary>Daily contact with someone from the own network (JG-6); null when not recorded.</summary>
    public bool? DailyContact { get; init; }

    /// <summary>DJG-11 subscale scores, when the loneliness measurement was a complete DJG-11.</summary>
    public Djg11Score? Djg11 { get; init; }

    /// <summary>Loneliness present (DJG cut-off); null when no DJG total is known.</summary>
    public bool? IsLonely { get; init; }

    public string? Type { get; init; }

    public string? Severity { get; init; }

    /// <summary>The DJG score behind presence, type and severity.</summary>
    public IReadOnlyList<Evidence> LonelinessEvidence { get; init; } = [];

    public string? Course { get; init; }

    public IReadOnlyList<Evidence> CourseEvidence { get; init; } = [];

    /// <summary>Causes, the primary cause first (TF-4).</summary>
    public IReadOnlyList<CauseFinding> Causes { get; init; } = [];

    public CauseFinding? PrimaryCause => Causes.FirstOrDefault(c => c.IsPrimary);

    public IReadOnlyList<CauseFinding> SecondaryCauses => Causes.Where(c => !c.IsPrimary).ToList();

    public string? Coping { get; init; }

    public PersonPreferences Preferences { get; init; } = new();

    public IReadOnlyList<ProfileFlag> Flags { get; init; } = [];

    /// <summary>WHO-5 level code (VT-2), shown next to loneliness; no flag.</summary>
    public string? WellbeingLevel { get; init; }

    public IReadOnlyList<Dropout> DroppedOut { get; init; } = [];

    public bool HasFlag(string code) => Flags.Any(f => string.Equals(f.Code, code, StringComparison.Ordinal));

    /// <summary>The matching input (docs/profile.schema.json version 1) for this profile.</summary>
    public Profile ToMatchingProfile() => new()
    {
        Age = Age,
        LivesAlone = LivesAlone,
        DailyContact = DailyContact,
        Djg11 = Djg11,
        Type = Type,
        Severity = Severity,
        Course = Course,
        Causes = Causes.Select(c => c.Code).ToList(),
        Coping = Coping,
        Preferences = new ProfilePreferences
        {
            Setting = Preferences.Setting,
            Modes = Preferences.Modes,
            Language = Preferences.Language,
            FewContactsWanted = Preferences.FewContactsWanted,
        },
        Flags = Flags.Select(f => f.Code).ToList(),
        DroppedOut = DroppedOut,
    };
}
