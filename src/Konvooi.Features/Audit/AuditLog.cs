using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Audit;

/// <summary>Stable action names in the audit log.</summary>
public static class AuditActions
{
    public const string View = "view";
    public const string List = "list";
    public const string Create = "create";
    public const string Update = "update";
    public const string ConsentRecord = "consent-record";
    public const string ConsentWithdraw = "consent-withdraw";
    public const string AccessHistoryView = "access-history-view";
    public const string AssignmentAdd = "assignment-add";
    public const string AssignmentRemove = "assignment-remove";
    public const string MatchChoice = "match-choice";
    public const string TrajectoryStep = "trajectory-step";
    public const string PlanClose = "plan-close";
    public const string FollowUpDone = "follow-up-done";
    public const string DailyContactArrangementView = "daily-contact-arrangement-view";
    public const string DailyContactArrangementSave = "daily-contact-arrangement-save";
    public const string DailyContactSlotView = "daily-contact-slot-view";
    public const string DailyContactConfirm = "daily-contact-confirm";
    public const string DailyContactResolve = "daily-contact-resolve";
    public const string DailyContactLinkIssue = "daily-contact-link-issue";
    public const string DailyContactLinkRevoke = "daily-contact-link-revoke";
    public const string DailyContactLinkRenew = "daily-contact-link-renew";
    public const string DailyContactDashboardView = "daily-contact-dashboard-view";
    public const string DailyContactFollowUpHandled = "daily-contact-follow-up-handled";
    public const string DailyContactCoverageView = "daily-contact-coverage-view";
    public const string CatalogueSeed = "catalogue-seed";
    public const string CatalogueCreate = "catalogue-create";
    public const string CatalogueUpdate = "catalogue-update";
    public const string CatalogueRetire = "catalogue-retire";
    public const string CatalogueLoad = "catalogue-load";
    public const string WeightsChange = "weights-change";
    public const string WeightsReset = "weights-reset";
}

/// <summary>
/// Writes audit entries in the same transaction as the data change (or right after a read, failing
/// the read when the write fails). Entries form a hash chain; when two writers race for the next
/// sequence number, the loser rolls back and retries with the new chain head.
/// </summary>
public sealed class AuditLog(KonvooiDbContext db, CurrentActor actor, TimeProvider time)
{
    private const int MaxAttempts = 10;
    private readonly List<Pending> _pending = [];

    public void Add(string action, string entityType, IEnumerable<Guid> recordIds, Guid? personId)
    {
        ArgumentNullException.ThrowIfNull(recordIds);
        _pending.Add(new Pending(action, entityType, string.Join(',', recordIds.Select(id => id.ToString("D"))), personId, null));
    }

    public void Add(string action, string entityType, Guid recordId, Guid? personId) =>
        Add(action, entityType, [recordId], personId);

    /// <summary>
    /// An entry in another organisation's audit trail for something the actor did to it, e.g. the receiving side of
    /// a forwarded signal: the user and role stay the actor's, the organisation is <paramref name="organisationId"/>.
    /// </summary>
    public void AddForOrganisation(Guid organisationId, string action, string entityType, Guid recordId) =>
        _pending.Add(new Pending(action, entityType, recordId.ToString("D"), null, organisationId));

    /// <summary>Saves pending data changes and audit entries atomically.</summary>
    /// <exception cref="DbUpdateConcurrencyException">A tracked entity was changed by someone else.</exception>
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var head = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var sequence = head?.Sequence ?? 0;
            var previousHash = head?.Hash ?? AuditChain.Genesis;
            var now = AuditChain.Truncate(time.GetUtcNow().UtcDateTime);
            var entries = new List<AuditEntry>(_pending.Count);
            foreach (var pending in _pending)
            {
                var entry = new AuditEntry
                {
                    Sequence = ++sequence,
                    OccurredAtUtc = now,
                    UserId = actor.UserId,
                    Role = actor.Role?.ToString() ?? "system",
                    OrganisationId = pending.OrganisationId ?? actor.OrganisationId,
                    Action = pending.Action,
                    EntityType = pending.EntityType,
                    RecordIds = pending.RecordIds,
                    PersonId = pending.PersonId,
                    PreviousHash = previousHash,
                    Hash = string.Empty,
                };
                entry.Hash = AuditChain.ComputeHash(entry);
                previousHash = entry.Hash;
                entries.Add(entry);
            }

            db.AuditEntries.AddRange(entries);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                _pending.Clear();
                return;
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && attempt < MaxAttempts)
            {
                // Most likely another writer took the same sequence number: retry on the new head.
                foreach (var entry in entries)
                {
                    db.Entry(entry).State = EntityState.Detached;
                }

                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(Random.Shared.Next(5, 25) * attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private sealed record Pending(string Action, string EntityType, string RecordIds, Guid? PersonId, Guid? OrganisationId);
}
