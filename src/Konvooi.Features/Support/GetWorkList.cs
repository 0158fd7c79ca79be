using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Support;

/// <summary>
/// The work list (docs/support-plan.md): due follow-ups, due re-measurements, plans past their review date and long waits.
/// A professional sees the items of the plans they are responsible for and the follow-ups assigned to them,
/// for people they may see; a coordinator sees the whole organisation and may filter by professional.
/// Every person shown is audit-logged (one list entry per person).
/// </summary>
public static class GetWorkList
{
    public const string AuditEntityType = "SupportPlan";

    /// <summary>Filters as typed in the form; empty means all. <see cref="ProfessionalId"/> is ignored for professionals.</summary>
    public sealed record Query(Guid? ProfessionalId = null, string? Wijk = null, string? InterventionId = null);

    public sealed record Row(WorkItem Item, string PersonName, string ProfessionalName, string? InterventionName, string RemeasurementInstrument);

    public sealed record Option(string Value, string Label);

    /// <summary>An open convoy alert: someone left the person's closest circle (JG-4).</summary>
    public sealed record AlertRow(Guid AlertId, int Version, Guid PersonId, string PersonName, string MemberName, string Change, string Reason, DateOnly RaisedOn);

    public sealed record Result(
        IReadOnlyList<Row> Rows,
        DateOnly Today,
        bool IsOrganisationView,
        IReadOnlyList<Option> Professionals,
        IReadOnlyList<string> Wijken,
        IReadOnlyList<Option> Interventions,
        Query Applied,
        WorkListSettings Settings,
        IReadOnlyList<AlertRow> ConvoyAlerts);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, SupportListSettings settings)
    {
        /// <summary>The work list, or null when the actor may not open person records.</summary>
        public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            if (!actor.CanOpenPersonRecords || actor.UserId is not { } me)
            {
                return null;
            }

            var organisationView = actor.SeesAllPeopleOfOrganisation;
            var today = DutchDate.Today(time);

            // Only people the actor may see (the Person query filter); for a professional only their own plans and tasks.
            var visiblePeople = db.People.Select(p => p.Id);
            var taskRows = await db.FollowUpTasks.AsNoTracking()
                .Where(t => t.DoneOn == null && visiblePeople.Contains(t.PersonId) && (organisationView || t.ResponsibleProfessionalId == me))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var taskPlanIds = taskRows.Select(t => t.PlanId).Distinct().ToList();
            var planRows = await db.SupportPlans.AsNoTracking()
                .Where(p => visiblePeople.Contains(p.PersonId)
                    && ((p.ClosedOn == null && (organisationView || p.ResponsibleProfessionalId == me)) || taskPlanIds.Contains(p.Id)))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var planIds = planRows.Select(p => p.Id).ToList();
            var personIds = planRows.Select(p => p.PersonId).Distinct().ToList();

            var versionRows = await db.SupportPlanVersions.AsNoTracking().Where(v => planIds.Contains(v.PlanId))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var waitingCodes = new[] { TrajectoryState.Referred.Code(), TrajectoryState.Waiting.Code() };
            var trajectoryRows = await db.Trajectories.AsNoTracking().Where(t => planIds.Contains(t.PlanId) && waitingCodes.Contains(t.State))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var measurements = await db.Measurements.AsNoTracking().Where(m => personIds.Contains(m.PersonId))
                .Select(m => new { m.PersonId, m.InstrumentId, m.AdministeredOn, m.Total })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
                .Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName, p.Wijk })
                .ToDictionaryAsync(p => p.Id, cancellationToken).ConfigureAwait(false);

            var plans = planRows.Select(p => SupportStore.ToDomain(p, versionRows, people.GetValueOrDefault(p.PersonId)?.Wijk)).ToList();
            var input = new WorkListInput(
                plans,
                trajectoryRows.Select(SupportStore.ToDomain).ToList(),
                taskRows.Select(SupportStore.ToDomain).ToList(),
                measurements.Select(m => new MeasurementRecord(m.PersonId.ToString(), m.InstrumentId, m.AdministeredOn, m.Total)).ToList(),
                today);
            var professional = organisationView ? query.ProfessionalId : me;
            var filter = new WorkListFilter(professional?.ToString(), Blank(query.Wijk), Blank(query.InterventionId));
            var items = WorkList.Build(input, settings.WorkList, filter);

            var professionals = await ProfessionalsAsync(planRows.Select(p => p.ResponsibleProfessionalId).Concat(taskRows.Select(t => t.ResponsibleProfessionalId)), cancellationToken)
                .ConfigureAwait(false);
            var plansById = plans.ToDictionary(p => p.Id, StringComparer.Ordinal);
            var rows = items.Select(i => new Row(
                i,
                people.GetValueOrDefault(Guid.Parse(i.PersonId))?.Name ?? "onbekend",
                Guid.TryParse(i.Professional, out var p) ? professionals.GetValueOrDefault(p, "onbekend") : "onbekend",
                i.InterventionId is { } id ? InterventionName(id) : null,
                plansById.TryGetValue(i.PlanId, out var plan) ? plan.Current.RemeasurementInstrument : "djg11")).ToList();

            foreach (var person in rows.GroupBy(r => r.Item.PersonId, StringComparer.Ordinal))
            {
                audit.Add(AuditActions.List, AuditEntityType, person.Select(r => Guid.Parse(r.Item.PlanId)).Distinct(), Guid.Parse(person.Key));
            }

            var alerts = await ConvoyAlertsAsync(query, organisationView, cancellationToken).ConfigureAwait(false);
            foreach (var person in alerts.GroupBy(a => a.PersonId))
            {
                audit.Add(AuditActions.List, nameof(ConvoyAlertRecord), person.Select(a => a.AlertId), person.Key);
            }

            if (rows.Count > 0 || alerts.Count > 0)
            {
                await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return new Result(
                rows,
                today,
                organisationView,
                organisationView ? professionals.Select(p => new Option(p.Key.ToString(), p.Value)).OrderBy(o => o.Label, StringComparer.CurrentCulture).ToList() : [],
                people.Values.Select(p => p.Wijk).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.CurrentCulture).ToList(),
                plans.SelectMany(p => p.Current.Interventions.Select(i => i.InterventionId)).Distinct(StringComparer.Ordinal)
                    .Select(id => new Option(id, InterventionName(id))).OrderBy(o => o.Label, StringComparer.CurrentCulture).ToList(),
                query with { ProfessionalId = organisationView ? query.ProfessionalId : null },
                settings.WorkList,
                alerts);
        }

        /// <summary>
        /// Open convoy alerts of the people the actor may see (JG-4). A professional sees those of the people they
        /// may see; the coordinator's professional filter keeps the alerts of that professional's plans, the wijk filter applies too.
        /// </summary>
        private async Task<IReadOnlyList<AlertRow>> ConvoyAlertsAsync(Query query, bool organisationView, CancellationToken cancellationToken)
        {
            var professional = organisationView ? query.ProfessionalId : null;
            var wijk = Blank(query.Wijk);
            var alerts = db.ConvoyAlerts.AsNoTracking().Where(a => a.HandledOn == null);
            if (professional is { } p)
            {
                alerts = alerts.Where(a => db.SupportPlans.Any(s => s.PersonId == a.PersonId && s.ClosedOn == null && s.ResponsibleProfessionalId == p));
            }

            var rows = await alerts
                .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { Alert = a, Name = p.FirstName + " " + p.LastName, p.Wijk })
                .Where(x => wijk == null || x.Wijk == wijk)
                .OrderBy(x => x.Alert.RaisedOn)
                .Select(x => new AlertRow(x.Alert.Id, x.Alert.Version, x.Alert.PersonId, x.Name, x.Alert.MemberName, x.Alert.Change, x.Alert.Reason, x.Alert.RaisedOn))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return Blank(query.InterventionId) is null ? rows : []; // an alert belongs to no intervention
        }

        /// <summary>Display names of the organisation's professionals plus anyone responsible for a plan or task shown.</summary>
        private async Task<Dictionary<Guid, string>> ProfessionalsAsync(IEnumerable<Guid> responsible, CancellationToken cancellationToken)
        {
            var organisation = actor.OrganisationId;
            var ids = responsible.Distinct().ToList();
            var members = await db.Memberships.AsNoTracking()
                .Where(m => m.OrganisationId == organisation && (m.Role == Role.Professional || ids.Contains(m.UserId)))
                .Select(m => new { m.UserId, m.User!.DisplayName })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return members.GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.First().DisplayName);
        }

        private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static string InterventionName(string id) => InterventionCatalogue.Starter.Find(id)?.Name ?? id;
}
