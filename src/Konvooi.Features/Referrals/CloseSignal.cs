using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;

namespace Konvooi.Features.Referrals;

/// <summary>A coordinator closes a signal with a reason code (<see cref="IntakeCloseReason"/>); "other" needs a note.</summary>
public static class CloseSignal
{
    public sealed class Handler(AuditLog audit, TimeProvider time, SignalScope scope)
    {
        public async Task<IntakeOutcome> HandleAsync(Guid signalId, int expectedVersion, string? reasonCode, string? note, CancellationToken cancellationToken)
        {
            var (signal, refusal) = await scope.ForChangeAsync(signalId, expectedVersion, Permissions.CanWorkIntakeQueue, cancellationToken).ConfigureAwait(false);
            if (signal is null)
            {
                return refusal!;
            }

            if (SignalVocabulary.CloseReason(reasonCode) is not { } reason)
            {
                return new IntakeOutcome.Refused("Reason", "Kies een reden.");
            }

            if (note?.Trim().Length > 500)
            {
                return new IntakeOutcome.Refused("Note", "Gebruik voor de toelichting hoogstens 500 tekens.");
            }

            var closed = Intake.Close(SignalScope.ItemOf(signal), reason, note, DutchDate.Today(time));
            if (!closed.Succeeded)
            {
                return new IntakeOutcome.Refused(closed.Error!.Code == "intake.close-note-required" ? "Note" : "Reason", closed.Error.Message);
            }

            signal.CloseNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            scope.Apply(signal, closed.Item!, expectedVersion, "closed", time.GetUtcNow().UtcDateTime, SignalVocabulary.Code(reason));
            return await ReferralAuditActions.SaveAsync(audit, ReferralAuditActions.Close, signal, cancellationToken).ConfigureAwait(false);
        }
    }
}
