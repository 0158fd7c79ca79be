using System.Text.Json;
using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Domain.DailyContact;
using Konvooi.Domain.Profiles;
using Konvooi.Domain.Questionnaires;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.DailyContact;
using Konvooi.Features.Data;
using Konvooi.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.People;

/// <summary>
/// The person page as a case overview (docs/start-page.md): the record with consents (<see cref="GetPerson"/>, which
/// writes the one audit entry of the person read), the latest measurement and its change, the profile in one line,
/// the active plan with each intervention's state and next step, the daily-contact status and a timeline, newest first.
/// A fixed number of queries whatever the history's length (a test pins it).
/// </summary>
public static class GetCaseOverview
{
    /// <summary>How many timeline items the page shows; older ones are on the linked pages.</summary>
    public const int TimelineLimit = 60;

    public sealed record LatestMeasurement(Guid Id, string InstrumentId, DateOnly On, int? Total, string? LevelCode, int? PreviousTotal, DateOnly? PreviousOn);

    public sealed record ProfileSummary(DateOnly BuiltOn, string Loneliness, string? Causes);

    public sealed record InterventionLine(string Name, string State, string NextStep);

    public sealed record ActivePlan(int Version, DateOnly AgreedOn, DateOnly? ReviewDate, bool IsWatchfulWaiting, string ResponsibleName, IReadOnlyList<string> Goals, IReadOnlyList<InterventionLine> Interventions);

    public sealed record DailyContactStatus(bool Active, DateOnly StartDate, DateOnly? EndDate, TodayCategory? Today, int Streak, int MissedDays, DateOnly? LastContactDate);

    public sealed record TimelineItem(DateOnly Date, DateTime SortKey, string Kind, string Text, string Href);

    public sealed record View(
        GetPerson.Result Record,
        LatestMeasurement? Measurement,
        ProfileSummary? Profile,
        ActivePlan? Plan,
        DailyContactStatus? DailyContact,
        IReadOnlyList<TimelineItem> Timeline,
        int TimelineTotal);

    public sealed class Handler(KonvooiDbContext db, GetPerson.Handler person, TimeProvider time)
    {
        public async Task<View?> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            var record = await person.HandleAsync(id, AuditActions.View, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                return null;
            }

            var today = DutchDate.Today(time);
            var now = time.GetUtcNow().UtcDateTime;
            var basePath = $"/People/{id}";
            var timeline = new List<TimelineItem>();

            var measurements = await db.Measurements.AsNoTracking().Where(m => m.PersonId == id)
                .Select(m => new { m.Id, m.InstrumentId, m.AdministeredOn, m.Total, m.LevelCode, m.RecordedAtUtc })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            measurements = [.. measurements.OrderByDescending(m => m.AdministeredOn).ThenByDescending(m => m.RecordedAtUtc)];
            LatestMeasurement? latest = null;
            if (measurements.Count > 0)
            {
                var last = measurements[0];
                var previous = measurements.Skip(1).FirstOrDefault(m => m.InstrumentId == last.InstrumentId);
                latest = new LatestMeasurement(last.Id, last.InstrumentId, last.AdministeredOn, last.Total, last.LevelCode, previous?.Total, previous?.AdministeredOn);
            }

            timeline.AddRange(measurements.Select(m => new TimelineItem(
                m.AdministeredOn, m.RecordedAtUtc, "Meting",
                $"{InstrumentName(m.InstrumentId)}{(m.Total is { } t ? $": score {t}" : string.Empty)}",
                $"{basePath}/Measurements/{m.Id}")));

            var snapshot = await db.ProfileSnapshots.AsNoTracking().Where(p => p.PersonId == id)
                .OrderByDescending(p => p.CreatedAtUtc)
                .Select(p => new { p.BuiltOn, p.LinesJson, p.CreatedAtUtc })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            ProfileSummary? profile = null;
            if (snapshot is not null)
            {
                var lines = JsonSerializer.Deserialize<List<ProfileLine>>(snapshot.LinesJson) ?? [];
                profile = new ProfileSummary(
                    snapshot.BuiltOn,
                    lines.FirstOrDefault(l => l.Heading == "Eenzaamheid")?.Text ?? "Nog niet gemeten.",
                    lines.FirstOrDefault(l => l.Heading == "Oorzaken")?.Text);
                timeline.Add(new TimelineItem(snapshot.BuiltOn, snapshot.CreatedAtUtc, "Profiel", "Profiel opgesteld", $"{basePath}/Profile"));
            }

