using Konvooi.Features.Data;
using Konvooi.Features.Outbox;
using Microsoft.Extensions.Options;

namespace Konvooi.Features.DailyContact;

/// <summary>
/// Daily contact e-mails: to the coordinators of the organisation (no contact on the message) or to the contact of
/// the slot's arrangement (their own address, else their account's), with a link to the slot or their own list.
/// </summary>
public sealed class DailyContactOutboxTopic(UnfilteredAccess unfiltered, IOptions<MailOptions> mail) : IOutboxTopic
{
    public string Topic => OutboxTopics.DailyContact;

    public async Task<OutgoingEmail> ComposeAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var recipients = await RecipientsAsync(message, cancellationToken).ConfigureAwait(false);
        return DailyContactEmailText.Compose(recipients, message.Reason, message.Subject, mail.Value.BaseUrl, message.ContactId is null);
    }

    private async Task<IReadOnlyList<string>> RecipientsAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.ContactId is not { } contactId)
        {
            return await unfiltered.CoordinatorEmailsAsync(message.OrganisationId, cancellationToken).ConfigureAwait(false);
        }

        var arrangementId = await unfiltered.ArrangementOfSlotAsync(message.Subject, cancellationToken).ConfigureAwait(false);
        var contacts = arrangementId is { } arrangement ? await unfiltered.ContactsOfAsync(arrangement, cancellationToken).ConfigureAwait(false) : [];
        var details = contacts.FirstOrDefault(c => c.ContactId == contactId);
        if (details?.Email is { Length: > 0 } email)
        {
            return [email];
        }

        return details?.UserId is { } userId && await unfiltered.UserEmailAsync(userId, cancellationToken).ConfigureAwait(false) is { } userEmail
            ? [userEmail]
            : [];
    }
}
