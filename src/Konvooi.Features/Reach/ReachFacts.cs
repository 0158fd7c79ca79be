using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Reach;

/// <summary>
/// The only read of the reach slice that bypasses the person query filters (on the reviewed allow-list in SchemaTests):
/// an analyst may open no person record, and a coordinator only their own organisation's, yet reach against need counts
/// the people of the coalition (aggregated, small cells suppressed). The method narrows the rows itself to the given
/// organisations and projects only what the report needs: the free-text wijk, whether the monitor consent is active, the
/// latest DJG instrument and level, an open plan and an active daily contact arrangement. No name, no address, no id
/// leaves the query.
/// </summary>
public sealed class ReachFacts(KonvooiDbContext db)
{
    /// <summary>One person as the report reads them.</summary>
    public sealed record Row(string? Wijk, bool HasMonitorConsent, string? LatestDjgInstrument, string? LatestDjgLevel, bool HasOpenPlan, bool HasDailyContact);

    /// <summary>Every person of <paramref name="organisationIds"/>, as on <paramref name="today"/>.</summary>
    public Task<List<Row>> PeopleAsync(IReadOnlyCollection<Guid> organisationIds, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisationIds);
        var ids = organisationIds.ToList();
        return db.People.IgnoreQueryFilters().AsNoTracking()
            .Where(p => ids.Contains(p.OrganisationId))
            .Select(p => new Row(
                p.Wijk,
                db.Consents.Any(c => c.PersonId == p.Id && c.Purpose == ConsentPurpose.MonitorAggregates && c.GivenOn <= today && c.WithdrawnOn == null),
                db.Measurements
                    .Where(m => m.PersonId == p.Id && (m.InstrumentId == "djg11" || m.InstrumentId == "djg6") && m.LevelCode != null)
                    .OrderByDescending(m => m.AdministeredOn).ThenByDescending(m => m.RecordedAtUtc)
                    .Select(m => m.InstrumentId).FirstOrDefault(),
                db.Measurements
                    .Where(m => m.PersonId == p.Id && (m.InstrumentId == "djg11" || m.InstrumentId == "djg6") && m.LevelCode != null)
                    .OrderByDescending(m => m.AdministeredOn).ThenByDescending(m => m.RecordedAtUtc)
                    .Select(m => m.LevelCode).FirstOrDefault(),
                db.SupportPlans.Any(s => s.PersonId == p.Id && s.ClosedOn == null),
                db.DailyContactArrangements.Any(a => a.PersonId == p.Id && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))))
            .ToListAsync(cancellationToken);
    }
}
