using System.Globalization;
using Konvooi.Domain.DailyContact;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Catalogue;
using Konvooi.Features.Data;
using Konvooi.Features.Profiles;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Support.PlanStore;
using static Konvooi.Features.Support.PlanViews;

namespace Konvooi.Features.Support;

/// <summary>A person's support plans: the open one and the closed ones, with trajectories, follow-up tasks and open daily contact signals; audit-logged.</summary>
public static class ViewSupportPlan
{
    public sealed record TrajectoryView(
        TrajectoryRecord Record,
        Trajectory Trajectory,
        string Name,
        IReadOnlyList<TrajectoryState> Next);

    public sealed record FollowUpView(FollowUpTaskRecord Record, string InterventionName, string ResponsibleName);

    public sealed record PlanView(
        SupportPlanRecord Record,
        SupportPlan Plan,
        IReadOnlyList<PlanVersionChanges> History,
        IReadOnlyList<TrajectoryView> Trajectories,
        IReadOnlyList<FollowUpView> FollowUps,
        IReadOnlyDictionary<string, string> UserNames,
        IReadOnlyDictionary<string, string> InterventionNames);

    /// <summary>A "seemed different" signal from the daily contact moment that still needs follow-up (docs/daily-contact.md).</summary>
    public sealed record SignalView(Guid Id, DateOnly Date, IReadOnlyList<DifferenceSignal> Signals, string? Note);

    /// <summary>The plans and, in <c>Safety</c>, the safety advice of the latest profile with its follow-ups (issue #16).</summary>
    public sealed record View(string PersonName, PlanView? Current, IReadOnlyList<PlanView> Closed, IReadOnlyList<Option> Measurements, IReadOnlyList<SignalView> Signals, IReadOnlyList<Profiles.Assessments.SafetyItem> Safety);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, MatchingSources.Handler matching)
    {
        /// <summary>The open plan and the closed ones, with trajectories and follow-ups; audit-logged.</summary>
        public async Task<View?> HandleAsync(Guid personId, CancellationToken cancellationToken)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { Name = p.FirstName + " " + p.LastName, p.Wijk }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return null;
            }

            var plans = await LoadPlansAsync(personId, person.Wijk, cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.View, nameof(SupportPlanRecord), plans.Count == 0 ? [personId] : plans.Select(p => p.Record.Id), personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            var measurements = await db.Measurements.AsNoTracking().Where(m => m.PersonId == personId)
                .OrderByDescending(m => m.AdministeredOn)
                .Select(m => new { m.Id, m.InstrumentId, m.AdministeredOn, m.Total }).ToListAsync(cancellationToken).ConfigureAwait(false);
            var options = measurements.Select(m => new Option(m.Id.ToString(),
                $"{m.AdministeredOn.ToString("d-M-yyyy", CultureInfo.InvariantCulture)} · {m.InstrumentId}{(m.Total is { } t ? $" · score {t}" : "")}")).ToList();
            var signals = await db.DailyContactConfirmations.AsNoTracking()
                .Where(c => c.PersonId == personId && c.HasSignals && !c.FollowUpHandled)
                .OrderBy(c => c.LocalDate)
                .Select(c => new { c.Id, c.LocalDate, c.Signals, c.Note }).ToListAsync(cancellationToken).ConfigureAwait(false);
            var signalViews = signals.Select(c => new SignalView(c.Id, c.LocalDate,
                c.Signals.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(v => Enum.TryParse<DifferenceSignal>(v, out var signal) ? signal : (DifferenceSignal?)null)
                    .OfType<DifferenceSignal>().ToList(), c.Note)).ToList();
            var safety = await db.SafetyItemsAsync(personId, cancellationToken).ConfigureAwait(false);
            return new View(person.Name, plans.FirstOrDefault(p => !p.Plan.IsClosed), plans.Where(p => p.Plan.IsClosed).ToList(), options, signalViews, safety);
        }

        private async Task<List<PlanView>> LoadPlansAsync(Guid personId, string? wijk, CancellationToken cancellationToken)
        {
            var records = await db.SupportPlans.AsNoTracking().Where(p => p.PersonId == personId)
                .OrderByDescending(p => p.CreatedAtUtc).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (records.Count == 0)
            {
                return [];
            }

            var versions = await db.SupportPlanVersions.AsNoTracking().Where(v => v.PersonId == personId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var trajectories = await db.Trajectories.AsNoTracking().Where(t => t.PersonId == personId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var tasks = await db.FollowUpTasks.AsNoTracking().Where(t => t.PersonId == personId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var userIds = versions.Select(v => v.RecordedById).Concat(records.Select(r => r.ResponsibleProfessionalId)).ToHashSet();
            var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id.ToString(), u => u.DisplayName, cancellationToken).ConfigureAwait(false);
            var sources = await matching.LoadAsync(cancellationToken).ConfigureAwait(false);
            var interventionNames = trajectories.Select(t => t.InterventionId)
                .Concat(versions.SelectMany(v => SupportStore.Read<SupportPlanContent>(v.ContentJson).Interventions.Select(i => i.InterventionId)))
                .Distinct(StringComparer.Ordinal)
                .ToDictionary(id => id, id => NameOf(sources.Catalogue, id), StringComparer.Ordinal);

            return records.Select(record =>
            {
                var plan = SupportStore.ToDomain(record, versions, wijk);
                var views = trajectories.Where(t => t.PlanId == record.Id).OrderBy(t => t.InterventionId, StringComparer.Ordinal)
                    .Select(t =>
                    {
                        var trajectory = SupportStore.ToDomain(t);
                        return new TrajectoryView(t, trajectory, interventionNames[t.InterventionId], Trajectory.AllowedAfter(trajectory.State));
                    }).ToList();
                var followUps = tasks.Where(t => t.PlanId == record.Id).OrderBy(t => t.DoneOn is not null).ThenBy(t => t.DueOn)
                    .Select(t => new FollowUpView(t, interventionNames.GetValueOrDefault(t.InterventionId, t.InterventionId),
                        names.GetValueOrDefault(t.ResponsibleProfessionalId.ToString(), "onbekend"))).ToList();
                return new PlanView(record, plan, PlanHistory.Of(plan), views, followUps, names, interventionNames);
            }).ToList();
        }
    }
}
