using Konvooi.Domain.Questionnaires;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Support;

/// <summary>
/// What the measurement history shows of a person's support plans: the plans' events for the chart, the
/// re-measurement schedule of the newest plan, and the honest change (LM-1) on that plan's instrument between
/// the last measurement on or before the plan's start and the newest one after it.
/// </summary>
public static class GetRemeasurements
{
    /// <summary>The change could not be shown; <see cref="Reason"/> says why, in Dutch.</summary>
    public sealed record NoChange(string Reason);

    public sealed record PlanView(
        Guid PlanId,
        DateOnly StartDate,
        bool IsClosed,
        Instrument? Instrument,
        string InstrumentId,
        IReadOnlyList<DateOnly> RemeasurementDates,
        ScoreChange? Change,
        NoChange? NoChange);

    public sealed record Result(IReadOnlyList<TimelineEvent> Events, PlanView? Plan);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, SupportListSettings settings)
    {
        /// <summary>Null when the person is not visible to the actor; an empty result when there is no plan.</summary>
        public async Task<Result?> HandleAsync(Guid personId, CancellationToken cancellationToken)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Id, p.Wijk })
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return null;
            }

            var planRows = await db.SupportPlans.AsNoTracking().Where(p => p.PersonId == personId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (planRows.Count == 0)
            {
                return new Result([], null);
            }

            var planIds = planRows.Select(p => p.Id).ToList();
            var versions = await db.SupportPlanVersions.AsNoTracking().Where(v => planIds.Contains(v.PlanId))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var trajectories = (await db.Trajectories.AsNoTracking().Where(t => planIds.Contains(t.PlanId))
                .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(SupportStore.ToDomain).ToList();
            var plans = planRows.Select(p => SupportStore.ToDomain(p, versions, person.Wijk))
                .OrderBy(p => p.StartDate).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
            var events = plans.SelectMany(p => PlanTimeline.Events(p, trajectories)).OrderBy(e => e.Date).ToList();

            var newest = plans[^1];
            var instrumentId = newest.Current.RemeasurementInstrument;
            var instrument = Instruments.Find(instrumentId);
            var measured = await db.Measurements.AsNoTracking()
                .Where(m => m.PersonId == personId && m.InstrumentId == instrumentId)
                .OrderBy(m => m.AdministeredOn).ThenBy(m => m.RecordedAtUtc)
                .Select(m => new { m.Id, m.AdministeredOn, m.Total, m.LevelCode, m.MissingItems })
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            ScoreChange? change = null;
            NoChange? noChange = null;
            var before = measured.LastOrDefault(m => m.AdministeredOn <= newest.StartDate);
            var after = measured.LastOrDefault(m => m.AdministeredOn > newest.StartDate);
            if (instrument is null)
            {
                noChange = new NoChange("De vragenlijst van dit plan is onbekend.");
            }
            else if (before is null)
            {
                noChange = new NoChange("Er is geen meting van vóór de start van het plan. Daarom is er geen verandering te tonen.");
            }
            else if (after is null)
            {
                noChange = new NoChange("Er is nog geen nieuwe meting na de start van het plan.");
            }
            else
            {
                var outcome = ScoreChange.Compare(
                    instrument,
                    new MeasuredScore(before.AdministeredOn, Score(instrument, before.Total, before.LevelCode, before.MissingItems)),
                    new MeasuredScore(after.AdministeredOn, Score(instrument, after.Total, after.LevelCode, after.MissingItems)));
                if (outcome is SupportOutcome<ScoreChange>.Accepted accepted)
                {
                    change = accepted.Value;
                }
                else if (outcome is SupportOutcome<ScoreChange>.Refused refused)
                {
                    noChange = new NoChange(string.Join(" ", refused.Errors.Select(e => e.Message)));
                }
            }

            audit.Add(AuditActions.View, GetWorkList.AuditEntityType, planIds, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Result(events, new PlanView(
                Guid.Parse(newest.Id),
                newest.StartDate,
                newest.IsClosed,
                instrument,
                instrumentId,
                WorkList.RemeasurementDates(newest, settings.WorkList),
                change,
                noChange));
        }

        private static InstrumentScore Score(Instrument instrument, int? total, string? levelCode, int missingItems) =>
            new(instrument.Id, total, instrument.Levels.FirstOrDefault(l => l.Code == levelCode), missingItems, []);
    }
}
