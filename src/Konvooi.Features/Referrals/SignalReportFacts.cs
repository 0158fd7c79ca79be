using Konvooi.Domain.Referrals;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Referrals;

/// <summary>
/// The only read of the referral slices that bypasses the signal query filter (on the reviewed allow-list in
/// SchemaTests): an analyst may not open signals, and a coordinator sees only their own organisation's, yet the signal
/// reports count the coalition's signals (aggregated, small cells suppressed). The method narrows the rows itself to one
/// coalition (and optionally one receiving organisation) and projects only what the report needs: no name, no address,
/// no person id, no free text.
/// </summary>
public sealed class SignalReportFacts(KonvooiDbContext db)
{
    /// <summary>One signal as the report reads it.</summary>
    public sealed record Row(DateOnly ReceivedOn, SignalSource Source, Guid SourceOrganisationId, string? WijkCode, IntakeState State, IntakeCloseReason? CloseReason, DateOnly? FirstContactOn);

    /// <summary>
    /// Signals (not advice requests) of <paramref name="coalitionId"/> received from <paramref name="from"/> to
    /// <paramref name="to"/> inclusive; with <paramref name="receivingOrganisationId"/>, only those that organisation received.
    /// </summary>
    public Task<List<Row>> ReceivedAsync(Guid coalitionId, Guid? receivingOrganisationId, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        db.Signals.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.CoalitionId == coalitionId && s.Kind == SignalKind.Signal && s.ReceivedOn >= from && s.ReceivedOn <= to)
            .Where(s => receivingOrganisationId == null || s.ReceivingOrganisationId == receivingOrganisationId)
            .Select(s => new Row(s.ReceivedOn, s.Source, s.SourceOrganisationId, s.WijkCode, s.State, s.CloseReason, s.FirstContactOn))
            .ToListAsync(cancellationToken);
}
