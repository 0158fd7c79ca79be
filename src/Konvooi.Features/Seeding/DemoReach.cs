using Konvooi.Domain.Common;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;

namespace Konvooi.Features.Seeding;

/// <summary>
/// Reach against need for the demo coalition (docs/reach.md): a fictional figure table and population table for the
/// demo wijken, and a consent for monitor aggregates for most demo people (a few are left out, so the page shows that
/// people without that consent do not count). All figures are invented.
/// </summary>
public static partial class DemoData
{
    /// <summary>Fictional survey figures per demo wijk: eenzaam (DJG-11 ≥ 3) and ernstig eenzaam (≥ 9), percentages with a 95 % interval.</summary>
    public static IReadOnlyList<(string WijkCode, string Indicator, double Estimate, double CiLow, double CiHigh)> DemoFigures { get; } =
    [
        ("WK999900", "eenzaam", 52.4, 47.9, 56.8), ("WK999900", "ernstig_eenzaam", 13.1, 10.2, 16.4),
        ("WK999901", "eenzaam", 47.0, 42.1, 51.9), ("WK999901", "ernstig_eenzaam", 10.4, 7.8, 13.5),
        ("WK999902", "eenzaam", 44.6, 39.5, 49.8), ("WK999902", "ernstig_eenzaam", 9.2, 6.6, 12.3),
        ("WK999903", "eenzaam", 49.8, 44.0, 55.6), ("WK999903", "ernstig_eenzaam", 12.0, 8.7, 15.9),
        ("WK999904", "eenzaam", 41.3, 36.2, 46.5), ("WK999904", "ernstig_eenzaam", 8.1, 5.7, 11.1),
    ];

    /// <summary>Fictional residents per demo wijk: all ages and 18+.</summary>
    public static IReadOnlyList<(string WijkCode, string AgeGroup, int Residents)> DemoPopulation { get; } =
    [
        ("WK999900", "totaal", 8450), ("WK999900", "18+", 7120),
        ("WK999901", "totaal", 6210), ("WK999901", "18+", 4980),
        ("WK999902", "totaal", 7340), ("WK999902", "18+", 5890),
        ("WK999903", "totaal", 3920), ("WK999903", "18+", 3350),
        ("WK999904", "totaal", 5105), ("WK999904", "18+", 3870),
    ];

    private static async Task SeedReachAsync(
        KonvooiDbContext db,
        AuditLog audit,
        Guid coalitionId,
        List<Person> people,
        Dictionary<string, Guid> userIds,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DutchDate.Today(time);
        var analyst = userIds["analist@welzijn.example"];
        for (var i = 0; i < people.Count; i++)
        {
            // Every sixth person was not asked (left out of the counts). The web tests record this consent on the first
            // Welzijn person without a responsible professional (Bauke, i = 25), so that one stays without it.
            if (i % 6 == 1)
            {
                continue;
            }

            var person = people[i];
            var consent = new Consent
            {
                Id = Guid.NewGuid(),
                PersonId = person.Id,
                OrganisationId = person.OrganisationId,
                Purpose = ConsentPurpose.MonitorAggregates,
                GivenOn = today.AddMonths(-6),
                RecordedById = userIds[person.OrganisationId == people[0].OrganisationId ? "coordinator@welzijn.example" : "coordinator@zorg.example"],
                RecordedAtUtc = now,
                Version = 1,
            };
            db.Consents.Add(consent);
            audit.Add(AuditActions.Create, nameof(Consent), consent.Id, person.Id);
        }

        var figures = new ReachFigureTable
        {
            Id = Guid.NewGuid(),
            CoalitionId = coalitionId,
            Name = "Gezondheidsmonitor 2024, schatting per wijk (fictief)",
            Source = FigureTableSource.Import,
            CreatedById = analyst,
            CreatedAtUtc = now,
            Rows = DemoFigures.Select(f => new ReachFigureRow { Id = Guid.NewGuid(), WijkCode = f.WijkCode, Indicator = f.Indicator, Estimate = f.Estimate, CiLow = f.CiLow, CiHigh = f.CiHigh }).ToList(),
        };
        var population = new ReachPopulationTable
        {
            Id = Guid.NewGuid(),
            CoalitionId = coalitionId,
            Name = "Inwoners per wijk, 1 januari 2026 (fictief)",
            CreatedById = analyst,
            CreatedAtUtc = now,
            Rows = DemoPopulation.Select(p => new ReachPopulationRow { Id = Guid.NewGuid(), WijkCode = p.WijkCode, AgeGroup = p.AgeGroup, Residents = p.Residents }).ToList(),
        };
        db.ReachFigureTables.Add(figures);
        db.ReachPopulationTables.Add(population);
        audit.Add(Reach.ReachAuditActions.FiguresImport, nameof(ReachFigureTable), figures.Id, personId: null);
        audit.Add(Reach.ReachAuditActions.PopulationImport, nameof(ReachPopulationTable), population.Id, personId: null);
        await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
