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

    public string Version { get; init; } = "2";

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

    /// <summary>
    /// A DJG measurement taken more than this many months before the profile date is stale: it never supports
    /// "not lonely" on its own (issue 16; own choice, 6 months).
    /// </summary>
    public int StaleAfterMonths { get; init; } = 6;
}

/// <summary>
/// The professional's own judgement of type and severity, with a reason (issue 16). It overrides the derived
/// values, is kept in the profile and shown as evidence ("Oordeel professional"). A null type or severity
/// keeps the derived value: a judgement with both null confirms the measurement.
/// </summary>
/// <param name="Type">A loneliness type code (<c>none|emotional|social|both|undifferentiated</c>) or null.</param>
/// <param name="Severity">A DJG level code or null.</param>
/// <param name="Reason">Why, in the professional's words (required).</param>
/// <param name="AuthorId">The user who recorded it.</param>
/// <param name="Date">The day it was recorded.</param>
public sealed record ProfessionalJudgement(string? Type, string? Severity, string Reason, Guid AuthorId, DateOnly Date)
{
    /// <summary>Longest reason, in characters.</summary>
    public const int ReasonLength = 2000;

    /// <summary>Problems with a judgement as (field, Dutch message); empty when it is valid.</summary>
    public static IReadOnlyList<(string Field, string Message)> Validate(string? type, string? severity, string? reason)
    {
        var problems = new List<(string, string)>();
        if (type is not null && !Vocabulary.LonelinessTypes.ContainsKey(type))
        {
            problems.Add((nameof(Type), "Kies een soort eenzaamheid uit de lijst."));
        }

        if (severity is not null && !Vocabulary.Severities.ContainsKey(severity))
        {
            problems.Add((nameof(Severity), "Kies een ernst uit de lijst."));
        }

        if ((type == "none" && severity is not (null or "not_lonely")) || (severity == "not_lonely" && type is not (null or "none")))
        {
            problems.Add((nameof(Severity), "Niet eenzaam past niet bij deze soort of ernst. Kies twee dingen die bij elkaar passen."));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add((nameof(Reason), "Schrijf op waarom u tot dit oordeel komt."));
        }
        else if (reason.Length > ReasonLength)
        {
            problems.Add((nameof(Reason), $"Gebruik hoogstens {ReasonLength} tekens."));
        }

        return problems;
    }
}

/// <summary>A life event with its date and how many whole months before the profile date it happened (JG-4, TF-6).</summary>
/// <param name="Event">A <c>life_event</c> code (docs/vocabulary.md).</param>
/// <param name="Date">When it happened; null when not recorded.</param>
/// <param name="MonthsAgo">Whole months before the profile date; null without a date.</param>
/// <param name="Evidence">The answers behind it.</param>
public sealed record LifeEventFinding(string Event, DateOnly? Date, int? MonthsAgo, IReadOnlyList<Evidence> Evidence)
{
    public string Label => Vocabulary.Label(Vocabulary.LifeEvents, Event);
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

    /// <summary>The professional's judgement of type and severity, if one was recorded (issue 16).</summary>
    public ProfessionalJudgement? Judgement { get; init; }
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

    /// <summary>
    /// Loneliness present (DJG cut-off, or the professional's judgement); null when no DJG total is known, or when
    /// the DJG says "not lonely" but that needs confirmation (<see cref="NeedsConfirmation"/>).
    /// </summary>
    public bool? IsLonely { get; init; }

    public string? Type { get; init; }

    public string? Severity { get; init; }

    /// <summary>The DJG score behind presence, type and severity.</summary>
    public IReadOnlyList<Evidence> LonelinessEvidence { get; init; } = [];

    /// <summary>The level range of the DJG total; uncertain when missing answers could change the level.</summary>
    public DjgLevelRange? SeverityRange { get; init; }

    /// <summary>Missing DJG answers could put the total in another level (issue 16).</summary>
    public bool SeverityUncertain { get; init; }

    /// <summary>The DJG measurement is older than <see cref="ProfileRules.StaleAfterMonths"/>.</summary>
    public bool MeasurementStale { get; init; }

    /// <summary>The ONS direct answer (<c>measurements.ons_direct</c>), if asked.</summary>
    public string? SelfReport { get; init; }

    /// <summary>Whether the person recognises themselves in the result (<c>measurements.recognised</c>).</summary>
    public bool? RecognisesResult { get; init; }

    /// <summary>The person's own view disagrees with the DJG level (<see cref="SelfReportRule"/>).</summary>
    public bool SelfReportDiffers { get; init; }

    /// <summary>
    /// The DJG says "not lonely" but it is uncertain, stale or disputed and no judgement was recorded: loneliness is
    /// unknown until the professional judges it. Pages show the judgement form.
    /// </summary>
    public bool NeedsConfirmation { get; init; }

    /// <summary>The professional's judgement behind type and severity, if any.</summary>
    public ProfessionalJudgement? Judgement { get; init; }

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

    /// <summary>WHO-5 raw score 0–25; 7 or less gives the advice <c>mood_referral</c>.</summary>
    public int? Who5Raw { get; init; }

    /// <summary>Answer to <c>meaning.death_wish</c>; true gives the advice <c>safety_first</c>.</summary>
    public bool? DeathWish { get; init; }

    public bool? DeathWishThoughts { get; init; }

    public bool? DeathWishPlan { get; init; }

    public bool? DeathWishMeans { get; init; }

    /// <summary>A death wish was raised: show the safety panel (never in hand-over mode or volunteer views).</summary>
    public bool IsSafetyConcern => DeathWish == true;

    /// <summary>Life events with their dates (JG-4, TF-6).</summary>
    public IReadOnlyList<LifeEventFinding> LifeEvents { get; init; } = [];

    /// <summary>Why prevention applies (life event codes, <c>75plus_living_alone</c>); empty when it does not (JG-4, AM-5).</summary>
    public IReadOnlyList<string> PreventionReasons => ProfileFacts.From(ToMatchingProfile()).PreventionReasons;

    public IReadOnlyList<Dropout> DroppedOut { get; init; } = [];

    public bool HasFlag(string code) => Flags.Any(f => string.Equals(f.Code, code, StringComparison.Ordinal));

    /// <summary>
    /// The matching input (docs/profile.schema.json version 2) for this profile. When loneliness needs
    /// confirmation, type and severity are left out so the engine sees the doubt too: the DJG-11 scores with
    /// their missing answers and the person's own view are given, and a stale measurement is left out
    /// (docs/profile.md, "In matching"). A judgement gives type and severity and settles the person's view.
    /// </summary>
    public Profile ToMatchingProfile()
    {
        var derivedUncertain = Judgement is null && (NeedsConfirmation || SeverityUncertain) && !(MeasurementStale && NeedsConfirmation);
        var leaveOut = Judgement is null && NeedsConfirmation && MeasurementStale;
        return new Profile
        {
            Age = Age,
            LivesAlone = LivesAlone,
            DailyContact = DailyContact,
            Djg11 = leaveOut ? null : Djg11,
            Type = derivedUncertain && Djg11 is not null ? null : Type,
            Severity = derivedUncertain && Djg11 is not null ? null : Severity,
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
            Who5 = Who5Raw is int raw ? new Who5Score(raw) : null,
            DeathWish = DeathWish,
            SelfReport = Judgement is null ? SelfReport : null,
            RecognisesScore = Judgement is null ? RecognisesResult : null,
            LifeEvents = LifeEvents.Where(e => e.MonthsAgo is not null).Select(e => new LifeEvent(e.Event, e.MonthsAgo!.Value)).ToList(),
        };
    }
}
