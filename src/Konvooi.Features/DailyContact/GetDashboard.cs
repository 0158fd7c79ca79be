using Konvooi.Domain.Access;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Outbox;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.DailyContact;

/// <summary>The coordinator's daily contact overview, computed with the pure <see cref="Dashboard"/> functions.</summary>
public static class GetDashboard
{
    /// <summary>How far back streaks and missed days look.</summary>
    public const int HistoryDays = 28;

    public sealed record SignalRow(Guid ConfirmationId, Guid PersonId, string PersonName, DateOnly LocalDate, IReadOnlySet<DifferenceSignal> Signals, string? Note, DateTime ConfirmedAtUtc);

    public sealed record FailedEmail(string SlotReference, string Reason, int Attempts, string? LastError, bool GaveUp, DateTime CreatedAtUtc);

    public sealed record View(
        DateOnly Today,
        TodayOverview TodayOverview,
        IReadOnlyList<Slot> Gaps,
        IReadOnlyList<ContactLoad> Load,
        IReadOnlyList<PersonStreak> Streaks,
        IReadOnlyList<SignalRow> Signals,
        IReadOnlyList<FailedEmail> FailedEmails,
        IReadOnlyDictionary<Guid, string> PersonNames,
        IReadOnlyDictionary<Guid, string> ContactNames);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<View?> HandleAsync(CancellationToken cancellationToken)
        {
            if (!actor.Has(Permissions.CanRecordContactForOthers))
            {
                return null;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var zone = LocalTime.Amsterdam();
            var today = LocalTime.LocalDate(now, zone);
            var from = today.AddDays(-HistoryDays);
            var to = today.AddDays(Dashboard.DefaultGapHorizonDays - 1);
            var rows = await db.DailyContactSlots.AsNoTracking()
                .Where(s => s.LocalDate >= from && s.LocalDate <= to)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var states = rows.Select(DailyContactStore.ReadState).ToList();
            var upcoming = states.Where(s => s.Slot.LocalDate >= today).Select(s => s.Slot).ToList();

            var signals = await db.DailyContactConfirmations.AsNoTracking()
                .Where(c => c.HasSignals && !c.FollowUpHandled)
                .OrderByDescending(c => c.ConfirmedAtUtc)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var failed = await db.Outbox.AsNoTracking()
                .Where(m => m.Topic == OutboxTopics.DailyContact && m.SentAtUtc == null && m.LastError != null)
                .OrderByDescending(m => m.CreatedAtUtc)
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            var personIds = rows.Select(r => r.PersonId).Concat(signals.Select(s => s.PersonId)).Distinct().ToList();
            var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
                .Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName })
                .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken).ConfigureAwait(false);
            var arrangements = await db.DailyContactArrangements.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            var contactNames = arrangements.SelectMany(a => DailyContactStore.ReadArrangement(a).Contacts)
                .GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First().FirstName);

            audit.Add(AuditActions.DailyContactDashboardView, nameof(DailyContactSlot), names.Keys, null);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            return new View(
                today,
                Dashboard.Today(states, today, now),
                Dashboard.RotaGaps(upcoming, today),
                Dashboard.Load(upcoming),
                Dashboard.Streaks(states.Where(s => s.Slot.LocalDate < today || s.HasContact || s.Slot.EndUtc <= now), now),
                signals.Select(s => new SignalRow(s.Id, s.PersonId, names.GetValueOrDefault(s.PersonId, "?"), s.LocalDate, DailyContactStore.ParseSignals(s.Signals), s.Note, s.ConfirmedAtUtc)).ToList(),
                failed.Select(m => new FailedEmail(m.Subject, m.Reason, m.Attempts, m.LastError, m.GaveUpAtUtc is not null, m.CreatedAtUtc)).ToList(),
                names,
                contactNames);
        }
    }
}
