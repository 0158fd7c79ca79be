namespace Konvooi.Domain.Matching;

/// <summary>
/// One entry of the catalogue: a kind of support (in the starter catalogue) or a local offer of a
/// provider organisation, tagged with what matching needs (aim, causes, werkzame elementen, format,
/// target groups, coping served, recognition and insights).
/// </summary>
public sealed record Intervention
{
    /// <summary>Stable catalogue id, e.g. <c>daily_contact_moment</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Dutch name shown to people.</summary>
    public required string Name { get; init; }

    /// <summary>Dutch description in our own words (B1).</summary>
    public required string Description { get; init; }

    /// <summary>The <c>aim</c> code (ES-6).</summary>
    public required string Aim { get; init; }

    /// <summary>Cause codes this intervention addresses (TF-4).</summary>
    public IReadOnlyList<string> Causes { get; init; } = [];

    /// <summary>Werkzame elementen, the main element first.</summary>
    public required IReadOnlyList<string> Elements { get; init; }

    /// <summary><c>individual</c> or <c>group</c>.</summary>
    public required string Setting { get; init; }

    /// <summary>The main mode: <c>in_person</c>, <c>phone</c>, <c>online</c> or <c>home_visit</c>.</summary>
    public required string Mode { get; init; }

    /// <summary><c>light</c>, <c>medium</c> or <c>intensive</c>.</summary>
    public required string Intensity { get; init; }

    public IReadOnlyList<string> TargetGroups { get; init; } = [];

    /// <summary>Coping codes this intervention serves (ES-4).</summary>
    public IReadOnlyList<string> Coping { get; init; } = [];

    /// <summary>Recognition level code (TF-5).</summary>
    public string Recognition { get; init; } = "none";

    /// <summary>Flag or cause codes for which this intervention is specifically meant.</summary>
    public IReadOnlyList<string> Indications { get; init; } = [];

    /// <summary>Flag or cause codes for which this intervention should not be offered.</summary>
    public IReadOnlyList<string> ContraIndications { get; init; } = [];

    /// <summary>Insight ids this entry rests on (the evidence trail).</summary>
    public IReadOnlyList<string> Insights { get; init; } = [];

    /// <summary>Link to a national method description (Movisie, Loket Gezond Leven).</summary>
    public string? MethodUrl { get; init; }

    /// <summary>The provider organisation of a local offer.</summary>
    public string? Provider { get; init; }

    public IReadOnlyList<string> Locations { get; init; } = [];

    /// <summary>When it takes place, in words.</summary>
    public string? Schedule { get; init; }

    /// <summary>Cost per participant in euros; 0 is free; null is unknown.</summary>
    public decimal? CostEuros { get; init; }

    public string? CostDescription { get; init; }

    /// <summary>Free places now; null is unknown.</summary>
    public int? Capacity { get; init; }

    /// <summary>Expected wait in weeks; null is unknown.</summary>
    public int? WaitingListWeeks { get; init; }

    public string? Contact { get; init; }

    /// <summary>ISO 639-1 codes of the languages it is offered in; empty is unknown.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public string? Accessibility { get; init; }

    /// <summary>The main werkzaam element (the first one listed).</summary>
    public string MainElement => Elements[0];

    /// <summary>
    /// The catalogue type this offer is a kind of (catalogue field <c>type</c>, an intervention id such as a
    /// starter type); null for a type of its own. A misfit dropout excludes every offer of the same type (RK-5).
    /// </summary>
    public string? Type { get; init; }

    /// <summary>The catalogue type: <see cref="Type"/>, or the id when it has none.</summary>
    public string TypeCode => Type ?? Id;

    public bool IsLonelinessIntervention => Aim.StartsWith("loneliness_", StringComparison.Ordinal);
}

/// <summary>A versioned set of interventions.</summary>
public sealed record InterventionCatalogue(string Version, IReadOnlyList<Intervention> Interventions)
{
    /// <summary>The starter catalogue that ships with Konvooi (an embedded resource).</summary>
    public static InterventionCatalogue Starter => StarterCatalogue.Value;

    public Intervention? Find(string id) => Interventions.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));
}
