using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Referrals;

/// <summary>
/// The only reads of the referrals slice that bypass the signal query filter (on the reviewed allow-list in
/// SchemaTests). The filter shows a signal to the receiving organisation's coordinators, its assigned professional and
/// its sender; the FHIR exchange needs more, for a reason the filter cannot express:
/// <list type="bullet">
/// <item>the export hands the whole coalition's signals to another system, so a coordinator of the lead organisation
/// (penvoerder) reads the signals that every organisation of the coalition received or sent;</item>
/// <item>the import recognises a signal imported before by anyone in the coalition (it may have been routed to
/// another organisation, or imported by a colleague), so it reads the idempotency keys of imported signals — the
/// keys only, nothing about the person.</item>
/// </list>
/// Both methods narrow the rows to one coalition; the callers (<see cref="ExportReferrals"/>, <see cref="ImportReferrals"/>)
/// first check that the actor is a coordinator of that coalition's lead organisation.
/// </summary>
public sealed class CoalitionSignals(KonvooiDbContext db)
{
    /// <summary>Every signal of the coalition received on or after <paramref name="since"/>, oldest first, untracked.</summary>
    public Task<List<SignalRecord>> ReceivedSinceAsync(Guid coalitionId, DateOnly since, CancellationToken cancellationToken) =>
        db.Signals.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.CoalitionId == coalitionId && s.ReceivedOn >= since)
            .OrderBy(s => s.SubmittedAtUtc).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Which of <paramref name="keys"/> belong to a signal imported into the coalition before.</summary>
    public async Task<HashSet<Guid>> ImportedKeysAsync(Guid coalitionId, IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        var list = keys.ToList();
        var found = await db.Signals.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.CoalitionId == coalitionId && s.Source == SignalSource.Import && list.Contains(s.IdempotencyKey))
            .Select(s => s.IdempotencyKey)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return found.ToHashSet();
    }
}
