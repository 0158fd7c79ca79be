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

    /// <summary>Severely or very severely lonely, or chronic (VT-6, RK-4).</summary>
    public bool IsSevereOrChronic =>
        Severity is "severely_lonely" or "very_severely_lonely" || Profile.Course == "chronic";

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
        return new ProfileFacts
        {
            Profile = profile,
            Type = profile.Type ?? profile.Djg11?.Type,
            Severity = profile.Severity ?? profile.Djg11?.Severity,
            Flags = flags,
            Conditions = conditions,
            TargetGroups = GroupsOf(profile, flags),
        };
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
