using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Konvooi.Features.Referrals;

/// <summary>
/// A coordinator hands a waiting signal to another organisation of the same coalition, with a reason. The receiver
/// gets a new deadline from today; the history shows both sides. Forwarding outside the coalition is refused.
/// </summary>
public static class ForwardSignal
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, TimeProvider time, SignalScope scope, IOptions<IntakeOptions> options)
    {
        public async Task<IntakeOutcome> HandleAsync(Guid signalId, int expectedVersion, Guid? toOrganisationId, string? reason, CancellationToken cancellationToken)
        {
            var (signal, refusal) = await scope.ForChangeAsync(signalId, expectedVersion, Permissions.CanWorkIntakeQueue, cancellationToken).ConfigureAwait(false);
            if (signal is null)
            {
                return refusal!;
            }

            var inCoalition = toOrganisationId is { } to && await db.Organisations
                .AnyAsync(o => o.Id == to && o.CoalitionId == signal.CoalitionId, cancellationToken).ConfigureAwait(false);
            if (!inCoalition)
            {
                return new IntakeOutcome.Refused("ToOrganisationId", "Kies een organisatie van uw eigen coalitie.");
            }

            var from = signal.ReceivingOrganisationId;
            var forwarded = Intake.Forward(SignalScope.ItemOf(signal), toOrganisationId!.Value, reason);
            if (!forwarded.Succeeded)
            {
                var field = forwarded.Error!.Code == "intake.forward-reason-required" ? "Reason" : "ToOrganisationId";
                return new IntakeOutcome.Refused(field, forwarded.Error.Message);
            }

            var today = DutchDate.Today(time);
            signal.ReceivedOn = today;
            signal.Deadline = IntakeDeadlines.Deadline(today, signal.Urgency, options.Value.Deadlines);
            scope.Apply(signal, forwarded.Item!, expectedVersion, "forwarded", time.GetUtcNow().UtcDateTime, reason!.Trim(), from, toOrganisationId);
            audit.AddForOrganisation(toOrganisationId.Value, ReferralAuditActions.ForwardReceived, ReferralAuditActions.Entity, signal.Id);
            return await ReferralAuditActions.SaveAsync(audit, ReferralAuditActions.Forward, signal, cancellationToken).ConfigureAwait(false);
        }
    }
}
