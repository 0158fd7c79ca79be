using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Profiles;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Support.PlanViews;

namespace Konvooi.Features.Support;

/// <summary>
/// Closes the open support plan with a reason and, where possible, the final measurement. A safety advice of the
/// person's latest profile without a recorded follow-up blocks it (issue #16, <see cref="Profiles.Assessments"/>).
/// </summary>
public static class ClosePlan
{
    public sealed class CloseInput
    {
        public string? Reason { get; set; }

        public DateOnly? ClosedOn { get; set; }

        public string? Note { get; set; }

        public Guid? FinalMeasurementId { get; set; }
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        private DateOnly Today => DutchDate.Today(time);

        private string Me => actor.UserId!.Value.ToString(); // only called for a visible person, so the actor is set

        /// <summary>Closes the open plan with a reason and, where possible, the final measurement.</summary>
        public async Task<Outcome> HandleAsync(Guid personId, int expectedVersion, CloseInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var record = await db.People.AnyAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false)
                ? await db.OpenPlanAsync(personId, cancellationToken, tracked: true).ConfigureAwait(false)
                : null;
            if (record is null)
            {
                return new Outcome.NotFound();
            }

            if (record.CurrentVersion != expectedVersion)
            {
                return new Outcome.Conflict();
            }

            var problems = new List<FieldProblem>();
            if (input.ClosedOn is null)
            {
                problems.Add(new FieldProblem("ClosedOn", "Vul de datum van afsluiten in."));
            }

            var openSafety = (await db.SafetyItemsAsync(personId, cancellationToken).ConfigureAwait(false)).Where(i => i.IsOpen).ToList();
            if (openSafety.Count > 0)
            {
                problems.Add(new FieldProblem("Reason", SafetyBlockMessage(openSafety.Select(i => i.Code))));
            }

            if (input.FinalMeasurementId is { } m && !await db.Measurements.AnyAsync(x => x.Id == m && x.PersonId == personId, cancellationToken).ConfigureAwait(false))
            {
                problems.Add(new FieldProblem("FinalMeasurementId", "Kies een meting van deze cliënt."));
            }

            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            var plan = await db.RestorePlanAsync(record, null, cancellationToken).ConfigureAwait(false);
            var closure = new PlanClosure(input.Reason ?? "", input.ClosedOn!.Value, Me,
                string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), input.FinalMeasurementId?.ToString());
            switch (plan.Close(expectedVersion, closure, Today))
            {
                case SupportOutcome<SupportPlan>.Refused refused:
                    return new Outcome.Invalid(refused.Errors.Select(e => new FieldProblem(CloseField(e.Code), e.Message)).ToList());
                default:
                    record.ClosureJson = SupportStore.Write(closure);
                    record.ClosedOn = closure.ClosedOn;
                    record.CurrentVersion++; // a closed plan is a change: stale forms must not edit it
                    audit.Add(AuditActions.PlanClose, nameof(SupportPlanRecord), record.Id, personId);
                    return await audit.SavePlanChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The close form's message while a safety advice is open, naming the advice in plain words.</summary>
        public static string SafetyBlockMessage(IEnumerable<string> codes)
        {
            var names = codes.Select(c => c == "safety_first" ? "het gesprek over veiligheid" : "het advies over de stemming (huisarts of POH-GGZ)");
            return "U kunt het plan nog niet afsluiten. Leg eerst bovenaan deze pagina vast hoe u " + string.Join(" en ", names)
                + " hebt opgevolgd: met wie, wanneer en wat er is afgesproken.";
        }

        private static string CloseField(string code) => code switch
        {
            "plan.close_reason_unknown" => "Reason",
            "plan.close_note_required" => "Note",
            "plan.closed_in_future" or "plan.closed_before_agreed" => "ClosedOn",
            _ => "",
        };
    }
}
