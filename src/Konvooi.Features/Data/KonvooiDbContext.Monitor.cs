using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Data;

public sealed partial class KonvooiDbContext
{
    public DbSet<MonitorFile> MonitorFiles => Set<MonitorFile>();
    public DbSet<MonitorFileChunk> MonitorFileChunks => Set<MonitorFileChunk>();
    public DbSet<MonitorAnalysis> MonitorAnalyses => Set<MonitorAnalysis>();
    public DbSet<MonitorJob> MonitorJobs => Set<MonitorJob>();

    private void ConfigureMonitor(ModelBuilder builder)
    {
        builder.Entity<MonitorFile>(e =>
        {
            e.Property(f => f.FileName).HasMaxLength(200);
            e.Property(f => f.DatasetName).HasMaxLength(100);
            e.Property(f => f.Format).HasMaxLength(10);
            e.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId);
            e.HasIndex(f => new { f.OrganisationId, f.UploadedAtUtc });
            e.HasIndex(f => f.ExpiresAtUtc);
            e.HasQueryFilter(f => f.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<MonitorFileChunk>(e =>
        {
            e.HasKey(c => new { c.FileId, c.Index });
            e.HasOne<MonitorFile>().WithMany().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(c => c.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<MonitorAnalysis>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(100);
            e.Property(a => a.DatasetName).HasMaxLength(100);
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId);
            e.HasIndex(a => new { a.OrganisationId, a.Name }).IsUnique();
            e.HasQueryFilter(a => a.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<MonitorJob>(e =>
        {
            e.Property(j => j.Status).HasMaxLength(10);
            e.HasOne<Organisation>().WithMany().HasForeignKey(j => j.OrganisationId);
            e.HasOne<MonitorFile>().WithMany().HasForeignKey(j => j.FileId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<MonitorAnalysis>().WithMany().HasForeignKey(j => j.AnalysisId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(j => new { j.Status, j.CreatedAtUtc });
            e.HasQueryFilter(j => j.OrganisationId == ActorOrganisationId);
        });
    }
}
