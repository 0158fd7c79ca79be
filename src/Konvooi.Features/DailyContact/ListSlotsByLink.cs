using Konvooi.Domain.DailyContact;
using Konvooi.Features.Audit;
using static Konvooi.Features.DailyContact.SlotViews;

namespace Konvooi.Features.DailyContact;

/// <summary>The slots of a neighbour or family member, through their personal confirmation link (no account).</summary>
public static class ListSlotsByLink
{
    public sealed class Handler(UnfilteredAccess unfiltered, AuditLog audit, TimeProvider time)
    {
        /// <summary>The slots of the contact behind a personal confirmation link, or null when the link is not valid.</summary>
        public async Task<IReadOnlyList<ContactSlot>?> HandleAsync(string? token, CancellationToken cancellationToken)
        {
            var stored = await unfiltered.CheckLinkAsync(token, TokenPurpose.ConfirmationLink, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return null;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var rows = await unfiltered.SlotsOfContactAsync(stored.OrganisationId, stored.ContactId, now.AddDays(-1), now.AddDays(7), cancellationToken).ConfigureAwait(false);
            return await SlotStore.ToContactSlotsAsync(unfiltered, audit, rows, stored.ContactId, now, cancellationToken).ConfigureAwait(false);
        }
    }
}
