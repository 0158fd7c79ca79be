using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Data;

/// <remarks>
/// Figure and population tables hold no person data: no query filter; the reach handlers scope every query to the
/// actor's coalition. Konvooi's own counts come from <c>Reach/ReachFacts</c>.
/// </remarks>
public sealed partial class KonvooiDbContext
{
    public DbSet<ReachFigureTable> ReachFigureTables => Set<ReachFigureTable>();
    public DbSet<ReachFigureRow> ReachFigureRows => Set<ReachFigureRow>();
    public DbSet<ReachPopulationTable> ReachPopulationTables => Set<ReachPopulationTable>();
    public DbSet<ReachPopulationRow> ReachPopulationRows => Set<ReachPopulationRow>();

    private static void ConfigureReach(ModelBuilder builder)
    {
        builder.Entity<ReachFigureTable>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.Source).HasConversion<string>().HasMaxLength(40);
            e.Property(t => t.SourceReference).HasMaxLength(200);
            e.HasOne<Coalition>().WithMany().HasForeignKey(t => t.CoalitionId);
            e.HasMany(t => t.Rows).WithOne().HasForeignKey(r => r.TableId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => new { t.CoalitionId, t.CreatedAtUtc });
        });

        builder.Entity<ReachFigureRow>(e =>
        {
            e.Property(r => r.WijkCode).HasMaxLength(8);
            e.Property(r => r.Indicator).HasMaxLength(60);
            e.HasIndex(r => new { r.TableId, r.WijkCode, r.Indicator }).IsUnique();
        });

        builder.Entity<ReachPopulationTable>(e =>
        {
            e.Property(t => t.Name).HasMaxLength(200);
            e.HasOne<Coalition>().WithMany().HasForeignKey(t => t.CoalitionId);
            e.HasMany(t => t.Rows).WithOne().HasForeignKey(r => r.TableId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(t => new { t.CoalitionId, t.CreatedAtUtc });
        });

        builder.Entity<ReachPopulationRow>(e =>
        {
            e.Property(r => r.WijkCode).HasMaxLength(8);
            e.Property(r => r.AgeGroup).HasMaxLength(30);
            e.HasIndex(r => new { r.TableId, r.WijkCode, r.AgeGroup }).IsUnique();
        });
    }
}
