using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Catalogue;
using Konvooi.Features.Data;
using Konvooi.Features.People;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Support.MatchRuns;
using static Konvooi.Features.Support.PlanStore;
using static Konvooi.Features.Support.PlanViews;

namespace Konvooi.Features.Support;

/// <summary>Revises the open support plan as a new kept version, refused when someone else changed it meanwhile.</summary>
public static class RevisePlan
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, MatchingSources.Handler matching)
    {
        private DateOnly Today => DutchDate.Today(time);

        private string Me => actor.UserId!.Value.ToString(); // only called for a visible person, so the actor is set

        /// <summary>The form to revise the open plan; null when there is none.</summary>
        public async Task<FormData?> FormAsync(Guid personId, CancellationToken cancellationToken)
        {
            var name = await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false);
            var record = name is null ? null : await db.OpenPlanAsync(personId, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                return null;
            }

            var plan = await db.RestorePlanAsync(record, null, cancellationToken).ConfigureAwait(false);
            var sources = await matching.LoadAsync(cancellationToken).ConfigureAwait(false);
            var offered = plan.Current.Interventions
                .Select(i => new Offered(i.InterventionId, NameOf(sources.Catalogue, i.InterventionId), i.Source, i.Reason, true)).ToList();
            if (record.MatchRunId is { } runId && await db.FindRunAsync(personId, runId, cancellationToken).ConfigureAwait(false) is { } run)
            {
                offered.AddRange(run.Match.Suggestions.Where(s => offered.All(o => o.Id != s.Id))
                    .Select(s => new Offered(s.Id, s.Name, InterventionSource.Suggested, null, false)));
            }

            var professionals = await db.ProfessionalsAsync(actor.OrganisationId, cancellationToken).ConfigureAwait(false);
            return new FormData(name!, record.MatchRunId, offered, CatalogueOptions(sources.Catalogue), professionals, [], null, false, record.CurrentVersion);
        }

        /// <summary>The current plan content as form values, for the revise form.</summary>
        public async Task<PlanInput?> CurrentInputAsync(Guid personId, CancellationToken cancellationToken)
        {
            var record = await db.OpenPlanAsync(personId, cancellationToken).ConfigureAwait(false);
            if (record is null || await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false) is null)
            {
                return null;
            }

            var content = (await db.RestorePlanAsync(record, null, cancellationToken).ConfigureAwait(false)).Current;
            return new PlanInput
            {
                Goals = [.. content.Goals],
                Interventions = content.Interventions.Select(i => i.InterventionId).ToList(),
                WatchfulWaiting = content.IsWatchfulWaiting,
                ReviewDate = content.ReviewDate,
                AgreedOn = content.AgreedOn,
                AgreedBy = content.AgreedBy,
                ResponsibleProfessionalId = Guid.TryParse(content.ResponsibleProfessional, out var p) ? p : null,
                RemeasurementMonths = content.RemeasurementMonths is { } months ? string.Join(", ", months) : null,
            };
        }

        /// <summary>Adds a version to the open plan, refused when someone else changed it since <paramref name="expectedVersion"/>.</summary>
        public async Task<Outcome> HandleAsync(Guid personId, int expectedVersion, PlanInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var wijk = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Wijk })
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var record = wijk is null ? null : await db.OpenPlanAsync(personId, cancellationToken, tracked: true).ConfigureAwait(false);
            if (record is null)
            {
                return new Outcome.NotFound();
            }

            if (record.CurrentVersion != expectedVersion)
            {
                return new Outcome.Conflict();
            }

            var plan = await db.RestorePlanAsync(record, wijk!.Wijk, cancellationToken).ConfigureAwait(false);
            ShownRun? run = record.MatchRunId is { } runId ? await db.FindRunAsync(personId, runId, cancellationToken).ConfigureAwait(false) : null;
            var problems = new List<FieldProblem>();
            var sources = await matching.LoadAsync(cancellationToken).ConfigureAwait(false);
            var professionals = await db.ProfessionalsAsync(actor.OrganisationId, cancellationToken).ConfigureAwait(false);
            var content = ToContent(input, run, plan.Current, sources.Catalogue, professionals, problems);
            if (content is null)
            {
                return new Outcome.Invalid(problems);
            }

            var note = string.IsNullOrWhiteSpace(input.ChangeNote) ? null : input.ChangeNote.Trim();
            switch (plan.Revise(expectedVersion, content, Me, note, Today))
            {
                case SupportOutcome<SupportPlan>.Refused refused when refused.Errors.Any(e => e.Code == "plan.concurrent_change"):
                    return new Outcome.Conflict();
                case SupportOutcome<SupportPlan>.Refused refused:
                    return new Outcome.Invalid(ToProblems(refused.Errors));
                case SupportOutcome<SupportPlan>.Accepted accepted:
                    var now = time.GetUtcNow().UtcDateTime;
                    record.CurrentVersion = accepted.Value.CurrentVersion.Number;
                    record.ReviewDate = content.ReviewDate;
                    record.ResponsibleProfessionalId = input.ResponsibleProfessionalId!.Value;
                    db.AddVersion(record, accepted.Value.CurrentVersion, actor.UserId!.Value, now);
                    var existing = await db.Trajectories.AsNoTracking().Where(t => t.PlanId == record.Id)
                        .ToListAsync(cancellationToken).ConfigureAwait(false);
                    if (ProposeNew(db, record, content, existing, problems, Me, Today) is null)
                    {
                        return new Outcome.Invalid(problems);
                    }

                    audit.Add(AuditActions.Update, nameof(SupportPlanRecord), record.Id, personId);
                    return await audit.SavePlanChangesAsync(cancellationToken).ConfigureAwait(false);
                default:
                    throw new InvalidOperationException("Unknown outcome.");
            }
        }
    }
}
