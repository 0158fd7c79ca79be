using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.DailyContact.SlotViews;

namespace Konvooi.Features.DailyContact;

/// <summary>The coordinator closes a missed or escalated slot, for example after calling the person.</summary>
public static class ResolveSlot
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(string reference, string? note, CancellationToken cancellationToken)
        {
            if (!actor.Has(Permissions.CanRecordContactForOthers) || actor.UserId is not { } userId)
            {
                return new Outcome.NotFound();
            }

            var row = await db.DailyContactSlots.SingleOrDefaultAsync(s => s.Reference == reference, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return new Outcome.NotFound();
            }

            var now = time.GetUtcNow().UtcDateTime;
            var current = SlotMachine.Advance(DailyContactStore.ReadState(row), now).State;
            var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            if (trimmed is { Length: > SlotMachine.MaxNoteLength })
            {
                return new Outcome.Rejected(new Error("daily-contact.note-too-long", "Houd de notitie kort: hoogstens 500 tekens."));
            }

            var result = SlotMachine.Resolve(current, new Resolution(now, userId, trimmed));
            if (result is SlotCommandOutcome.Rejected rejected)
            {
                return new Outcome.Rejected(rejected.Error);
            }

            DailyContactStore.Apply(row, ((SlotCommandOutcome.Accepted)result).Transition.State, now);
            audit.Add(AuditActions.DailyContactResolve, nameof(DailyContactSlot), row.Id, row.PersonId);
            try
            {
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                return new Outcome.Rejected(new Error("daily-contact.changed", "Het contactmoment is net veranderd. Bekijk het opnieuw."));
            }

            return new Outcome.Resolved();
        }
    }
}
