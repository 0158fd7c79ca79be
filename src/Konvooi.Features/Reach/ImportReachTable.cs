using Konvooi.Domain.Access;
using Konvooi.Domain.Reach;
using Konvooi.Features.Data;
using Konvooi.Features.Security;

namespace Konvooi.Features.Reach;

/// <summary>
/// Uploads a figure table or a population table for reach against need (analysts; docs/reach.md). All or nothing:
/// any problem stores nothing, and every problem is listed with its line, column and reason. Wijk codes must be on the
/// coalition's wijk list.
/// </summary>
public static class ImportReachTable
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public enum Kind
    {
        Figures,
        Population,
    }

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Imported(Guid TableId, int Rows) : Outcome;

        public sealed record Refused(IReadOnlyList<TableProblem> Problems) : Outcome;

        public sealed record Forbidden : Outcome;
    }

    public sealed class Handler(ReachStore store, CurrentActor actor)
    {
        public async Task<Outcome> HandleAsync(Kind kind, string? name, byte[] file, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(file);
            if (!actor.Has(Permissions.CanImportReachTables) || await store.CoalitionIdAsync(cancellationToken).ConfigureAwait(false) is not { } coalitionId)
            {
                return new Outcome.Forbidden();
            }

            if (file.Length > MaxBytes)
            {
                return new Outcome.Refused([new TableProblem(null, null, "Het bestand is groter dan 2 MB.")]);
            }

            var codes = await store.WijkCodesAsync(coalitionId, cancellationToken).ConfigureAwait(false);
            if (codes.Count == 0)
            {
                return new Outcome.Refused([new TableProblem(null, null, "De coalitie heeft nog geen wijkenlijst. Vraag de coördinator van de penvoerder om die eerst te uploaden.")]);
            }

            var title = string.IsNullOrWhiteSpace(name) ? (kind == Kind.Figures ? "Cijfertabel" : "Bevolkingstabel") : name;
            if (kind == Kind.Figures)
            {
                var (rows, problems) = FigureTable.Parse(file, codes);
                return problems.Count > 0 ? new Outcome.Refused(problems)
                    : new Outcome.Imported(await store.WriteFiguresAsync(coalitionId, title, FigureTableSource.Import, null, rows, cancellationToken).ConfigureAwait(false), rows.Count);
            }

            var (population, populationProblems) = PopulationTable.Parse(file, codes);
            return populationProblems.Count > 0 ? new Outcome.Refused(populationProblems)
                : new Outcome.Imported(await store.WritePopulationAsync(coalitionId, title, population, cancellationToken).ConfigureAwait(false), population.Count);
        }
    }
}
