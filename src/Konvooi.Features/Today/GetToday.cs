using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.DailyContact;
using Konvooi.Domain.Referrals;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.DailyContact;
using Konvooi.Features.Data;
using Konvooi.Features.Referrals;
using Konvooi.Features.Security;
using Konvooi.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Today;

/// <summary>
/// The start page "Vandaag" for professionals and coordinators (docs/start-page.md): one list of what needs doing,
/// most urgent first, each item with one link in. It does not repeat any rule: the work list items come from
/// <see cref="GetWorkList"/>, the intake items from <see cref="ListIntake"/>, today's daily contact from the pure
/// <see cref="Dashboard.Today"/>; each of those audits what it shows, the daily contact part is audited here.
/// </summary>
public static class GetToday
{
    /// <summary>The kinds, in the order they are listed within the same urgency.</summary>
    public enum ItemKind
    {
        /// <summary>Seam: open safety advice with its follow-up (issue #16, branch assess-web) is added here, before all else.</summary>
        SafetyAdvice,
        DailyContactEscalated,
        DailyContactMissed,
        DifferenceSignal,
        Intake,
        FollowUp,
        Remeasurement,
        PlanReview,
        LongWait,
    }

    /// <summary>One line: who, what, by when, and the link that opens the right page.</summary>
    public sealed record Item(ItemKind Kind, Urgency Urgency, DateOnly Date, string Name, string Text, string Href, string LinkText, Guid? PersonId = null);

    public sealed record View(DateOnly Today, IReadOnlyList<Item> Items, bool SeesDailyContact, bool SeesIntake);

