using Konvooi.Domain.Common;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Konvooi.Features.Referrals;

/// <summary>
/// The signaller's own signals with their status (<c>/Signals/Mine</c>): never anything clinical, and beyond
/// "received" only when the person agreed that the signaller hears back. Ended signals leave the list after the
/// configured months (default 12).
/// </summary>
public static class ListMySignals
{
    /// <summary>One of the signaller's signals; <c>Label</c> is the name they entered, or "Adviesvraag".</summary>
    public sealed record Row(Guid Id, DateOnly SentOn, string Label, string ReceiverName, SignallerStatus Status, bool FeedbackWithheld, DateOnly? StatusOn);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, SignalScope scope, IOptions<IntakeOptions> options)
    {
        public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken cancellationToken)
        {
            var userId = actor.UserId;
            var signals = await db.Signals.AsNoTracking()
                .Where(s => s.SubmittedById == userId)
                .OrderByDescending(s => s.SubmittedAtUtc)
                .Select(s => new
                {
                    s.Id,
                    s.ReceivedOn,
                    s.Kind,
                    s.Name,
                    s.ReceivingOrganisationId,
                    s.State,
                    s.CloseReason,
                    s.ClosedOn,
                    s.FirstContactOn,
                    s.PlanAgreedOn,
                    s.MayHearBack,
                    s.PersonId,
                    s.AssignedProfessionalId,
                })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var today = DutchDate.Today(time);
            var names = await scope.OrganisationNamesAsync(signals.Select(s => s.ReceivingOrganisationId), cancellationToken).ConfigureAwait(false);
            var rows = new List<Row>();
            foreach (var s in signals)
            {
                var item = new IntakeItem(s.State, s.ReceivingOrganisationId, s.PersonId, s.AssignedProfessionalId, s.CloseReason, s.ClosedOn);
                var endedOn = s.ClosedOn ?? s.PlanAgreedOn;
                if (!Intake.ShowsOnSignallerList(item, endedOn, today, options.Value.SignallerListMonths))
                {
                    continue;
                }

                var status = Intake.StatusForSignaller(item, s.MayHearBack);
                DateOnly? statusOn = status switch
                {
                    SignallerStatus.ContactMade => s.FirstContactOn,
                    SignallerStatus.PlanAgreed => s.PlanAgreedOn,
                    SignallerStatus.Received => s.ReceivedOn,
                    _ => s.ClosedOn,
                };
                rows.Add(new Row(
                    s.Id,
                    s.ReceivedOn,
                    s.Kind == SignalKind.AdviceRequest ? "Adviesvraag" : s.Name ?? "–",
                    names.GetValueOrDefault(s.ReceivingOrganisationId, "–"),
                    status,
                    !s.MayHearBack && s.Kind == SignalKind.Signal,
                    statusOn));
            }

            if (rows.Count > 0)
            {
                audit.Add(ReferralAuditActions.ListMine, ReferralAuditActions.Entity, rows.Select(r => r.Id), null);
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return rows;
        }
    }
}
