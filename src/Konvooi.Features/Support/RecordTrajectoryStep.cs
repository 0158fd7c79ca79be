using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Support.PlanViews;

namespace Konvooi.Features.Support;

/// <summary>Records one step of a trajectory; a decline, dropout or never-start adds a follow-up task for the responsible professional (RK-5).</summary>
public static class RecordTrajectoryStep
{
    public sealed class StepInput
    {
        public string? State { get; set; }

        public DateOnly? Date { get; set; }

        public string? Reason { get; set; }

        public string? Note { get; set; }

        public DateOnly? PlannedDate { get; set; }
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, SupportListSettings settings)
    {
        private DateOnly Today => DutchDate.Today(time);

        private string Me => actor.UserId!.Value.ToString(); // only called for a visible person, so the actor is set

        /// <summary>Records one step of a trajectory; an exit step adds a follow-up task for the responsible professional.</summary>
        public async Task<Outcome> HandleAsync(Guid personId, Guid trajectoryId, int expectedVersion, StepInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var record = await db.Trajectories.Where(t => t.Id == trajectoryId && t.PersonId == personId)
                .Where(t => db.People.Any(p => p.Id == t.PersonId))
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var plan = record is null ? null : await db.SupportPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == record.PlanId, cancellationToken).ConfigureAwait(false);
            if (record is null || plan is null)
            {
                return new Outcome.NotFound();
            }

            if (record.Version != expectedVersion)
            {
                return new Outcome.Conflict();
            }

            if (plan.ClosedOn is not null)
            {
                return new Outcome.Invalid([new FieldProblem("", "Het plan is afgesloten. Stappen kunnen niet meer worden vastgelegd.")]);
            }

            var problems = new List<FieldProblem>();
            TrajectoryState? state = null;
            if (string.IsNullOrEmpty(input.State) || !Enum.GetValues<TrajectoryState>().Any(s => s.Code() == input.State))
            {
                problems.Add(new FieldProblem("State", "Kies wat er is gebeurd."));
            }
            else
            {
                state = SupportStore.StateFromCode(input.State);
            }

            if (input.Date is null)
            {
                problems.Add(new FieldProblem("Date", "Vul de datum in waarop het gebeurde."));
            }

            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            var trajectory = SupportStore.ToDomain(record);
            var step = new TrajectoryEvent
            {
                State = state!.Value,
                Date = input.Date!.Value,
                RecordedBy = Me,
                Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason,
                Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
                PlannedDate = input.PlannedDate,
            };
            switch (trajectory.Apply(step, plan.ResponsibleProfessionalId.ToString(), Today, settings.Trajectories))
            {
                case SupportOutcome<TrajectoryStep>.Refused refused:
                    return new Outcome.Invalid(refused.Errors.Select(e => new FieldProblem(StepField(e.Code), e.Message)).ToList());
                case SupportOutcome<TrajectoryStep>.Accepted accepted:
                    record.EventsJson = SupportStore.Write(accepted.Value.Trajectory.Events);
                    record.State = accepted.Value.Trajectory.State.Code();
                    record.Version++;
                    audit.Add(AuditActions.TrajectoryStep, nameof(TrajectoryRecord), record.Id, personId);
                    if (accepted.Value.FollowUp is { } task)
                    {
                        db.FollowUpTasks.Add(new FollowUpTaskRecord
                        {
                            Id = record.Id,
                            PlanId = record.PlanId,
                            PersonId = personId,
                            OrganisationId = record.OrganisationId,
                            InterventionId = record.InterventionId,
                            ResponsibleProfessionalId = plan.ResponsibleProfessionalId,
                            Cause = task.Cause.Code(),
                            Reason = task.Reason,
                            CreatedOn = task.CreatedOn,
                            DueOn = task.DueOn,
                            Version = 1,
                        });
                        audit.Add(AuditActions.Create, nameof(FollowUpTaskRecord), record.Id, personId);
                    }

                    return await audit.SavePlanChangesAsync(cancellationToken).ConfigureAwait(false);
                default:
                    throw new InvalidOperationException("Unknown outcome.");
            }
        }

        private static string StepField(string code) => code switch
        {
            "trajectory.reason_required" or "trajectory.reason_unknown" or "trajectory.reason_not_expected" => "Reason",
            "trajectory.note_required" => "Note",
            "trajectory.planned_in_past" => "PlannedDate",
            "trajectory.transition_not_allowed" or "trajectory.same_state" or "trajectory.ended"
                or "trajectory.completed_before_started" or "trajectory.dropout_before_started" => "State",
            _ => "Date",
        };
    }
}
