using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Data;

/// <remarks>
/// The coalition catalogue is not person data, so it has no global query filter: the catalogue
/// handlers scope every query to the actor's coalition themselves (see <c>CatalogueScope</c>).
/// </remarks>
public sealed partial class KonvooiDbContext
{
    public DbSet<CatalogueEntry> CatalogueEntries => Set<CatalogueEntry>();
    public DbSet<CatalogueEntryRevision> CatalogueEntryRevisions => Set<CatalogueEntryRevision>();
    public DbSet<MatchingWeightsRevision> MatchingWeightsRevisions => Set<MatchingWeightsRevision>();

    private static void ConfigureCatalogue(ModelBuilder builder)
    {
        builder.Entity<CatalogueEntry>(e =>
        {
            e.Property(c => c.Code).HasMaxLength(100);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasOne<Coalition>().WithMany().HasForeignKey(c => c.CoalitionId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.ProviderOrganisationId);
            e.HasIndex(c => new { c.CoalitionId, c.Code }).IsUnique();
            e.HasIndex(c => new { c.CoalitionId, c.IsRetired, c.Name });
            e.HasIndex(c => c.ProviderOrganisationId);
        });

        builder.Entity<CatalogueEntryRevision>(e =>
        {
            e.Property(c => c.Code).HasMaxLength(100);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Change).HasMaxLength(20);
            e.HasOne<CatalogueEntry>().WithMany().HasForeignKey(c => c.EntryId);
            e.HasIndex(c => new { c.EntryId, c.Version }).IsUnique();
            e.HasIndex(c => c.CoalitionId);
        });

        builder.Entity<MatchingWeightsRevision>(e =>
        {
            e.Property(w => w.Reason).HasMaxLength(500);
            e.HasOne<Organisation>().WithMany().HasForeignKey(w => w.OrganisationId);
            e.HasIndex(w => new { w.OrganisationId, w.Version }).IsUnique();
        });
    }
}
