using Konvooi.Domain.Access;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.DailyContact.SlotViews;

namespace Konvooi.Features.DailyContact;

/// <summary>Confirms contact as the signed-in user: a volunteer for their own slot, a coordinator for anyone's.</summary>
public static class ConfirmSlot
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(string reference, ConfirmInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            if (actor.UserId is not { } userId || actor.Role is not { } role)
            {
                return new Outcome.NotFound();
            }

            Confirmer by = Permissions.CanRecordContactForOthers(role) ? new Confirmer.ByCoordinator(userId) : new Confirmer.ByContact(userId);
            if (!Permissions.CanRecordContactForOthers(role) && !Permissions.CanConfirmOwnDailyContact(role))
            {
                return new Outcome.NotFound();
            }

            return await SlotStore.ConfirmWithRetriesAsync(
                db,
                audit,
                time,
                () => db.DailyContactSlots.SingleOrDefaultAsync(s => s.Reference == reference, cancellationToken),
                by,
                userId,
                input,
                cancellationToken).ConfigureAwait(false);
        }
    }
}
