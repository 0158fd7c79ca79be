using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Referrals;

/// <summary>
/// The intake queue (<c>/Intake</c>): for coordinators every open signal and referral received by their organisation,
/// for a professional the ones assigned to them; with the deadline and an overdue marker.
/// </summary>
public static class ListIntake
{
    public sealed record Row(
        Guid Id,
        DateOnly ReceivedOn,
        DateOnly Deadline,
        bool Overdue,
        SignalKind Kind,
        SignalSource Source,
        SignalUrgency Urgency,
        IntakeState State,
        string Label,
        string FromOrganisation,
        string? AssignedName);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, SignalScope scope)
    {
        /// <summary>The queue; with <c>includeEnded</c> also the items that ended in the last 90 days.</summary>
        public async Task<IReadOnlyList<Row>> ListAsync(bool includeEnded, CancellationToken cancellationToken)
        {
            var today = DutchDate.Today(time);
            var since = today.AddDays(-90);
            var organisationId = actor.OrganisationId;
            var userId = actor.UserId;
            var mineOnly = !actor.Has(Permissions.CanWorkIntakeQueue);
            var signals = await db.Signals.AsNoTracking()
                .Where(s => s.ReceivingOrganisationId == organisationId)
                .Where(s => !mineOnly || s.AssignedProfessionalId == userId)
                .Where(s => includeEnded
                    ? (s.State != IntakeState.PlanAgreed && s.State != IntakeState.Closed) || (s.ClosedOn ?? s.PlanAgreedOn) >= since
                    : s.State != IntakeState.PlanAgreed && s.State != IntakeState.Closed)
                .Select(s => new { s.Id, s.ReceivedOn, s.Deadline, s.Kind, s.Source, s.Urgency, s.State, s.Name, s.SourceOrganisationId, s.AssignedProfessionalId })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var organisations = await scope.OrganisationNamesAsync(signals.Select(s => s.SourceOrganisationId), cancellationToken).ConfigureAwait(false);
            var assigneeIds = signals.Where(s => s.AssignedProfessionalId is not null).Select(s => s.AssignedProfessionalId!.Value).Distinct().ToList();
            var assignees = await db.Users.AsNoTracking().Where(u => assigneeIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
            var rows = signals
                .Select(s => new Row(
                    s.Id, s.ReceivedOn, s.Deadline,
                    IntakeDeadlines.IsOverdue(s.Deadline, today, responded: s.State != IntakeState.Received),
                    s.Kind, s.Source, s.Urgency, s.State,
                    s.Kind == SignalKind.AdviceRequest ? "Adviesvraag" : s.Name ?? "–",
                    organisations.GetValueOrDefault(s.SourceOrganisationId, "–"),
                    s.AssignedProfessionalId is { } a ? assignees.GetValueOrDefault(a) : null))
                .OrderByDescending(r => r.Overdue)
                .ThenBy(r => r.Deadline)
                .ThenBy(r => r.ReceivedOn)
                .ToList();
            if (rows.Count > 0)
            {
                audit.Add(ReferralAuditActions.ListIntake, ReferralAuditActions.Entity, rows.Select(r => r.Id), null);
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return rows;
        }

        /// <summary>For the navigation: items waiting for a response, and how many of those are overdue (no audit: no person data).</summary>
        public async Task<(int Waiting, int Overdue)> CountAsync(CancellationToken cancellationToken)
        {
            if (!actor.Has(Permissions.CanWorkIntakeQueue))
            {
                return (0, 0);
            }

            var today = DutchDate.Today(time);
            var organisationId = actor.OrganisationId;
            var deadlines = await db.Signals.AsNoTracking()
                .Where(s => s.ReceivingOrganisationId == organisationId && s.State == IntakeState.Received)
                .Select(s => s.Deadline)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return (deadlines.Count, deadlines.Count(d => IntakeDeadlines.IsOverdue(d, today, responded: false)));
        }
    }
}
