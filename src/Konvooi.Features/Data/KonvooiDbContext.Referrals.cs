using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Data;

/// <remarks>
/// Signals are visible to the receiving organisation's coordinators, to the professional assigned to them, and to
/// the user who sent them (who reads only the status; the slice shows nothing clinical). Wijken and routing rules
/// are not person data: the handlers scope them to the actor's coalition.
/// </remarks>
public sealed partial class KonvooiDbContext
{
    public DbSet<Wijk> Wijken => Set<Wijk>();
    public DbSet<RoutingRuleRecord> RoutingRules => Set<RoutingRuleRecord>();
    public DbSet<RoutingChangeRecord> RoutingChanges => Set<RoutingChangeRecord>();
    public DbSet<SignalRecord> Signals => Set<SignalRecord>();
    public DbSet<SignalEventRecord> SignalEvents => Set<SignalEventRecord>();

    /// <summary>Adds one entry to a signal's history (the intake page shows it; a forward records both sides).</summary>
    public void AddSignalEvent(Guid signalId, string kind, DateTime occurredAtUtc, Guid actorId, Guid actorOrganisationId, string? note = null, Guid? from = null, Guid? to = null) =>
        SignalEvents.Add(new SignalEventRecord
        {
            Id = Guid.NewGuid(),
            SignalId = signalId,
            OccurredAtUtc = occurredAtUtc,
            ActorId = actorId,
            ActorOrganisationId = actorOrganisationId,
            Kind = kind,
            FromOrganisationId = from,
            ToOrganisationId = to,
            Note = note,
        });

    private void ConfigureReferrals(ModelBuilder builder)
    {
        builder.Entity<Wijk>(e =>
        {
            e.Property(w => w.Code).HasMaxLength(10);
            e.Property(w => w.Name).HasMaxLength(100);
            e.HasOne<Coalition>().WithMany().HasForeignKey(w => w.CoalitionId);
            e.HasIndex(w => new { w.CoalitionId, w.Code }).IsUnique();
        });

        builder.Entity<RoutingRuleRecord>(e =>
        {
            e.Property(r => r.WijkCode).HasMaxLength(10);
            e.HasOne<Coalition>().WithMany().HasForeignKey(r => r.CoalitionId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId);
            e.HasIndex(r => r.CoalitionId);
        });

        builder.Entity<Coalition>().Property(c => c.RoutingVersion).IsConcurrencyToken();

        builder.Entity<RoutingChangeRecord>(e =>
        {
            e.Property(c => c.Kind).HasMaxLength(40);
            e.Property(c => c.Before).HasMaxLength(4000);
            e.Property(c => c.After).HasMaxLength(4000);
            e.HasOne<Coalition>().WithMany().HasForeignKey(c => c.CoalitionId);
            e.HasIndex(c => new { c.CoalitionId, c.OccurredAtUtc });
        });

        builder.Entity<SignalRecord>(e =>
        {
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Source).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.RoutingBasis).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Urgency).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.CloseReason).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.CloseNote).HasMaxLength(500);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Address).HasMaxLength(300);
            e.Property(s => s.Postcode).HasMaxLength(10);
            e.Property(s => s.WijkCode).HasMaxLength(10);
            e.Property(s => s.Phone).HasMaxLength(30);
            e.Property(s => s.PreferredLanguage).HasMaxLength(50);
            e.Property(s => s.Signs).HasMaxLength(500);
            e.Property(s => s.Observation).HasMaxLength(2000);
            e.Property(s => s.PreferredApproach).HasMaxLength(300);
            e.Property(s => s.SharedFields).HasMaxLength(300);
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasOne<Coalition>().WithMany().HasForeignKey(s => s.CoalitionId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(s => s.ReceivingOrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(s => s.SourceOrganisationId);
            e.HasIndex(s => new { s.SubmittedById, s.IdempotencyKey }).IsUnique();
            e.HasIndex(s => new { s.ReceivingOrganisationId, s.State, s.Deadline });
            e.HasIndex(s => s.PersonId);
            // The receiver's coordinators (or its assigned professional), the submitter, and for a referral the
            // sender's organisation (ListPersonReferrals first checks that the actor may open the person).
            e.HasQueryFilter(s => ActorUserId != null
                && ((s.ReceivingOrganisationId == ActorOrganisationId && ActorCanOpenPeople && (ActorSeesAllPeople || s.AssignedProfessionalId == ActorUserId))
                    || s.SubmittedById == ActorUserId
                    || (s.Source == SignalSource.Referral && s.SourceOrganisationId == ActorOrganisationId && ActorCanOpenPeople)));
        });

        builder.Entity<SignalEventRecord>(e =>
        {
            e.Property(s => s.Kind).HasMaxLength(40);
            e.Property(s => s.Note).HasMaxLength(500);
            e.HasOne<SignalRecord>().WithMany().HasForeignKey(s => s.SignalId);
            e.HasIndex(s => new { s.SignalId, s.OccurredAtUtc });
        });
    }
}
