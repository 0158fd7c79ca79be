namespace Konvooi.Features.Data;

/// <summary>
/// One offer in a coalition's shared catalogue. The intervention itself is stored as canonical
/// catalogue JSON (all fields of the domain <c>Intervention</c>); code, name, provider and the retired
/// flag are columns for lists and lookups. Never deleted: retiring keeps it, and every earlier
/// version is a <see cref="CatalogueEntryRevision"/>.
/// </summary>
public sealed class CatalogueEntry
{
    public Guid Id { get; set; }
    public Guid CoalitionId { get; set; }
    public Guid ProviderOrganisationId { get; set; }

    /// <summary>The intervention id, unique within the coalition (e.g. <c>buddy</c>).</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>The intervention as one object of Konvooi's catalogue JSON.</summary>
    public required string InterventionJson { get; set; }
    public bool IsRetired { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedById { get; set; }
}

/// <summary>A stored version of a catalogue entry: the state right after a change.</summary>
public sealed class CatalogueEntryRevision
{
    public Guid Id { get; set; }
    public Guid EntryId { get; set; }
    public Guid CoalitionId { get; set; }
    public int Version { get; set; }
    public Guid ProviderOrganisationId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string InterventionJson { get; set; }
    public bool IsRetired { get; set; }

    /// <summary>What happened: see <c>CatalogueChanges</c>.</summary>
    public required string Change { get; set; }
    public Guid? ChangedById { get; set; }
    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>
/// One version of an organisation's matching weights (only the weights that differ from the
/// defaults), with the reason for the change. The newest version is in force; none means defaults.
/// </summary>
public sealed class MatchingWeightsRevision
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public int Version { get; set; }

    /// <summary>A JSON object of weight key → number, as <c>MatchingWeights.Read</c> accepts.</summary>
    public required string WeightsJson { get; set; }
    public required string Reason { get; set; }
    public bool IsReset { get; set; }
    public Guid? ChangedById { get; set; }
    public DateTime ChangedAtUtc { get; set; }
}
