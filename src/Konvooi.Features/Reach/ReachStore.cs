using Konvooi.Domain.Reach;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Reach;

/// <summary>The audit action names of reach against need.</summary>
public static class ReachAuditActions
{
    public const string ReportView = "reach-report-view";
    public const string FiguresImport = "reach-figures-import";
    public const string FiguresFromMonitor = "reach-figures-from-monitor";
    public const string PopulationImport = "reach-population-import";

    /// <summary>The entity type of a report view (the record is the organisation or the coalition).</summary>
    public const string ReportEntity = "ReachReport";
}

/// <summary>
/// Stores figure and population tables. <see cref="WriteFiguresAsync"/> is also the seam for the web monitor: a saved
/// monitor analysis with wijk estimates writes its figures here with <see cref="FigureTableSource.MonitorAnalysis"/>
/// and the analysis id as reference, and the reach page offers them beside the imported tables (docs/reach.md).
/// </summary>
public sealed class ReachStore(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
{
    /// <summary>The actor's coalition id, or null when the actor has no organisation.</summary>
    public async Task<Guid?> CoalitionIdAsync(CancellationToken cancellationToken) =>
        actor.OrganisationId is not { } organisationId ? null
        : await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => (Guid?)o.CoalitionId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The wijk codes of the coalition's wijk list.</summary>
    public Task<List<string>> WijkCodesAsync(Guid coalitionId, CancellationToken cancellationToken) =>
        db.Wijken.AsNoTracking().Where(w => w.CoalitionId == coalitionId).Select(w => w.Code).ToListAsync(cancellationToken);

    /// <summary>The coalition's wijk list as a lookup from code or name to code (<see cref="WijkAssignment.Lookup"/>).</summary>
    public async Task<IReadOnlyDictionary<string, string>> WijkLookupAsync(Guid coalitionId, CancellationToken cancellationToken)
    {
        var wijken = await db.Wijken.AsNoTracking().Where(w => w.CoalitionId == coalitionId).Select(w => new { w.Code, w.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return WijkAssignment.Lookup(wijken.Select(w => (w.Code, w.Name)));
    }

    /// <summary>Stores a new figure table for the coalition (validated rows only) with an audit entry; returns its id.</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public async Task<Guid> WriteFiguresAsync(Guid coalitionId, string name, FigureTableSource source, string? reference, IReadOnlyList<FigureRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new ReachFigureTable
        {
            Id = Guid.NewGuid(),
            CoalitionId = coalitionId,
            Name = Trim(name, 200),
            Source = source,
            SourceReference = reference is null ? null : Trim(reference, 200),
            CreatedById = actor.UserId ?? Guid.Empty,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            Rows = rows.Select(r => new ReachFigureRow { Id = Guid.NewGuid(), WijkCode = r.WijkCode, Indicator = r.Indicator, Estimate = r.Estimate, CiLow = r.CiLow, CiHigh = r.CiHigh }).ToList(),
        };
        db.ReachFigureTables.Add(table);
        audit.Add(source == FigureTableSource.Import ? ReachAuditActions.FiguresImport : ReachAuditActions.FiguresFromMonitor, nameof(ReachFigureTable), table.Id, personId: null);
        await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return table.Id;
    }

    /// <summary>Stores a new population table for the coalition with an audit entry; returns its id.</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public async Task<Guid> WritePopulationAsync(Guid coalitionId, string name, IReadOnlyList<PopulationRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new ReachPopulationTable
        {
            Id = Guid.NewGuid(),
            CoalitionId = coalitionId,
            Name = Trim(name, 200),
            CreatedById = actor.UserId ?? Guid.Empty,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            Rows = rows.Select(r => new ReachPopulationRow { Id = Guid.NewGuid(), WijkCode = r.WijkCode, AgeGroup = r.AgeGroup, Residents = r.Residents }).ToList(),
        };
        db.ReachPopulationTables.Add(table);
        audit.Add(ReachAuditActions.PopulationImport, nameof(ReachPopulationTable), table.Id, personId: null);
        await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return table.Id;
    }

    private static string Trim(string text, int max)
    {
        var trimmed = text.Trim();
        return trimmed.Length > max ? trimmed[..max] : trimmed;
    }
}
