using Konvooi.Domain.Access;
using Microsoft.AspNetCore.Identity;

namespace Konvooi.Features.Data;

/// <summary>Lokale coalitie: the organisations of one municipality working together.</summary>
public sealed class Coalition
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    /// <summary>CBS municipality code, e.g. GM0363.</summary>
    public string? MunicipalityCode { get; set; }
    public bool IsDemo { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<Organisation> Organisations { get; set; } = [];
    /// <summary>
    /// The lead organisation (penvoerder): its coordinators keep the routing table, and signals that no routing
    /// rule matches go to it.
    /// </summary>
    public Guid? LeadOrganisationId { get; set; }
    /// <summary>
    /// The version of the coalition's routing set-up (routing table, wijk list, lead): every change raises it, and a
    /// form loaded with another version is refused as stale. One version for the whole table, because the table is
    /// checked as a whole (two rows added at the same time could overlap).
    /// </summary>
    public int RoutingVersion { get; set; }
}

/// <summary>What kind of organisation a coalition member is. Any kind can hold signaller accounts.</summary>
public enum OrganisationKind
{
    Gemeente,
    Welzijnsorganisatie,
    Zorgaanbieder,
    Ggd,
    Huisartsenpraktijk,
    Fysiotherapie,
    Wijkverpleging,
    Thuiszorg,
    SociaalWijkteam,
    Apotheek,
    Woningcorporatie,
    Overig,
}

public sealed class Organisation
{
    public Guid Id { get; set; }
    public Guid CoalitionId { get; set; }
    public Coalition? Coalition { get; set; }
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

public sealed class KonvooiUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }
    public List<Membership> Memberships { get; set; } = [];
}

/// <summary>A user's role within one organisation.</summary>
public sealed class Membership
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public KonvooiUser? User { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public Role Role { get; set; }
}

public enum LivingSituation
{
    Alone,
    WithPartner,
    WithOthers,
    Institution,
}

/// <summary>Cliënt: a person supported by one organisation. No BSN is stored, by design.</summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    /// <summary>Lower-case "first last" for searching on both providers alike.</summary>
    public string SearchName { get; set; } = string.Empty;
    public DateOnly DateOfBirth { get; set; }
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Wijk { get; set; }
    public string? Phone { get; set; }
    public LivingSituation LivingSituation { get; set; }
    public string? MigrationBackground { get; set; }
    public string? PreferredLanguage { get; set; }
    public Guid? ResponsibleProfessionalId { get; set; }
    public KonvooiUser? ResponsibleProfessional { get; set; }
    public List<PersonAssignment> Assignments { get; set; } = [];
    public List<Consent> Consents { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>App-managed optimistic concurrency token, works the same on SQLite and PostgreSQL.</summary>
    public int Version { get; set; }
}

/// <summary>A professional assigned to a person besides the responsible one.</summary>
public sealed class PersonAssignment
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid UserId { get; set; }
}

public enum ConsentPurpose
{
    Registration,
    SharingByReferral,
    DailyContactContacts,
    MonitorAggregates,

    /// <summary>The person agreed, through the signaller, to be contacted; recorded when a signal is accepted.</summary>
    ContactAfterSignal,
}

/// <summary>Consent per purpose; withdrawal is recorded on the same row, never deleted.</summary>
public sealed class Consent
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid OrganisationId { get; set; }
    public ConsentPurpose Purpose { get; set; }
    public DateOnly GivenOn { get; set; }
    public Guid RecordedById { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public Guid? WithdrawnById { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One NEN 7513-style audit entry. Append-only: each entry carries the hash of the previous one,
/// so a removed or altered entry breaks the chain (<c>konvooi audit verify</c>).
/// Holds identifiers only, never names or other personal details.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public Guid? UserId { get; set; }
    public string? Role { get; set; }
    public Guid? OrganisationId { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    /// <summary>The record ids concerned, comma separated (a list view logs every id shown).</summary>
    public required string RecordIds { get; set; }
    /// <summary>The person concerned, when there is exactly one, for the person's access history.</summary>
    public Guid? PersonId { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

public enum AdministrationMode
{
    /// <summary>Read aloud and answered face to face.</summary>
    FaceToFace,

    /// <summary>Read aloud and answered by phone.</summary>
    Phone,

    /// <summary>The person filled it in alone on the tablet (locked hand-over mode).</summary>
    SelfCompletion,
}

/// <summary>
/// One administration of an instrument: the answers as given, the language and text version shown,
/// and the scores computed by the domain scorer at that moment. Corrections are new measurements.
/// </summary>
public sealed class Measurement
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public required string InstrumentId { get; set; }
    public required string InstrumentVersion { get; set; }
    /// <summary>ISO 639-1 language of the item texts shown.</summary>
    public required string Language { get; set; }
    /// <summary>Whether any text shown was a working translation rather than an authoritative version.</summary>
    public bool UsedWorkingTranslation { get; set; }
    public AdministrationMode Mode { get; set; }
    public DateOnly AdministeredOn { get; set; }
    public Guid AdministeredById { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    /// <summary>Item code → option value as JSON; null for "wil ik niet zeggen" (missing).</summary>
    public required string AnswersJson { get; set; }
    /// <summary>Every result field (name → value) as JSON, as the scorer returned them.</summary>
    public required string ScoresJson { get; set; }
    public int? Total { get; set; }
    public string? LevelCode { get; set; }
    public int MissingItems { get; set; }
}

/// <summary>The current answers of one section of the good conversation for one person.</summary>
public sealed class ConversationSection
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public required string SectionCode { get; set; }
    /// <summary>Question code → values, as JSON.</summary>
    public required string AnswersJson { get; set; }
    public Guid UpdatedById { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>Every save of a section, kept (append-only) so earlier visits stay visible.</summary>
public sealed class ConversationRevision
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public required string SectionCode { get; set; }
    public required string AnswersJson { get; set; }
    public int Version { get; set; }
    public Guid SavedById { get; set; }
    public DateTime SavedAtUtc { get; set; }
}

/// <summary>A dated convoy map (JG-4): the members as JSON. Edits on one day change that day's map; a new day starts a new snapshot.</summary>
public sealed class ConvoyMap
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public DateOnly TakenOn { get; set; }
    public required string MembersJson { get; set; }
    public Guid UpdatedById { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A dated profile snapshot, kept exactly as the professional saw it: the plain-Dutch lines with their
/// evidence, the matching profile (docs/profile.schema.json v1), and the versions that produced it.
/// </summary>
public sealed class ProfileSnapshot
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public DateOnly BuiltOn { get; set; }
    public required string LinesJson { get; set; }
    public required string MatchingProfileJson { get; set; }
    public required string RulesVersion { get; set; }
    public required string GuideVersion { get; set; }
    /// <summary>Instrument id, version and date of every measurement used, as JSON.</summary>
    public required string InstrumentsJson { get; set; }

    /// <summary>The professional's judgement used for this profile, as JSON, or null when there was none (issue #16).</summary>
    public string? JudgementJson { get; set; }

    /// <summary>The safety advice codes of this profile (<c>safety_first</c>, <c>mood_referral</c>), comma-separated; empty when none.</summary>
    public string SafetyAdvice { get; set; } = "";

    /// <summary>The measurement says "not lonely" but is uncertain, stale or disputed, and no judgement was recorded.</summary>
    public bool NeedsConfirmation { get; set; }
    public Guid CreatedById { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