    public sealed class Handler(
        KonvooiDbContext db,
        AuditLog audit,
        CurrentActor actor,
        TimeProvider time,
        GetWorkList.Handler workList,
        ListIntake.Handler intake,
        SupportListSettings settings)
    {
        /// <summary>Today's work, or null when the actor may not open person records.</summary>
        public async Task<View?> HandleAsync(CancellationToken cancellationToken)
        {
            if (!actor.CanOpenPersonRecords)
            {
                return null;
            }

            var today = DutchDate.Today(time);
            var items = new List<Item>();

            // Seam for safety advice still open (issue #16, branch assess-web adds safety follow-ups):
            // add them here as ItemKind.SafetyAdvice with Urgency.Overdue so they come first.
            var work = await workList.HandleAsync(new GetWorkList.Query(), cancellationToken).ConfigureAwait(false);
            if (work is not null)
            {
                items.AddRange(work.Rows.Select(r => FromWorkList(r)));
            }

            var seesDailyContact = actor.Has(Permissions.CanRecordContactForOthers);
            if (seesDailyContact)
            {
                items.AddRange(await DailyContactAsync(today, cancellationToken).ConfigureAwait(false));
            }

            var seesIntake = actor.Has(Permissions.CanWorkIntakeQueue) || actor.Has(Permissions.CanRecordFirstContact);
            if (seesIntake)
            {
                var rows = await intake.ListAsync(includeEnded: false, cancellationToken).ConfigureAwait(false);
                items.AddRange(rows.Where(r => r.State == IntakeState.Received || r.Overdue).Select(r => new Item(
                    ItemKind.Intake,
                    r.Overdue ? Urgency.Overdue : Urgency.Due,
                    r.Deadline,
                    r.Label,
                    r.Source == SignalSource.Referral ? $"Verwijzing van {r.FromOrganisation}: reageren vóór de termijn." : $"Melding van {r.FromOrganisation}: reageren vóór de termijn.",
                    $"/Intake/{r.Id}",
                    "Melding openen")));
            }

            return new View(today, Order(items), seesDailyContact, seesIntake);
        }

        /// <summary>
        /// For the navigation: how many things need attention, cheaply (no audit, no person data): open follow-ups
        /// due within the work list's reminder window, as the work list shows them (one COUNT) and, for coordinators,
        /// unhandled "leek anders" signals (one COUNT).
        /// </summary>
        public async Task<int> CountAsync(CancellationToken cancellationToken)
        {
            if (!actor.CanOpenPersonRecords || actor.UserId is not { } me)
            {
                return 0;
            }

            var horizon = DutchDate.Today(time).AddDays(settings.WorkList.ReminderDays);
            var organisationView = actor.SeesAllPeopleOfOrganisation;
            var visiblePeople = db.People.Select(p => p.Id);
            var count = await db.FollowUpTasks.AsNoTracking()
                .CountAsync(t => t.DoneOn == null && t.DueOn <= horizon && visiblePeople.Contains(t.PersonId) && (organisationView || t.ResponsibleProfessionalId == me), cancellationToken)
                .ConfigureAwait(false);
            if (actor.Has(Permissions.CanRecordContactForOthers))
            {
                count += await db.DailyContactConfirmations.AsNoTracking()
                    .CountAsync(c => c.HasSignals && !c.FollowUpHandled, cancellationToken).ConfigureAwait(false);
            }

            return count;
        }

        private async Task<IReadOnlyList<Item>> DailyContactAsync(DateOnly today, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var slotRows = await db.DailyContactSlots.AsNoTracking().Where(s => s.LocalDate == today)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var overview = Dashboard.Today(slotRows.Select(DailyContactStore.ReadState), today, now);
            var missed = overview.Entries.Where(e => e.Category is TodayCategory.Overdue or TodayCategory.Escalated).ToList();
            var signals = await db.DailyContactConfirmations.AsNoTracking()
                .Where(c => c.HasSignals && !c.FollowUpHandled)
                .Select(c => new { c.PersonId, c.LocalDate, c.Signals })
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            var personIds = missed.Select(e => e.State.Slot.PersonId).Concat(signals.Select(s => s.PersonId)).Distinct().ToList();
            if (personIds.Count == 0)
            {
                return [];
            }

            var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
                .Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName })
                .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.DailyContactDashboardView, nameof(DailyContactSlot), names.Keys, null);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            var items = missed.Select(e => new Item(
                e.Category == TodayCategory.Escalated ? ItemKind.DailyContactEscalated : ItemKind.DailyContactMissed,
                Urgency.Overdue,
                today,
                names.GetValueOrDefault(e.State.Slot.PersonId, "onbekend"),
                e.Category == TodayCategory.Escalated
                    ? "Dagelijks contact van vandaag is gemist en opgeschaald: bel of ga langs."
                    : "Dagelijks contact van vandaag is nog niet bevestigd.",
                $"/DailyContact/Slot/{Uri.EscapeDataString(e.State.Slot.Reference)}",
                "Contactmoment openen",
                e.State.Slot.PersonId)).ToList();
            items.AddRange(signals.Where(s => names.ContainsKey(s.PersonId)).Select(s => new Item(
                ItemKind.DifferenceSignal,
                Urgency.Due,
                s.LocalDate,
                names[s.PersonId],
                "Bij het dagelijks contact leek iets anders dan anders: neem het op in het plan.",
                "/DailyContact/Dashboard",
                "Naar dagelijks contact",
                s.PersonId)));
            return items;
        }

        private static Item FromWorkList(GetWorkList.Row row)
        {
            var item = row.Item;
            var kind = item.Kind switch
            {
                WorkItemKind.FollowUp => ItemKind.FollowUp,
                WorkItemKind.Remeasurement => ItemKind.Remeasurement,
                WorkItemKind.PlanReview => ItemKind.PlanReview,
                _ => ItemKind.LongWait,
            };
            return kind == ItemKind.Remeasurement
                ? new Item(kind, item.Urgency, item.DueOn, row.PersonName, item.Text, $"/People/{item.PersonId}/Measurements/New?instrument={row.RemeasurementInstrument}", "Opnieuw meten", Guid.Parse(item.PersonId))
                : new Item(kind, item.Urgency, item.DueOn, row.PersonName, item.Text, $"/People/{item.PersonId}/Plan", "Naar het plan", Guid.Parse(item.PersonId));
        }
    }

    /// <summary>Most urgent first: by urgency (overdue, due, upcoming), then by kind, then the oldest date first.</summary>
    public static IReadOnlyList<Item> Order(IEnumerable<Item> items) =>
        [.. items.OrderBy(i => i.Urgency).ThenBy(i => i.Kind).ThenBy(i => i.Date).ThenBy(i => i.Name, StringComparer.CurrentCulture)];
}
