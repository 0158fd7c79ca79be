using Konvooi.Domain.Common;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Referrals;

/// <summary>
/// The referrals the actor's organisation sent for one of its people, with the status the receiver reached
/// (received, contact made, plan agreed, no support wanted, not reachable): never the receiver's content. Anyone who
/// may open the person sees them, not only the sender, so a colleague can follow up.
/// </summary>
public static class ListPersonReferrals
{
    public sealed record Row(Guid Id, DateOnly SentOn, string ReceiverName, string SentBy, SignallerStatus Status, DateOnly? StatusOn, string SharedFields, string Request);

    public sealed record Result(Guid PersonId, string PersonName, IReadOnlyList<Row> Rows);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, SignalScope scope)
    {
        /// <summary>Null (404) when the actor cannot open the person.</summary>
        public async Task<Result?> HandleAsync(Guid personId, CancellationToken cancellationToken)
        {
            // The person query filter decides visibility; the signal filter lets the sender's organisation read its
            // own referrals (never another organisation's).
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { p.FirstName, p.LastName })
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (person is null || actor.OrganisationId is not { } organisationId)
            {
                return null;
            }

            var signals = await db.Signals.AsNoTracking()
                .Where(s => s.SourcePersonId == personId && s.SourceOrganisationId == organisationId && s.Source == SignalSource.Referral)
                .OrderByDescending(s => s.SubmittedAtUtc)
                .Select(s => new
                {
                    s.Id,
                    s.ReceivedOn,
                    s.SubmittedAtUtc,
                    s.SubmittedById,
                    s.ReceivingOrganisationId,
                    s.State,
                    s.CloseReason,
                    s.ClosedOn,
                    s.FirstContactOn,
                    s.PlanAgreedOn,
                    s.PersonId,
                    s.AssignedProfessionalId,
                    s.SharedFields,
                    s.Observation,
                })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var names = await scope.OrganisationNamesAsync(signals.Select(s => s.ReceivingOrganisationId), cancellationToken).ConfigureAwait(false);
            var senderIds = signals.Select(s => s.SubmittedById).Distinct().ToList();
            var senders = await db.Users.AsNoTracking().Where(u => senderIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
            var rows = signals.Select(s =>
            {
                // The receiver's person and professional ids stay out of the sender's view.
                var status = Intake.StatusForSignaller(new IntakeItem(s.State, s.ReceivingOrganisationId, null, null, s.CloseReason, s.ClosedOn), mayHearBack: true);
                DateOnly? statusOn = status switch
                {
                    SignallerStatus.Received => null,
                    SignallerStatus.ContactMade => s.FirstContactOn,
                    SignallerStatus.PlanAgreed => s.PlanAgreedOn,
                    _ => s.ClosedOn,
                };
                return new Row(
                    s.Id,
                    DutchDate.Of(s.SubmittedAtUtc),
                    names.GetValueOrDefault(s.ReceivingOrganisationId, "–"),
                    senders.GetValueOrDefault(s.SubmittedById, "onbekend"),
                    status,
                    statusOn,
                    s.SharedFields ?? string.Empty,
                    s.Observation ?? string.Empty);
            }).ToList();

            audit.Add(ReferralAuditActions.ListReferrals, ReferralAuditActions.Entity, rows.Select(r => r.Id).Prepend(personId), personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Result(personId, $"{person.FirstName} {person.LastName}", rows);
        }
    }
}
