using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.Reach;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Reach;

/// <summary>
/// Reach against need (<c>/Reach</c>, docs/reach.md): per wijk Konvooi's own counts (registered, measured, lonely by the
/// latest DJG level per instrument, with an open plan, with daily contact) beside the survey prevalence of a figure table
/// and the estimated lonely residents (prevalence × population). Aggregates only, small cells suppressed as in the daily
/// contact coverage report. People without an active consent for monitor aggregates are left out and counted. An analyst
/// sees the coalition; a coordinator their organisation, and a coordinator of the lead organisation may choose the coalition.
/// </summary>
public static class GetReachReport
{
    public enum ReachScope
    {
        Organisation,
        Coalition,
    }

    /// <summary>The form: the figure table, indicator and population age group (each optional: the latest table, <c>eenzaam</c> or the first indicator, <c>totaal</c>).</summary>
    public sealed record Query(Guid? FigureTableId = null, string? Indicator = null, string? AgeGroup = null, ReachScope? Scope = null);

    public sealed record TableInfo(Guid Id, string Name, FigureTableSource Source, DateTime CreatedAtUtc);

    public sealed record Result(
        ReachScope Scope,
        bool CanChooseScope,
        bool CanImport,
        string ScopeName,
        DateOnly Today,
        IReadOnlyDictionary<string, string> WijkNames,
        IReadOnlyList<TableInfo> FigureTables,
        TableInfo? FigureTable,
        IReadOnlyList<string> Indicators,
        string? Indicator,
        TableInfo? PopulationTable,
        IReadOnlyList<string> AgeGroups,
        string? AgeGroup,
        int LeftOutWithoutConsent,
        ReachReportResult Report)
    {
        /// <summary>The display name of a wijk code (or "Onbekend", or the total).</summary>
        public string WijkName(string code) => WijkNames.TryGetValue(code, out var name) ? name : code;
    }

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Computed(Result Result) : Outcome;

        public sealed record Forbidden : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, ReachFacts facts, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            if (!actor.Has(Permissions.CanReadReach) || actor.OrganisationId is not { } organisationId || actor.Role is not { } role)
            {
                return new Outcome.Forbidden();
            }

            var organisation = await db.Organisations.AsNoTracking()
                .Where(o => o.Id == organisationId)
                .Select(o => new { o.Name, o.CoalitionId, CoalitionName = o.Coalition!.Name, o.Coalition.LeadOrganisationId })
                .SingleAsync(cancellationToken).ConfigureAwait(false);
            var coalitionId = organisation.CoalitionId;
            var canChoose = role == Role.Coordinator && organisation.LeadOrganisationId == organisationId;
            var scope = role == Role.Analyst ? ReachScope.Coalition
                : canChoose && query.Scope == ReachScope.Coalition ? ReachScope.Coalition
                : ReachScope.Organisation;

            var wijken = await db.Wijken.AsNoTracking().Where(w => w.CoalitionId == coalitionId).OrderBy(w => w.Code)
                .Select(w => new { w.Code, w.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
            var wijkNames = wijken.ToDictionary(w => w.Code, w => w.Name, StringComparer.Ordinal);
            wijkNames[WijkAssignment.Unknown] = WijkAssignment.Unknown;
            wijkNames[ReachReport.TotalLabel] = ReachReport.TotalLabel;

            var figureTables = await db.ReachFigureTables.AsNoTracking().Where(t => t.CoalitionId == coalitionId)
                .OrderByDescending(t => t.CreatedAtUtc)
                .Select(t => new TableInfo(t.Id, t.Name, t.Source, t.CreatedAtUtc))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var figureTable = figureTables.FirstOrDefault(t => t.Id == query.FigureTableId) ?? figureTables.FirstOrDefault();
            var figures = figureTable is null ? [] : await db.ReachFigureRows.AsNoTracking().Where(r => r.TableId == figureTable.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var indicators = figures.Select(f => f.Indicator).Distinct().Order(StringComparer.Ordinal).ToList();
            var indicator = indicators.FirstOrDefault(i => i == query.Indicator?.Trim().ToLowerInvariant())
                ?? indicators.FirstOrDefault(i => i == "eenzaam")
                ?? indicators.FirstOrDefault();
            var survey = figures.Where(f => f.Indicator == indicator)
                .ToDictionary(f => f.WijkCode, f => new Prevalence(f.Estimate, f.CiLow, f.CiHigh), StringComparer.Ordinal);

            var populationTable = await db.ReachPopulationTables.AsNoTracking().Where(t => t.CoalitionId == coalitionId)
                .OrderByDescending(t => t.CreatedAtUtc)
                .Select(t => new TableInfo(t.Id, t.Name, FigureTableSource.Import, t.CreatedAtUtc))
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var population = populationTable is null ? [] : await db.ReachPopulationRows.AsNoTracking().Where(r => r.TableId == populationTable.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var ageGroups = population.Select(p => p.AgeGroup).Distinct().OrderBy(a => a == PopulationTable.Total ? 0 : 1).ThenBy(a => a, StringComparer.Ordinal).ToList();
            var requestedAge = PopulationTable.NormaliseAgeGroup(query.AgeGroup);
            var ageGroup = ageGroups.FirstOrDefault(a => a == requestedAge) ?? ageGroups.FirstOrDefault();
            var residents = population.Where(p => p.AgeGroup == ageGroup).ToDictionary(p => p.WijkCode, p => p.Residents, StringComparer.Ordinal);

            var organisationIds = scope == ReachScope.Coalition
                ? await db.Organisations.AsNoTracking().Where(o => o.CoalitionId == coalitionId).Select(o => o.Id).ToListAsync(cancellationToken).ConfigureAwait(false)
                : [organisationId];
            var today = DutchDate.Today(time);
            var rows = await facts.PeopleAsync(organisationIds, today, cancellationToken).ConfigureAwait(false);
            var lookup = WijkAssignment.Lookup(wijken.Select(w => (w.Code, w.Name)));
            var people = rows.Where(r => r.HasMonitorConsent)
                .Select(r => new ReachPerson(WijkAssignment.CodeFor(r.Wijk, lookup), r.LatestDjgInstrument, r.LatestDjgLevel, r.HasOpenPlan, r.HasDailyContact));
            var report = ReachReport.Build(people, wijken.Select(w => w.Code).ToList(), survey, residents, Domain.DailyContact.Coverage.DefaultMinCellSize);

            // Aggregates only: one entry, with the organisation or coalition as the record, says who looked at the figures.
            audit.Add(ReachAuditActions.ReportView, ReachAuditActions.ReportEntity, scope == ReachScope.Coalition ? coalitionId : organisationId, personId: null);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            return new Outcome.Computed(new Result(
                scope,
                canChoose,
                Permissions.CanImportReachTables(role),
                scope == ReachScope.Coalition ? organisation.CoalitionName : organisation.Name,
                today,
                wijkNames,
                figureTables,
                figureTable,
                indicators,
                indicator,
                populationTable,
                ageGroups,
                ageGroup,
                rows.Count(r => !r.HasMonitorConsent),
                report));
        }
    }
}
