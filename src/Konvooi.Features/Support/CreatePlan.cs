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

/// <summary>Agrees a new support plan from the choice in a match run (version 1), proposing a trajectory for every chosen intervention.</summary>
public static class CreatePlan
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, MatchingSources.Handler matching)
    {
        private DateOnly Today => DutchDate.Today(time);

        private string Me => actor.UserId!.Value.ToString(); // only called for a visible person, so the actor is set

        /// <summary>The form for a new plan; the interventions chosen in <paramref name="runId"/> are marked.</summary>
        public async Task<FormData?> FormAsync(Guid personId, Guid? runId, CancellationToken cancellationToken)
        {
            var name = await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false);
            if (name is null)
            {
                return null;
            }

            ShownRun? run = null;
            if (runId is { } id)
            {
                run = await db.FindRunAsync(personId, id, cancellationToken).ConfigureAwait(false);
                if (run is null)
                {
                    return null;
                }
            }

            var sources = await matching.LoadAsync(cancellationToken).ConfigureAwait(false);
            var chosen = run?.Choice?.Interventions ?? [];
            var offered = (run?.Match.Suggestions ?? [])
                .Select(s => new Offered(s.Id, s.Name, InterventionSource.Suggested, null, chosen.Contains(s.Id)))
                .ToList();
            var professionals = await db.ProfessionalsAsync(actor.OrganisationId, cancellationToken).ConfigureAwait(false);
            return new FormData(name, run?.Run.Id, offered, CatalogueOptions(sources.Catalogue), professionals,
                run?.Match.Advice ?? [], run?.Run.ChoiceReason, run?.Choice?.WatchfulWaiting ?? false, null);
        }

        /// <summary>Agrees a new plan (version 1) and proposes a trajectory for every chosen intervention.</summary>
        public async Task<Outcome> HandleAsync(Guid personId, Guid? runId, PlanInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { p.OrganisationId, p.Wijk }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return new Outcome.NotFound();
            }

            if (await db.OpenPlanAsync(personId, cancellationToken).ConfigureAwait(false) is not null)
            {
                return new Outcome.Invalid([new FieldProblem("", "Deze cliënt heeft al een lopend plan. Pas dat plan aan, of sluit het eerst af.")]);
            }

            ShownRun? run = null;
            if (runId is { } id && (run = await db.FindRunAsync(personId, id, cancellationToken).ConfigureAwait(false)) is null)
            {
                return new Outcome.NotFound();
            }

            var problems = new List<FieldProblem>();
            var sources = await matching.LoadAsync(cancellationToken).ConfigureAwait(false);
            var professionals = await db.ProfessionalsAsync(actor.OrganisationId, cancellationToken).ConfigureAwait(false);
            var content = ToContent(input, run, previous: null, sources.Catalogue, professionals, problems);
            if (content is null)
            {
                return new Outcome.Invalid(problems);
            }

            var planId = Guid.NewGuid();
            var created = SupportPlan.Create(planId.ToString(), personId.ToString(), person.Wijk, content, Me, Today);
            if (created is SupportOutcome<SupportPlan>.Refused refused)
            {
                return new Outcome.Invalid(ToProblems(refused.Errors));
            }

            var plan = ((SupportOutcome<SupportPlan>.Accepted)created).Value;
            var now = time.GetUtcNow().UtcDateTime;
            var record = new SupportPlanRecord
            {
                Id = planId,
                PersonId = personId,
                OrganisationId = person.OrganisationId,
                MatchRunId = run?.Run.Id,
                ResponsibleProfessionalId = input.ResponsibleProfessionalId!.Value,
                CurrentVersion = 1,
                ReviewDate = content.ReviewDate,
                StartDate = plan.StartDate,
                CreatedAtUtc = now,
            };
            db.SupportPlans.Add(record);
            db.AddVersion(record, plan.CurrentVersion, actor.UserId!.Value, now);
            var proposed = ProposeNew(db, record, content, [], problems, Me, Today);
            if (proposed is null)
            {
                return new Outcome.Invalid(problems);
            }

            // A plan agreed after a signal closes the loop for the signaller ("Afspraken gemaakt"), in the same save.
            await Referrals.MarkSignalPlanAgreed.AddAsync(db, audit, actor, personId, Today, now, cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.Create, nameof(SupportPlanRecord), planId, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Saved();
        }
    }
}
