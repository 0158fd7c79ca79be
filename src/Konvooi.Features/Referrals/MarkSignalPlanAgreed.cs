using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Referrals;

/// <summary>
/// When a support plan is agreed for a person, the open signals that led to that person (accepted, or with first
/// contact made) move to "plan agreed", which the signaller sees as "Afspraken gemaakt". Called by the plan slice
/// inside its own save, so the plan and the signal change are one transaction.
/// </summary>
public static class MarkSignalPlanAgreed
{
    /// <summary>Adds the changes to the context and the audit log; the caller saves. Only signals the actor can see are moved.</summary>
    public static async Task AddAsync(KonvooiDbContext db, AuditLog audit, CurrentActor actor, Guid personId, DateOnly agreedOn, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(actor);
        var open = await db.Signals
            .Where(s => s.PersonId == personId && (s.State == IntakeState.Accepted || s.State == IntakeState.ContactMade))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var signal in open)
        {
            var agreed = Intake.PlanAgreed(SignalScope.ItemOf(signal));
            if (!agreed.Succeeded)
            {
                continue;
            }

            var before = SignalStatusEmails.StatusOf(signal);
            signal.State = agreed.Item!.State;
            signal.PlanAgreedOn = agreedOn;
            signal.Version++;
            db.AddSignalEvent(signal.Id, "plan-agreed", now, actor.UserId!.Value, actor.OrganisationId!.Value);
            audit.Add(ReferralAuditActions.PlanAgreed, ReferralAuditActions.Entity, signal.Id, personId);
            SignalStatusEmails.QueueIfChanged(db, signal, before, now);
        }
    }
}
