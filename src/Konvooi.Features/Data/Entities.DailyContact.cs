namespace Konvooi.Features.Data;

/// <summary>
/// A person's daily contact arrangement: the domain <c>Arrangement</c> as JSON, plus what only the app needs
/// (how to reach each contact, the person's consent and preferences).
/// </summary>
public sealed class DailyContactArrangement
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary>The domain arrangement (days, window, form, contacts, rota, topics, ladder, dates, pauses) as JSON.</summary>
    public required string ArrangementJson { get; set; }
    /// <summary>Per contact: the user account (volunteers) or e-mail address (neighbours, family) as JSON.</summary>
    public required string ContactDetailsJson { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    /// <summary>The date the person agreed to the arrangement and to sharing their first name and address with the contacts.</summary>
    public DateOnly? ConsentGivenOn { get; set; }
    public string? ContactPreferences { get; set; }
    public Guid UpdatedById { get; set; }
    /// <summary>Slots whose window ended before this moment are never created: nobody could have been there.</summary>
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One slot (a scheduled day) and its state. <see cref="LastStep"/> and <see cref="Version"/> are concurrency
/// tokens: a state is only stored when nobody took a step or confirmed in the meantime.
/// </summary>
public sealed class DailyContactSlot
{
    public Guid Id { get; set; }
    public required string Reference { get; set; }
    public Guid ArrangementId { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public DateOnly LocalDate { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public Guid? ContactId { get; set; }
    public Guid? SecondContactId { get; set; }
    /// <summary>The domain slot snapshot (with the ladder it was generated with) as JSON.</summary>
    public required string SlotJson { get; set; }
    public required string Status { get; set; }
    public int LastStep { get; set; }
    public bool IsClosed { get; set; }
    /// <summary>The slot's log, confirmation and resolution as JSON.</summary>
    public required string StateJson { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public int Version { get; set; }
}

/// <summary>A personal link (confirmation or calendar feed) of one contact: only the SHA-256 hash is stored.</summary>
public sealed class DailyContactToken
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ContactId { get; set; }
    public required string Purpose { get; set; }
    public required string Hash { get; set; }
    public Guid IssuedById { get; set; }
    public DateTime IssuedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>When the link stops working (issue #17, finding 1); null for a link issued before links expired, which
    /// expires <c>AccessTokens.DefaultLifetimeDays</c> after issue. Renewing moves it.</summary>
    public DateTime? ExpiresAtUtc { get; set; }
}

/// <summary>
/// A confirmed contact, kept queryable on its own: the note, the "seemed different" signals and whether someone
/// followed them up (the hook for the support plan).
/// </summary>
public sealed class DailyContactConfirmation
{
    public Guid Id { get; set; }
    public Guid SlotId { get; set; }
    public Guid PersonId { get; set; }
    public Guid OrganisationId { get; set; }
    public DateOnly LocalDate { get; set; }
    public DateTime ConfirmedAtUtc { get; set; }
    public bool IsLate { get; set; }
    /// <summary>The contact who confirmed; null when a coordinator recorded it.</summary>
    public Guid? ContactId { get; set; }
    /// <summary>The signed-in user who confirmed or recorded it; null for a personal link.</summary>
    public Guid? RecordedById { get; set; }
    public string? Note { get; set; }
    /// <summary>Comma-separated <c>DifferenceSignal</c> names; empty when nothing seemed different.</summary>
    public required string Signals { get; set; }
    public bool HasSignals { get; set; }
    public bool FollowUpHandled { get; set; }
    public Guid? FollowUpHandledById { get; set; }
    public DateTime? FollowUpHandledAtUtc { get; set; }
}
