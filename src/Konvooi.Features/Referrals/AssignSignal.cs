using Konvooi.Domain.Access;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Referrals;

/// <summary>
/// A coordinator assigns the professional who makes contact. The professional also gets access to the person's
/// record: as responsible professional when there is none yet, otherwise as an assigned colleague.
/// </summary>
public static class AssignSignal
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, SignalScope scope)
    {
        public async Task<IntakeOutcome> HandleAsync(Guid signalId, int expectedVersion, Guid? professionalId, CancellationToken cancellationToken)
        {
            var (signal, refusal) = await scope.ForChangeAsync(signalId, expectedVersion, Permissions.CanWorkIntakeQueue, cancellationToken).ConfigureAwait(false);
            if (signal is null)
            {
                return refusal!;
            }

            var organisationId = actor.OrganisationId;
            var isStaff = professionalId is { } id && await db.Memberships.AnyAsync(
                m => m.UserId == id && m.OrganisationId == organisationId && (m.Role == Role.Professional || m.Role == Role.Coordinator),
                cancellationToken).ConfigureAwait(false);
            if (!isStaff)
            {
                return new IntakeOutcome.Refused("ProfessionalId", "Kies een medewerker van uw eigen organisatie.");
            }

            var assigned = Intake.Assign(SignalScope.ItemOf(signal), professionalId!.Value);
            if (!assigned.Succeeded)
            {
                return new IntakeOutcome.Refused("ProfessionalId", assigned.Error!.Message);
            }

            var person = await db.People.Include(p => p.Assignments)
                .SingleAsync(p => p.Id == signal.PersonId, cancellationToken).ConfigureAwait(false);
            if (person.ResponsibleProfessionalId is null)
            {
                person.ResponsibleProfessionalId = professionalId;
                person.Version++;
                audit.Add(AuditActions.Update, nameof(Person), person.Id, person.Id);
            }
            else if (person.ResponsibleProfessionalId != professionalId && person.Assignments.All(a => a.UserId != professionalId))
            {
                var assignment = new PersonAssignment { Id = Guid.NewGuid(), PersonId = person.Id, UserId = professionalId.Value };
                db.PersonAssignments.Add(assignment);
                audit.Add(AuditActions.AssignmentAdd, nameof(PersonAssignment), assignment.Id, person.Id);
            }

            scope.Apply(signal, assigned.Item!, expectedVersion, "assigned", time.GetUtcNow().UtcDateTime);
            return await ReferralAuditActions.SaveAsync(audit, ReferralAuditActions.Assign, signal, cancellationToken).ConfigureAwait(false);
        }
    }
}
