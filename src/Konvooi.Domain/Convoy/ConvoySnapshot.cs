namespace Konvooi.Domain.Convoy;

/// <summary>
/// The stable codes of the convoy map (JG-4, after Kahn &amp; Antonucci's hierarchical mapping) with their
/// Dutch labels.
/// </summary>
public static class ConvoyCodes
{
    public const string Closest = "closest";
    public const string Close = "close";
    public const string Further = "further";
    public const string Daily = "daily";
    public const string Weekly = "weekly";
    public const string Emotional = "emotional";

    /// <summary>Circles from the inside out.</summary>
    public static IReadOnlyDictionary<string, string> Circles { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Closest] = "heel dichtbij",
        [Close] = "dichtbij",
        [Further] = "verder weg",
    };

    public static IReadOnlyList<string> CircleOrder { get; } = [Closest, Close, Further];

    public static IReadOnlyDictionary<string, string> Relations { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["partner"] = "partner",
        ["child"] = "kind",
        ["grandchild"] = "kleinkind",
        ["parent"] = "ouder",
        ["sibling"] = "broer of zus",
        ["other_family"] = "andere familie",
        ["friend"] = "vriend of vriendin",
        ["neighbour"] = "buur",
        ["colleague"] = "collega of studiegenoot",
        ["acquaintance"] = "kennis",
        ["shopkeeper"] = "iemand van een winkel of de markt",
        ["volunteer"] = "vrijwilliger",
        ["professional"] = "hulpverlener",
        ["other"] = "iemand anders",
    };

    /// <summary>Relations that are not the person's own network (JG-6): paid or arranged support.</summary>
    public static IReadOnlySet<string> OutsideOwnNetwork { get; } =
        new HashSet<string>(["volunteer", "professional"], StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> Frequencies { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Daily] = "elke dag",
        [Weekly] = "elke week",
        ["monthly"] = "elke maand",
        ["less"] = "minder vaak",
    };

    public static IReadOnlyDictionary<string, string> Modes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["in_person"] = "zien",
        ["phone"] = "bellen",
        ["online"] = "online",
    };

    public static IReadOnlyDictionary<string, string> Support { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Emotional] = "een luisterend oor en troost",
        ["practical"] = "praktische hulp",
        ["company"] = "gezelschap",
        ["advice"] = "advies",
    };
}

/// <summary>One person on the convoy map. Codes are those of <see cref="ConvoyCodes"/>.</summary>
/// <param name="Id">Stable id of this member across snapshots, used to see who was lost, added or moved.</param>
/// <param name="Name">First name or role (no surname needed), e.g. "Anna" or "buurman".</param>
public sealed record ConvoyMember(string Id, string Name)
{
    public required string Relation { get; init; }

    public required string Circle { get; init; }

    public required string Frequency { get; init; }

    public IReadOnlyList<string> Modes { get; init; } = [];

    /// <summary>Support the person receives from this member.</summary>
    public IReadOnlyList<string> SupportReceived { get; init; } = [];

    /// <summary>Support the person gives to this member.</summary>
    public IReadOnlyList<string> SupportGiven { get; init; } = [];

    /// <summary>Would notice how the person is doing (JG-4).</summary>
    public bool? WouldNotice { get; init; }

    /// <summary>A light, everyday contact such as a neighbour or shopkeeper (AM-2).</summary>
    public bool IsLightContact { get; init; }

    /// <summary>Part of the person's own network (not a volunteer or professional; JG-6).</summary>
    public bool IsOwnNetwork => !ConvoyCodes.OutsideOwnNetwork.Contains(Relation);

    public bool IsDaily => Frequency == ConvoyCodes.Daily;

    public bool IsAtLeastWeekly => Frequency is ConvoyCodes.Daily or ConvoyCodes.Weekly;
}

/// <summary>A dated convoy map (JG-4). Maps are kept as snapshots so that changes show over time.</summary>
public sealed record ConvoySnapshot(DateOnly Date, IReadOnlyList<ConvoyMember> Members)
{
    public ConvoyMetrics Metrics => ConvoyMetrics.Of(this);
}

/// <summary>What a convoy map says at a glance.</summary>
/// <param name="MembersPerCircle">Members per circle code, every circle present (0 when empty).</param>
/// <param name="LightContacts">Members marked as light everyday contacts (AM-2).</param>
/// <param name="HasDailyContact">Someone from the own network has daily contact (JG-6).</param>
/// <param name="HasEmotionalConfidant">Someone gives the person emotional support (CC-2).</param>
/// <param name="WeeklyContacts">Own-network members, not light contacts, with daily or weekly contact.</param>
/// <param name="WouldNoticeCount">Members who would notice how the person is doing.</param>
public sealed record ConvoyMetrics(
    IReadOnlyDictionary<string, int> MembersPerCircle,
    int LightContacts,
    bool HasDailyContact,
    bool HasEmotionalConfidant,
    int WeeklyContacts,
    int WouldNoticeCount)
{
    public static ConvoyMetrics Of(ConvoySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var members = snapshot.Members;
        var perCircle = ConvoyCodes.CircleOrder.ToDictionary(
            c => c,
            c => members.Count(m => m.Circle == c),
            StringComparer.Ordinal);
        return new ConvoyMetrics(
            perCircle,
            members.Count(m => m.IsLightContact),
            members.Any(m => m.IsOwnNetwork && m.IsDaily),
            members.Any(m => m.SupportReceived.Contains(ConvoyCodes.Emotional, StringComparer.Ordinal)),
            members.Count(m => m.IsOwnNetwork && !m.IsLightContact && m.IsAtLeastWeekly),
            members.Count(m => m.WouldNotice == true));
    }
}

/// <summary>A member who changed circle between two snapshots.</summary>
public sealed record CircleMove(ConvoyMember Member, string FromCircle, string ToCircle);

/// <summary>The difference between two convoy snapshots: lost, added and moved members.</summary>
public sealed record ConvoyChanges(IReadOnlyList<ConvoyMember> Lost, IReadOnlyList<ConvoyMember> Added, IReadOnlyList<CircleMove> Moved)
{
    public bool IsEmpty => Lost.Count == 0 && Added.Count == 0 && Moved.Count == 0;

    /// <summary>
    /// What changed from <paramref name="previous"/> to <paramref name="current"/>, matching members by id.
    /// Lost members are listed as they were; added and moved ones as they are now.
    /// </summary>
    public static ConvoyChanges Between(ConvoySnapshot previous, ConvoySnapshot current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var before = previous.Members.GroupBy(m => m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = current.Members.GroupBy(m => m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var lost = previous.Members.Where(m => !now.ContainsKey(m.Id)).ToList();
        var added = current.Members.Where(m => !before.ContainsKey(m.Id)).ToList();
        var moved = current.Members
            .Where(m => before.TryGetValue(m.Id, out var old) && old.Circle != m.Circle)
            .Select(m => new CircleMove(m, before[m.Id].Circle, m.Circle))
            .ToList();
        return new ConvoyChanges(lost, added, moved);
    }
}
