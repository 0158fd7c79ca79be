using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Data;

public sealed partial class KonvooiDbContext
{
    public DbSet<ProfessionalJudgementRecord> ProfessionalJudgements => Set<ProfessionalJudgementRecord>();
    public DbSet<SafetyFollowUpRecord> SafetyFollowUps => Set<SafetyFollowUpRecord>();
    public DbSet<ConvoyAlertRecord> ConvoyAlerts => Set<ConvoyAlertRecord>();

    private void ConfigureAssessment(ModelBuilder builder)
    {
        builder.Entity<ProfessionalJudgementRecord>(e =>
        {
            e.ToTable("ProfessionalJudgements");
            e.Property(j => j.Type).HasMaxLength(40);
            e.Property(j => j.Severity).HasMaxLength(40);
            e.Property(j => j.Reason).HasMaxLength(2000);
            e.Property(j => j.Version).IsConcurrencyToken();
            e.HasOne<Person>().WithMany().HasForeignKey(j => j.PersonId);
            e.HasIndex(j => j.PersonId).IsUnique();
            e.HasQueryFilter(j => ActorCanOpenPeople && j.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<SafetyFollowUpRecord>(e =>
        {
            e.ToTable("SafetyFollowUps");
            e.Property(f => f.AdviceCode).HasMaxLength(40);
            e.Property(f => f.Who).HasMaxLength(200);
            e.Property(f => f.Agreed).HasMaxLength(2000);
            e.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId);
            e.HasOne<ProfileSnapshot>().WithMany().HasForeignKey(f => f.ProfileSnapshotId);
            e.HasIndex(f => new { f.PersonId, f.AdviceCode });
            e.HasQueryFilter(f => ActorCanOpenPeople && f.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<ConvoyAlertRecord>(e =>
        {
            e.ToTable("ConvoyAlerts");
            e.Property(a => a.MemberName).HasMaxLength(60);
            e.Property(a => a.Change).HasMaxLength(20);
            e.Property(a => a.Reason).HasMaxLength(20);
            e.Property(a => a.HandledNote).HasMaxLength(2000);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
            e.HasOne<ConvoyMap>().WithMany().HasForeignKey(a => a.ConvoyMapId);
            e.HasIndex(a => new { a.OrganisationId, a.HandledOn });
            e.HasIndex(a => a.PersonId);
            e.HasQueryFilter(a => ActorCanOpenPeople && a.OrganisationId == ActorOrganisationId);
        });
    }
}
