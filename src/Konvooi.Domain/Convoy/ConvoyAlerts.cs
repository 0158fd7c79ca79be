namespace Konvooi.Domain.Convoy;

/// <summary>Someone who left the closest circle: removed from the map, or moved to an outer circle.</summary>
/// <param name="Member">The member as they were in the closest circle.</param>
/// <param name="ToCircle">The circle they moved to; null when they were taken off the map.</param>
public sealed record ClosestCircleLoss(ConvoyMember Member, string? ToCircle)
{
    public bool WasRemoved => ToCircle is null;
}

/// <summary>
/// The closest circle of the convoy shrank (JG-4: the convoy is the best prevention, so losing someone in
/// "heel dichtbij" deserves a follow-up). The web turns a loss into a work-list item once the professional
/// gives the reason; a correction raises nothing.
/// </summary>
public static class ConvoyAlerts
{
    /// <summary>The person died.</summary>
    public const string Died = "died";

    /// <summary>The person moved away or contact faded.</summary>
    public const string MovedAway = "moved_away";

    /// <summary>The map was wrong; nothing changed in the person's life.</summary>
    public const string Correction = "correction";

    /// <summary>Reasons for a change in the closest circle, with Dutch labels.</summary>
    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Died] = "overleden",
        [MovedAway] = "verhuisd of uit beeld geraakt",
        [Correction] = "correctie: de kaart klopte niet",
    };

    /// <summary>Members of the closest circle in <paramref name="previous"/> who are gone or further out in <paramref name="current"/>.</summary>
    public static IReadOnlyList<ClosestCircleLoss> ClosestCircleShrank(ConvoySnapshot previous, ConvoySnapshot current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var now = current.Members.GroupBy(m => m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return previous.Members
            .Where(m => m.Circle == ConvoyCodes.Closest)
            .Select(m => now.TryGetValue(m.Id, out var later)
                ? later.Circle == ConvoyCodes.Closest ? null : new ClosestCircleLoss(m, later.Circle)
                : new ClosestCircleLoss(m, null))
            .OfType<ClosestCircleLoss>()
            .ToList();
    }

    /// <summary>Whether a loss with <paramref name="reason"/> puts an item on the work list: every known reason but a correction.</summary>
    public static bool RaisesWorkItem(string reason) => Reasons.ContainsKey(reason) && reason != Correction;
}
