using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Support.MatchRuns;
using static Konvooi.Features.Support.PlanViews;

namespace Konvooi.Features.Support;

/// <summary>Marks a follow-up task done with a short note of what was agreed.</summary>
public static class CompleteFollowUp
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        private DateOnly Today => DutchDate.Today(time);

        /// <summary>Marks a follow-up task done with a short note of what was agreed.</summary>
        public async Task<Outcome> HandleAsync(Guid personId, Guid taskId, int expectedVersion, DateOnly? doneOn, string? note, CancellationToken cancellationToken)
        {
            var record = await db.FollowUpTasks.Where(f => f.Id == taskId && f.PersonId == personId)
                .Where(f => db.People.Any(p => p.Id == f.PersonId))
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                return new Outcome.NotFound();
            }

            if (record.Version != expectedVersion)
            {
                return new Outcome.Conflict();
            }

            var problems = new List<FieldProblem>();
            if (doneOn is null)
            {
                problems.Add(new FieldProblem("DoneOn", "Vul de datum in waarop u contact had."));
            }

            if (string.IsNullOrWhiteSpace(note))
            {
                problems.Add(new FieldProblem("DoneNote", "Schrijf kort op wat u hebt besproken of afgesproken."));
            }
            else if (note.Length > MaxReasonLength)
            {
                problems.Add(new FieldProblem("DoneNote", $"Gebruik maximaal {MaxReasonLength} tekens."));
            }

            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            switch (SupportStore.ToDomain(record).MarkDone(doneOn!.Value, Today))
            {
                case SupportOutcome<FollowUpTask>.Refused refused:
                    return new Outcome.Invalid(refused.Errors.Select(e => new FieldProblem("DoneOn", e.Message)).ToList());
                default:
                    record.DoneOn = doneOn;
                    record.DoneById = actor.UserId;
                    record.DoneNote = note!.Trim();
                    record.Version++;
                    audit.Add(AuditActions.FollowUpDone, nameof(FollowUpTaskRecord), record.Id, personId);
                    return await audit.SavePlanChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
