using Konvooi.Domain.DailyContact;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using static Konvooi.Features.DailyContact.SlotViews;

namespace Konvooi.Features.DailyContact;

/// <summary>Confirms contact through a personal link: only the link holder's own slots.</summary>
public static class ConfirmByLink
{
    public sealed class Handler(KonvooiDbContext db, UnfilteredAccess unfiltered, AuditLog audit, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(string? token, string reference, ConfirmInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var stored = await unfiltered.CheckLinkAsync(token, TokenPurpose.ConfirmationLink, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return new Outcome.NotFound();
            }

            return await SlotStore.ConfirmWithRetriesAsync(
                db,
                audit,
                time,
                async () =>
                {
                    var now = time.GetUtcNow().UtcDateTime;
                    return (await unfiltered.SlotsOfContactAsync(stored.OrganisationId, stored.ContactId, DateTime.MinValue, DateTime.MaxValue, cancellationToken).ConfigureAwait(false))
                        .FirstOrDefault(s => s.Reference == reference && s.StartUtc <= now.AddDays(7));
                },
                new Confirmer.ByContact(stored.ContactId),
                null,
                input,
                cancellationToken).ConfigureAwait(false);
        }
    }
}
