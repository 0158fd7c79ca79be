using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Data;

public sealed partial class KonvooiDbContext
{
    public DbSet<MatchRun> MatchRuns => Set<MatchRun>();
    public DbSet<SupportPlanRecord> SupportPlans => Set<SupportPlanRecord>();
    public DbSet<SupportPlanVersionRecord> SupportPlanVersions => Set<SupportPlanVersionRecord>();
    public DbSet<TrajectoryRecord> Trajectories => Set<TrajectoryRecord>();
    public DbSet<FollowUpTaskRecord> FollowUpTasks => Set<FollowUpTaskRecord>();

    private void ConfigureSupport(ModelBuilder builder)
    {
        builder.Entity<MatchRun>(e =>
        {
            e.Property(m => m.RulesVersion).HasMaxLength(40);
            e.Property(m => m.CatalogueVersion).HasMaxLength(80);
            e.Property(m => m.WeightsVersion).HasMaxLength(80);
            e.Property(m => m.InputHash).HasMaxLength(64);
            e.Property(m => m.ChoiceReason).HasMaxLength(2000);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId);
            e.HasOne<ProfileSnapshot>().WithMany().HasForeignKey(m => m.ProfileSnapshotId);
            e.HasIndex(m => new { m.PersonId, m.ShownAtUtc });
            e.HasQueryFilter(m => ActorCanOpenPeople && m.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<SupportPlanRecord>(e =>
        {
            e.ToTable("SupportPlans");
            e.Property(p => p.CurrentVersion).IsConcurrencyToken();
            e.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId);
            e.HasOne<MatchRun>().WithMany().HasForeignKey(p => p.MatchRunId);
            e.HasIndex(p => new { p.OrganisationId, p.ResponsibleProfessionalId });
            e.HasIndex(p => p.PersonId);
            e.HasQueryFilter(p => ActorCanOpenPeople && p.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<SupportPlanVersionRecord>(e =>
        {
            e.ToTable("SupportPlanVersions");
            e.Property(v => v.ChangeNote).HasMaxLength(2000);
            e.HasOne<SupportPlanRecord>().WithMany().HasForeignKey(v => v.PlanId);
            e.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
            e.HasQueryFilter(v => ActorCanOpenPeople && v.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<TrajectoryRecord>(e =>
        {
            e.ToTable("Trajectories");
            e.Property(t => t.InterventionId).HasMaxLength(80);
            e.Property(t => t.State).HasMaxLength(20);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.HasOne<SupportPlanRecord>().WithMany().HasForeignKey(t => t.PlanId);
            e.HasIndex(t => new { t.OrganisationId, t.InterventionId });
            e.HasIndex(t => t.PersonId);
            e.HasQueryFilter(t => ActorCanOpenPeople && t.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<FollowUpTaskRecord>(e =>
        {
            e.ToTable("FollowUpTasks");
            e.Property(f => f.InterventionId).HasMaxLength(80);
            e.Property(f => f.Cause).HasMaxLength(20);
            e.Property(f => f.Reason).HasMaxLength(40);
            e.Property(f => f.DoneNote).HasMaxLength(2000);
            e.Property(f => f.Version).IsConcurrencyToken();
            e.HasOne<TrajectoryRecord>().WithOne().HasForeignKey<FollowUpTaskRecord>(f => f.Id);
            e.HasIndex(f => new { f.OrganisationId, f.ResponsibleProfessionalId, f.DoneOn });
            e.HasQueryFilter(f => ActorCanOpenPeople && f.OrganisationId == ActorOrganisationId);
        });
    }
}
