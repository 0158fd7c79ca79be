using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Security;

namespace Konvooi.Features.Referrals;

/// <summary>
/// The assigned professional records the first contact with the person ("eerste contact"). That is what the
/// signaller sees as "contact gemaakt" (when the person agreed that they hear back).
/// </summary>
public static class RecordFirstContact
{
    public sealed class Handler(AuditLog audit, CurrentActor actor, TimeProvider time, SignalScope scope)
    {
        public async Task<IntakeOutcome> HandleAsync(Guid signalId, int expectedVersion, DateOnly? contactOn, CancellationToken cancellationToken)
        {
            var (signal, refusal) = await scope.ForChangeAsync(signalId, expectedVersion, Permissions.CanRecordFirstContact, cancellationToken).ConfigureAwait(false);
            if (signal is null)
            {
                return refusal!;
            }

            var today = DutchDate.Today(time);
            if (contactOn is not { } on || on > today || on < signal.ReceivedOn)
            {
                return new IntakeOutcome.Refused("ContactOn", "Vul de datum van het eerste contact in: niet in de toekomst en niet vóór de melding.");
            }

            var contacted = Intake.RecordFirstContact(SignalScope.ItemOf(signal), actor.UserId!.Value);
            if (!contacted.Succeeded)
            {
                return new IntakeOutcome.Refused("ContactOn", contacted.Error!.Message);
            }

            signal.FirstContactOn = on;
            scope.Apply(signal, contacted.Item!, expectedVersion, "first-contact", time.GetUtcNow().UtcDateTime);
            return await ReferralAuditActions.SaveAsync(audit, ReferralAuditActions.FirstContact, signal, cancellationToken).ConfigureAwait(false);
        }
    }
}
