using Konvooi.Domain.Access;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.DailyContact;

/// <summary>One slot with its log, as the coordinator sees it (the target of the link in an alert e-mail).</summary>
public static class GetSlot
{
    /// <summary>A slot as the coordinator sees it.</summary>
    public sealed record Detail(
        Guid PersonId, string PersonName, SlotState State, string? ContactName, string? SecondContactName, DailyContactConfirmation? Confirmation,
        string? KeyHolderName = null, IReadOnlyList<string>? MayBeCalledNames = null);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        /// <summary>One slot with its log, for a coordinator; null when not found or not allowed.</summary>
        public async Task<Detail?> HandleAsync(string reference, CancellationToken cancellationToken)
        {
            if (!actor.Has(Permissions.CanRecordContactForOthers))
            {
                return null;
            }

            var row = await db.DailyContactSlots.AsNoTracking().SingleOrDefaultAsync(s => s.Reference == reference, cancellationToken).ConfigureAwait(false);
            var person = row is null ? null : await db.People.AsNoTracking().Where(p => p.Id == row.PersonId)
                .Select(p => p.FirstName + " " + p.LastName).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var arrangement = row is null ? null : await db.DailyContactArrangements.AsNoTracking()
                .SingleOrDefaultAsync(a => a.Id == row.ArrangementId, cancellationToken).ConfigureAwait(false);
            if (row is null || person is null || arrangement is null)
            {
                return null;
            }

            var read = DailyContactStore.ReadArrangement(arrangement);
            var contacts = read.Contacts;
            var confirmation = await db.DailyContactConfirmations.AsNoTracking().SingleOrDefaultAsync(c => c.SlotId == row.Id, cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.DailyContactSlotView, nameof(DailyContactSlot), row.Id, row.PersonId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            var state = SlotMachine.Advance(DailyContactStore.ReadState(row), time.GetUtcNow().UtcDateTime).State;
            return new Detail(
                row.PersonId,
                person,
                state,
                contacts.FirstOrDefault(c => c.Id == row.ContactId)?.FirstName,
                contacts.FirstOrDefault(c => c.Id == row.SecondContactId)?.FirstName,
                confirmation,
                contacts.FirstOrDefault(c => c.Id == read.Escalation.KeyHolderContactId)?.FirstName,
                contacts.Where(c => read.Escalation.MayBeCalled.Contains(c.Id)).Select(c => c.FirstName).ToList());
        }
    }
}
