using Konvooi.Domain.Access;
using Konvooi.Domain.Reach;
using Konvooi.Features.Data;
using Konvooi.Features.Monitor;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Reach;

/// <summary>
/// Writes the wijk estimates of a finished monitor run as a figure table for reach against need (analysts; docs/reach.md,
/// "Figures from a monitor analysis"). The run must be the organisation's; the wijk values are matched to the
/// coalition's wijk list; all or nothing, with every problem listed. The table's reference is the saved analysis the
/// run belongs to, or else the run.
/// </summary>
public static class FiguresFromMonitor
{
    /// <summary>A table of the result that can feed reach: its position, the wijk variable, the other variables' values.</summary>
    public sealed record Candidate(int TableIndex, IReadOnlyList<string> Variables, int WijkVariable, IReadOnlyDictionary<string, IReadOnlyList<string>> OtherValues, IReadOnlyList<string> Indicators);

    public sealed record Offer(Guid JobId, string Title, IReadOnlyList<Candidate> Candidates);

    public sealed record Command(Guid JobId, int TableIndex, IReadOnlyDictionary<string, string> Fixed, IReadOnlyList<string> Indicators, string? Name);

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Written(Guid TableId, int Rows, IReadOnlyList<string> Skipped) : Outcome;

        public sealed record Refused(IReadOnlyList<string> Problems) : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Forbidden : Outcome;
    }

    /// <summary>The cells of one monitor table in the form the domain rule takes.</summary>
    public static IReadOnlyList<MonitorFigures.Cell> Cells(MonitorTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [.. table.Rows.Select(r => new MonitorFigures.Cell(r.Values, r.Indicator, r.Estimate, r.CiLow, r.CiHigh, r.Suppressed))];
    }

    /// <summary>The tables of <paramref name="result"/> with a wijk variable, and their proportion indicators.</summary>
    public static IReadOnlyList<Candidate> Candidates(MonitorResult result, IReadOnlyDictionary<string, string> wijkLookup)
    {
        ArgumentNullException.ThrowIfNull(result);
        var proportions = result.Indicators.Where(i => i.IsProportion).Select(i => i.Name).ToList();
        var candidates = new List<Candidate>();
        if (proportions.Count == 0)
        {
            return candidates;
        }

        for (var t = 0; t < result.Tables.Count; t++)
        {
            var table = result.Tables[t];
            if (MonitorFigures.WijkVariable(table.Variables, Cells(table), wijkLookup) is not { } wijk)
            {
                continue;
            }

            var others = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            for (var v = 0; v < table.Variables.Count; v++)
            {
                if (v != wijk)
                {
                    others[table.Variables[v]] = [.. table.Rows.Select(r => r.Values[v]).Distinct(StringComparer.Ordinal)];
                }
            }

            candidates.Add(new Candidate(t, table.Variables, wijk, others, proportions));
        }

        return candidates;
    }

    public sealed class Handler(KonvooiDbContext db, ReachStore store, CurrentActor actor)
    {
        /// <summary>What the run offers for reach, or null when the actor may not write figure tables or the run is not a finished one of theirs.</summary>
        public async Task<Offer?> OfferAsync(Guid jobId, CancellationToken cancellationToken)
        {
            if (await LoadAsync(jobId, cancellationToken).ConfigureAwait(false) is not var (job, result, coalitionId, title))
            {
                return null;
            }

            return new Offer(job.Id, title, Candidates(result, await store.WijkLookupAsync(coalitionId, cancellationToken).ConfigureAwait(false)));
        }

        public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            if (!Allowed)
            {
                return new Outcome.Forbidden();
            }

            if (await LoadAsync(command.JobId, cancellationToken).ConfigureAwait(false) is not var (job, result, coalitionId, title))
            {
                return new Outcome.NotFound();
            }

            var lookup = await store.WijkLookupAsync(coalitionId, cancellationToken).ConfigureAwait(false);
            if (lookup.Count == 0)
            {
                return new Outcome.Refused(["De coalitie heeft nog geen wijkenlijst. Vraag de coördinator van de penvoerder om die eerst te uploaden."]);
            }

            var candidate = Candidates(result, lookup).FirstOrDefault(c => c.TableIndex == command.TableIndex);
            if (candidate is null)
            {
                return new Outcome.Refused(["Deze tabel heeft geen kolom met wijken van de wijkenlijst."]);
            }

            var proportions = candidate.Indicators.ToHashSet(StringComparer.Ordinal);
            var notProportions = command.Indicators.Where(i => !proportions.Contains(i)).ToList();
            if (notProportions.Count > 0)
            {
                return new Outcome.Refused([.. notProportions.Select(i => $"‘{i}’ is geen percentage en kan niet naar Bereik en behoefte.")]);
            }

            var table = result.Tables[command.TableIndex];
            var outcome = MonitorFigures.Build(table.Variables, Cells(table), new MonitorFigures.Choice(candidate.WijkVariable, command.Fixed, command.Indicators), lookup);
            if (outcome.Problems.Count > 0)
            {
                return new Outcome.Refused(outcome.Problems);
            }

            var name = string.IsNullOrWhiteSpace(command.Name)
                ? title + string.Concat(command.Fixed.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $", {f.Key} {f.Value}"))
                : command.Name;
            var reference = job.AnalysisId is { } analysisId ? $"analysis:{analysisId:D}" : $"job:{job.Id:D}";
            var tableId = await store.WriteFiguresAsync(coalitionId, name, FigureTableSource.MonitorAnalysis, reference, outcome.Rows, cancellationToken).ConfigureAwait(false);
            return new Outcome.Written(tableId, outcome.Rows.Count, outcome.Skipped);
        }

        private bool Allowed => actor.Has(Permissions.CanImportReachTables) && actor.Has(MonitorAccess.CanManage);

        private async Task<(MonitorJob Job, MonitorResult Result, Guid CoalitionId, string Title)?> LoadAsync(Guid jobId, CancellationToken cancellationToken)
        {
            if (!Allowed || await store.CoalitionIdAsync(cancellationToken).ConfigureAwait(false) is not { } coalitionId)
            {
                return null;
            }

            // The query filter keeps the run to the actor's organisation.
            var row = await (from j in db.MonitorJobs.AsNoTracking()
                             join f in db.MonitorFiles.AsNoTracking() on j.FileId equals f.Id
                             where j.Id == jobId && j.Status == MonitorJobStatus.Done && j.ResultJson != null
                             select new { Job = j, f.DatasetName, AnalysisName = db.MonitorAnalyses.Where(a => a.Id == j.AnalysisId).Select(a => a.Name).FirstOrDefault() })
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return row is null ? null : (row.Job, MonitorResult.FromJson(row.Job.ResultJson!), coalitionId, row.AnalysisName ?? row.DatasetName);
        }
    }
}
