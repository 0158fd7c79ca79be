using System.Globalization;
using System.Text.Json;
using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Questionnaires;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Support;

/// <summary>
/// Intervention outcomes for coordinators (docs/support-plan.md): per catalogue intervention referred, started, completed,
/// dropped out by reason, median waiting and the mean pre/post DJG change with its 95% CI, small cells suppressed.
/// A trajectory belongs to the period when it was proposed in it; measurements are taken from any date.
/// </summary>
public static class ReportInterventionOutcomes
{
    public const string AuditEntityType = "InterventionOutcomes";

    /// <summary>The period; null bounds default to the twelve months up to today.</summary>
    public sealed record Query(DateOnly? From = null, DateOnly? To = null);

    public sealed record Line(InterventionOutcome Outcome, string Name);

    public sealed record Result(
        DateOnly From,
        DateOnly To,
        IReadOnlyList<InterventionOutcome> All,
        IReadOnlyList<Line> WithTrajectories,
        OutcomeSettings Settings,
        int TrajectoryCount,
        EvaluationReport Evaluation)
    {
        /// <summary>The evaluation of the interventions with trajectories in the period, in the table's order, with their names.</summary>
        public IReadOnlyList<(GroupEvaluation Group, string Name)> EvaluatedInterventions =>
            WithTrajectories
                .Select(l => (Evaluation.Interventions.Single(g => g.GroupId == l.Outcome.InterventionId), l.Name))
                .ToList();

        /// <summary>The period in words, e.g. "1 december 2025 tot en met 30 november 2026".</summary>
        public string Period => $"{Dutch(From)} tot en met {Dutch(To)}";

        private static string Dutch(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
    }

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Computed(Result Result) : Outcome;

        public sealed record Forbidden : Outcome;

        /// <summary>The period is impossible; the message says why, in Dutch.</summary>
        public sealed record InvalidPeriod(string Message) : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, SupportListSettings settings)
    {
        public async Task<Outcome> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            if (!actor.Has(Permissions.CanReadInterventionOutcomes))
            {
                return new Outcome.Forbidden();
            }

            var today = DutchDate.Today(time);
            var to = query.To ?? today;
            var from = query.From ?? to.AddYears(-1).AddDays(1);
            if (from > to)
            {
                return new Outcome.InvalidPeriod("De begindatum ligt na de einddatum. Kies een begindatum die eerder is.");
            }

            var rows = await db.Trajectories.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            var trajectories = rows.Select(SupportStore.ToDomain)
                .Where(t => t.Events[0].Date >= from && t.Events[0].Date <= to)
                .ToList();
            var personIds = trajectories.Select(t => Guid.Parse(t.PersonId)).Distinct().ToList();
            var instrument = settings.Outcomes.InstrumentId;
            var instruments = settings.Evaluation.Instruments.Append(instrument).Distinct().ToList();
            var measurements = await db.Measurements.AsNoTracking()
                .Where(m => instruments.Contains(m.InstrumentId) && m.Total != null && personIds.Contains(m.PersonId))
                .Select(m => new { m.PersonId, m.InstrumentId, m.AdministeredOn, m.Total, m.ScoresJson })
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            var catalogue = InterventionCatalogue.Starter.Interventions.Select(i => i.Id).ToList();
            var outcomes = InterventionOutcomes.Compute(
                catalogue,
                trajectories,
                measurements.Where(m => m.InstrumentId == instrument)
                    .Select(m => new MeasurementRecord(m.PersonId.ToString(), m.InstrumentId, m.AdministeredOn, m.Total)).ToList(),
                settings.Outcomes);
            var evaluation = OutcomeEvaluation.Evaluate(
                catalogue,
                trajectories,
                measurements.Select(m =>
                {
                    var (emotional, social) = Subscales(m.ScoresJson);
                    return new ScoredMeasurement(m.PersonId.ToString(), m.InstrumentId, m.AdministeredOn, m.Total, emotional, social);
                }).ToList(),
                settings.Evaluation);
            var present = trajectories.Select(t => t.InterventionId).ToHashSet(StringComparer.Ordinal);

            // Aggregates only: one entry without person or record ids says who looked at the figures.
            audit.Add(AuditActions.View, AuditEntityType, [], personId: null);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            return new Outcome.Computed(new Result(
                from,
                to,
                outcomes,
                outcomes.Where(o => present.Contains(o.InterventionId)).Select(o => new Line(o, GetWorkList.InterventionName(o.InterventionId))).ToList(),
                settings.Outcomes,
                trajectories.Count,
                evaluation));
        }

        /// <summary>The DJG emotional and social subscales stored with the measurement's scores; null when missing.</summary>
        private static (int? Emotional, int? Social) Subscales(string scoresJson)
        {
            var scores = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(scoresJson) ?? [];
            return (IntOrNull(scores, DjgSubscales.Emotional), IntOrNull(scores, DjgSubscales.Social));
        }

        private static int? IntOrNull(Dictionary<string, JsonElement> scores, string name) =>
            scores.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
    }
}
