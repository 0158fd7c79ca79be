using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Matching;

/// <summary>
/// What the engine reads from a <see cref="Profile"/>: the given values plus what follows from the
/// raw fields (type and severity from DJG-11, <c>no_daily_contact</c>, <c>youth</c>, age groups).
/// </summary>
public sealed record ProfileFacts
{
    private ProfileFacts()
    {
    }

    public required Profile Profile { get; init; }

    /// <summary>Loneliness type code, or null when unknown.</summary>
    public string? Type { get; init; }

    /// <summary>DJG level code, or null when unknown.</summary>
    public string? Severity { get; init; }

    /// <summary>Given flags plus derived ones.</summary>
    public required IReadOnlySet<string> Flags { get; init; }

    /// <summary>Flags and causes together: what indications and contra-indications are compared with.</summary>
    public required IReadOnlySet<string> Conditions { get; init; }

    /// <summary>Target groups the person is known to belong to.</summary>
    public required IReadOnlySet<string> TargetGroups { get; init; }

    /// <summary>The level range of a derived DJG-11 total; null when the severity is given or no DJG-11 is known.</summary>
    public DjgLevelRange? SeverityRange { get; init; }

    /// <summary>The derived severity could lie in another level because of missing answers (issue 16).</summary>
    public bool IsSeverityUncertain => SeverityRange?.IsUncertain == true;

    /// <summary>The person's own view (ONS direct question, "recognises") disagrees with the DJG level (docs/profile.md).</summary>
    public bool SelfReportDiffers { get; init; }

    /// <summary>
    /// The DJG says "not lonely" but that is uncertain or the person's own view disagrees: loneliness is then
    /// unknown (type and severity null) until a professional judges it, so no loneliness offer is excluded (issue 16 finding 1).
    /// </summary>
    public bool LonelinessNeedsConfirmation { get; init; }

    /// <summary>Why prevention applies (JG-4, AM-5, TF-6): life events within 12 months, or 75+ and living alone; empty when it does not.</summary>
    public IReadOnlyList<string> PreventionReasons { get; init; } = [];

    /// <summary>Severely or very severely lonely, or chronic (VT-6, RK-4).</summary>
    public bool IsSevereOrChronic =>
        Severity is "severely_lonely" or "very_severely_lonely" || Profile.Course == "chronic";

    /// <summary>Prevention-aimed suggestions apply: not lonely, at risk, and no wish for fewer contacts.</summary>
    public bool IsPreventionCandidate => PreventionReasons.Count > 0;

    public bool IsEmotional => Type is "emotional" or "both";

    public bool IsSocial => Type is "social" or "both";

    public static ProfileFacts From(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var flags = new HashSet<string>(profile.Flags, StringComparer.Ordinal);
        if (profile.LivesAlone == true && profile.DailyContact == false)
        {
            flags.Add("no_daily_contact");
        }

        if (profile.Age < 25)
        {
            flags.Add("youth");
        }

        var conditions = new HashSet<string>(flags.Concat(profile.Causes), StringComparer.Ordinal);
        var range = profile.Severity is null ? profile.Djg11?.SeverityRange : null;
        var type = profile.Type ?? profile.Djg11?.Type;
        var severity = profile.Severity ?? profile.Djg11?.Severity;
        var level = severity ?? (type == "none" ? "not_lonely" : null);
        var differs = level is not null && SelfReportRule.Differs(level, profile.SelfReport, profile.RecognisesScore);
        var unconfirmed = (type == "none" || severity == "not_lonely") && (range?.IsUncertain == true || differs);
        if (unconfirmed)
        {
            type = null;
            severity = null;
        }

        return new ProfileFacts
        {
            Profile = profile,
            Type = type,
            Severity = severity,
            SeverityRange = range,
            SelfReportDiffers = differs,
            LonelinessNeedsConfirmation = unconfirmed,
            Flags = flags,
            Conditions = conditions,
            TargetGroups = GroupsOf(profile, flags),
            PreventionReasons = type == "none" ? PreventionReasonsOf(profile) : [],
        };
    }

    /// <summary>Within this many months a life event makes prevention relevant (JG-4, TF-6; 12 months own choice, docs/profile.md).</summary>
    public const int PreventionWindowMonths = 12;

    /// <summary>From this age, living alone makes prevention relevant (AM-5; the age of the preventive home visit).</summary>
    public const int PreventionFromAge = 75;

    private static List<string> PreventionReasonsOf(Profile profile)
    {
        // VT-4, TF-1: someone who wants fewer contacts is not offered more.
        if (profile.Preferences.FewContactsWanted == true)
        {
            return [];
        }

        var reasons = profile.LifeEvents
            .Where(e => e.MonthsAgo >= 0 && e.MonthsAgo < PreventionWindowMonths)
            .Select(e => e.Event)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (profile.Age >= PreventionFromAge && profile.LivesAlone == true)
        {
            reasons.Add("75plus_living_alone");
        }

        return reasons;
    }

    /// <summary>
    /// True when the person certainly belongs to none of <paramref name="targetGroups"/>: each group is
    /// ruled out by a known fact (age, living situation). Unknown facts never rule a group out.
    /// </summary>
    public bool IsOutsideAll(IReadOnlyList<string> targetGroups)
    {
        ArgumentNullException.ThrowIfNull(targetGroups);
        return targetGroups.Count > 0 && targetGroups.All(IsCertainlyOutside);
    }

    private bool IsCertainlyOutside(string group)
    {
        var age = Profile.Age;
        var knownYouth = age is null && Flags.Contains("youth");
        return group switch
        {
            "youth" => age >= 25,
            "adults" => age < 18,
            "older_adults" => age < 65 || knownYouth,
            "oldest_old" => age < 75 || knownYouth,
            "older_migrants" => age < 55 || knownYouth,
            "living_alone" => Profile.LivesAlone == false,
            _ => false,
        };
    }

    private static HashSet<string> GroupsOf(Profile profile, HashSet<string> flags)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal) { "everyone" };
        if (profile.Age is { } age)
        {
            AddIf(groups, "youth", age < 25);
            AddIf(groups, "adults", age >= 18);
            AddIf(groups, "older_adults", age >= 65);
            AddIf(groups, "oldest_old", age >= 75);
        }
        else if (flags.Contains("youth"))
        {
            groups.Add("youth");
        }

        AddIf(groups, "living_alone", profile.LivesAlone == true);
        AddIf(groups, "older_migrants", flags.Contains("older_migrant"));
        AddIf(groups, "people_with_disability", flags.Contains("disability") || profile.Causes.Contains("disability"));
        AddIf(groups, "caregivers", profile.Causes.Contains("caregiving_burden"));
        AddIf(groups, "bereaved", flags.Contains("recent_bereavement") || profile.Causes.Contains("partner_loss") || profile.Causes.Contains("other_bereavement"));
        return groups;
    }

    private static void AddIf(HashSet<string> set, string code, bool condition)
    {
        if (condition)
        {
            set.Add(code);
        }
    }
}