            var plans = await db.SupportPlans.AsNoTracking().Where(p => p.PersonId == id).ToListAsync(cancellationToken).ConfigureAwait(false);
            var versions = await db.SupportPlanVersions.AsNoTracking().Where(v => v.PersonId == id).ToListAsync(cancellationToken).ConfigureAwait(false);
            var trajectories = await db.Trajectories.AsNoTracking().Where(t => t.PersonId == id).ToListAsync(cancellationToken).ConfigureAwait(false);
            var tasks = await db.FollowUpTasks.AsNoTracking().Where(t => t.PersonId == id && t.DoneOn == null).ToListAsync(cancellationToken).ConfigureAwait(false);

            var sections = await db.ConversationSections.AsNoTracking().Where(s => s.PersonId == id)
                .Select(s => new { s.SectionCode, s.UpdatedAtUtc, s.UpdatedById })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var convoys = await db.ConvoyMaps.AsNoTracking().Where(c => c.PersonId == id)
                .Select(c => new { c.TakenOn, c.UpdatedAtUtc, c.MembersJson })
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            var arrangement = await db.DailyContactArrangements.AsNoTracking().Where(a => a.PersonId == id)
                .OrderByDescending(a => a.StartDate)
                .Select(a => new { a.StartDate, a.EndDate })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var from = today.AddDays(-GetDashboard.HistoryDays);
            var slotRows = arrangement is null
                ? []
                : await db.DailyContactSlots.AsNoTracking().Where(s => s.PersonId == id && s.LocalDate >= from && s.LocalDate <= today)
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
            var signals = await db.Signals.AsNoTracking().Where(s => s.PersonId == id)
                .Select(s => new { s.Id, s.ReceivedOn, s.Source })
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            var userIds = plans.Select(p => p.ResponsibleProfessionalId).Concat(versions.Select(v => v.RecordedById))
                .Concat(sections.Select(s => s.UpdatedById)).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
            string Name(Guid user) => names.GetValueOrDefault(user, "onbekend");

