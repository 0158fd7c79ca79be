using Konvooi.Domain.Conversations;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Support.MatchRuns;

namespace Konvooi.Features.Support;

/// <summary>Records the choice made with the person on a match run: suggested interventions, or explicitly none for now (AM-5, TF-6).</summary>
public static class ChooseInterventions
{
    public sealed class ChoiceInput
    {
        public List<string> Chosen { get; set; } = [];

        public bool WatchfulWaiting { get; set; }

        public string? Reason { get; set; }
    }

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Chosen(Guid RunId) : Outcome;

        public sealed record NotFound : Outcome;

        /// <summary>The run already holds a choice or changed since the form was shown.</summary>
        public sealed record Conflict : Outcome;

        public sealed record Invalid(IReadOnlyList<FieldProblem> Problems) : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        /// <summary>Records the choice made with the person on a run that has none yet.</summary>
        public async Task<Outcome> HandleAsync(Guid personId, Guid runId, int expectedVersion, ChoiceInput input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var run = await db.MatchRuns.Where(r => r.Id == runId && r.PersonId == personId)
                .Where(r => db.People.Any(p => p.Id == r.PersonId))
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (run is null)
            {
                return new Outcome.NotFound();
            }

            if (run.Version != expectedVersion || run.ChoiceJson is not null)
            {
                return new Outcome.Conflict();
            }

            var shown = SupportStore.Read<StoredMatch>(run.ResultJson).Suggestions.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var chosen = input.Chosen.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();
            var problems = new List<FieldProblem>();
            if (chosen.Count == 0 && !input.WatchfulWaiting)
            {
                problems.Add(new FieldProblem("Chosen", "Kies één of meer suggesties, of kies ‘nu geen interventie’."));
            }
            else if (chosen.Count > 0 && input.WatchfulWaiting)
            {
                problems.Add(new FieldProblem("WatchfulWaiting", "Kies suggesties óf ‘nu geen interventie’, niet allebei."));
            }

            if (chosen.Any(c => !shown.Contains(c)))
            {
                problems.Add(new FieldProblem("Chosen", "Kies alleen uit de getoonde suggesties. Iets anders kunt u in het plan met de hand toevoegen, met een reden."));
            }

            var reason = input.Reason?.Trim();
            if (string.IsNullOrEmpty(reason))
            {
                problems.Add(new FieldProblem("Reason", "Schrijf kort op waarom u samen voor dit plan kiest."));
            }
            else if (reason.Length > MaxReasonLength)
            {
                problems.Add(new FieldProblem("Reason", $"Gebruik maximaal {MaxReasonLength} tekens."));
            }

            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            run.ChoiceJson = SupportStore.Write(new Choice(chosen, input.WatchfulWaiting));
            run.ChoiceReason = reason;
            run.ChosenById = actor.UserId;
            run.ChosenAtUtc = time.GetUtcNow().UtcDateTime;
            run.Version++;
            audit.Add(AuditActions.MatchChoice, nameof(MatchRun), run.Id, personId);
            try
            {
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Outcome.Conflict();
            }

            return new Outcome.Chosen(run.Id);
        }
    }
}
