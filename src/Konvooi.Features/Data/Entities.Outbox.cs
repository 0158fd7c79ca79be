namespace Konvooi.Features.Data;

/// <summary>
/// An e-mail to send, for any part of the app (<see cref="Topic"/>): a daily contact escalation or a signal's status
/// change. <see cref="ActionKey"/> is unique: a second app instance that computes the same step cannot add it again,
/// so nobody is alerted twice. It holds references and ids only; the text is composed when it is sent, and never
/// carries a name, an address or anything clinical.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public required string ActionKey { get; set; }

    /// <summary>Which part of the app composes and addresses it (<c>Konvooi.Features.Outbox.OutboxTopics</c>).</summary>
    public required string Topic { get; set; }

    /// <summary>The organisation the message belongs to (its coordinators see failures on their dashboard).</summary>
    public Guid OrganisationId { get; set; }

    /// <summary>The person concerned, when the organisation holds a record of them (daily contact); else null.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>What it is about, as a reference that is not personal data: a slot reference or a signal id.</summary>
    public required string Subject { get; set; }

    public required string Reason { get; set; }

    /// <summary>Daily contact: the contact to alert; null when the coordinators of the organisation are the recipients.</summary>
    public Guid? ContactId { get; set; }

    /// <summary>A user to alert (e.g. the signaller of a signal), for topics that address one user.</summary>
    public Guid? RecipientUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }

    /// <summary>Set when every attempt failed; the message stays on the dashboard.</summary>
    public DateTime? GaveUpAtUtc { get; set; }

    public string? LastError { get; set; }
}