            // The plan: the open one (at most one), with its interventions' states and next steps.
            ActivePlan? active = null;
            if (plans.FirstOrDefault(p => p.ClosedOn == null) is { } open)
            {
                var plan = SupportStore.ToDomain(open, versions, record.Person.Wijk);
                var byIntervention = trajectories.Where(t => t.PlanId == open.Id).Select(SupportStore.ToDomain)
                    .GroupBy(t => t.InterventionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
                var lines = plan.Current.Interventions.Select(i =>
                {
                    var trajectory = byIntervention.GetValueOrDefault(i.InterventionId);
                    var task = tasks.FirstOrDefault(t => t.PlanId == open.Id && t.InterventionId == i.InterventionId);
                    return new InterventionLine(
                        GetWorkList.InterventionName(i.InterventionId),
                        trajectory?.State.Label() ?? "Nog niet gestart",
                        NextStep(trajectory?.State, task?.DueOn));
                }).ToList();
                active = new ActivePlan(
                    plan.CurrentVersion.Number, plan.Current.AgreedOn, plan.Current.ReviewDate, plan.Current.IsWatchfulWaiting,
                    Name(open.ResponsibleProfessionalId), plan.Current.Goals, lines);
            }

            timeline.AddRange(versions.Select(v => new TimelineItem(
                v.RecordedOn, v.RecordedAtUtc, "Plan",
                v.Number == 1 ? $"Plan afgesproken, vastgelegd door {Name(v.RecordedById)}" : $"Plan bijgesteld (versie {v.Number}) door {Name(v.RecordedById)}",
                $"{basePath}/Plan")));
            timeline.AddRange(plans.Where(p => p.ClosedOn is not null).Select(p => new TimelineItem(
                p.ClosedOn!.Value, p.ClosedOn.Value.ToDateTime(TimeOnly.MaxValue), "Plan", "Plan afgesloten", $"{basePath}/Plan")));
            foreach (var trajectory in trajectories.Select(SupportStore.ToDomain))
            {
                var name = GetWorkList.InterventionName(trajectory.InterventionId);
                timeline.AddRange(trajectory.Events.Select((e, i) => new TimelineItem(
                    e.Date, e.Date.ToDateTime(new TimeOnly(12, 0)).AddSeconds(i), "Aanbod", $"{name}: {e.State.Label()}", $"{basePath}/Plan")));
            }

            timeline.AddRange(sections.Select(s => new TimelineItem(
                DutchDate.Of(s.UpdatedAtUtc), s.UpdatedAtUtc, "Goed gesprek",
                $"{ConversationGuide.Find(s.SectionCode)?.Title ?? s.SectionCode} bijgewerkt door {Name(s.UpdatedById)}",
                $"{basePath}/Conversation/{s.SectionCode}")));
            timeline.AddRange(convoys.Select(c => new TimelineItem(
                c.TakenOn, c.UpdatedAtUtc, "Konvooikaart",
                $"Konvooikaart vastgelegd ({CountMembers(c.MembersJson)} mensen)",
                $"{basePath}/Convoy")));
            timeline.AddRange(signals.Select(s => new TimelineItem(
                s.ReceivedOn, s.ReceivedOn.ToDateTime(TimeOnly.MinValue), "Melding",
                s.Source == SignalSource.Referral ? "Verwijzing ontvangen" : "Melding ontvangen",
                $"/Intake/{s.Id}")));

            DailyContactStatus? contact = null;
            if (arrangement is not null)
            {
                var states = slotRows.Select(DailyContactStore.ReadState).ToList();
                var todayEntry = Dashboard.Today(states, today, now).Entries is { Count: > 0 } entries ? entries[0] : null;
                var streak = Dashboard.Streaks(states.Where(s => s.Slot.LocalDate < today || s.HasContact || s.Slot.EndUtc <= now), now)
                    .FirstOrDefault(s => s.PersonId == id);
                contact = new DailyContactStatus(
                    arrangement.EndDate is null || arrangement.EndDate >= today, arrangement.StartDate, arrangement.EndDate,
                    todayEntry?.Category, streak?.Streak ?? 0, streak?.MissedDays ?? 0, streak?.LastContactDate);
                timeline.AddRange(states.Where(s => s.Slot.LocalDate < today || s.HasContact).Select(s => new TimelineItem(
                    s.Slot.LocalDate, s.Slot.StartUtc, "Dagelijks contact",
                    s.HasContact ? "Contact gehad" : "Contactmoment gemist",
                    $"/DailyContact/Slot/{Uri.EscapeDataString(s.Slot.Reference)}")));
            }

            var ordered = timeline.OrderByDescending(t => t.Date).ThenByDescending(t => t.SortKey).ToList();
            return new View(record, latest, profile, active, contact, [.. ordered.Take(TimelineLimit)], ordered.Count);
        }
    }

    /// <summary>The next step for an intervention in the given state; an open follow-up comes first.</summary>
    public static string NextStep(TrajectoryState? state, DateOnly? followUpDue) => followUpDue is { } due
        ? $"Nazorg na uitval of afzien: contact opnemen vóór {due.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture)}."
        : state switch
        {
            null or TrajectoryState.Proposed => "Aanmelden bij het aanbod.",
            TrajectoryState.Referred or TrajectoryState.Waiting => "Start vastleggen zodra de persoon begint.",
            TrajectoryState.Started => "Volgen; afronding of uitval vastleggen.",
            _ => "Geen: afgerond.",
        };

    private static string InstrumentName(string instrumentId) =>
        Instruments.Find(instrumentId) is { } instrument
            ? (instrument.Names.In(LocalizedText.Dutch) ?? instrument.Names[0]).Text
            : instrumentId;

    private static int CountMembers(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.GetArrayLength() : 0;
    }
}
