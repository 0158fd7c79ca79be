using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Data;

public sealed partial class KonvooiDbContext
{
    public DbSet<DailyContactArrangement> DailyContactArrangements => Set<DailyContactArrangement>();
    public DbSet<DailyContactSlot> DailyContactSlots => Set<DailyContactSlot>();
    public DbSet<DailyContactToken> DailyContactTokens => Set<DailyContactToken>();
    public DbSet<DailyContactConfirmation> DailyContactConfirmations => Set<DailyContactConfirmation>();

    private void ConfigureDailyContact(ModelBuilder builder)
    {
        builder.Entity<DailyContactArrangement>(e =>
        {
            e.ToTable("DailyContactArrangements");
            e.Property(a => a.ContactPreferences).HasMaxLength(500);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId);
            e.HasIndex(a => a.PersonId);
            e.HasIndex(a => new { a.OrganisationId, a.StartDate });
            e.HasQueryFilter(a => ActorCanOpenPeople && a.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<DailyContactSlot>(e =>
        {
            e.ToTable("DailyContactSlots");
            e.Property(s => s.Reference).HasMaxLength(60);
            e.Property(s => s.Status).HasMaxLength(20);
            e.Property(s => s.LastStep).IsConcurrencyToken();
            e.Property(s => s.Version).IsConcurrencyToken();
            e.HasOne<DailyContactArrangement>().WithMany().HasForeignKey(s => s.ArrangementId);
            e.HasIndex(s => new { s.ArrangementId, s.LocalDate }).IsUnique();
            e.HasIndex(s => s.Reference).IsUnique();
            e.HasIndex(s => new { s.IsClosed, s.StartUtc });
            e.HasIndex(s => new { s.OrganisationId, s.LocalDate });
            e.HasIndex(s => s.ContactId);
            // Volunteers see their own slots (and the slot they were asked to look in on), nothing else.
            e.HasQueryFilter(s => s.OrganisationId == ActorOrganisationId
                && (ActorCanOpenPeople || s.ContactId == ActorUserId || (s.SecondContactId == ActorUserId && s.LastStep >= 2)));
        });

        builder.Entity<DailyContactToken>(e =>
        {
            e.ToTable("DailyContactTokens");
            e.Property(t => t.Purpose).HasMaxLength(40);
            e.Property(t => t.Hash).HasMaxLength(64);
            e.HasIndex(t => t.Hash).IsUnique();
            e.HasIndex(t => new { t.ContactId, t.Purpose });
            // A volunteer reads the rows of their own links (no token, only the hash and the dates) to be warned before
            // their calendar link expires.
            e.HasQueryFilter(t => (ActorCanOpenPeople || t.ContactId == ActorUserId) && t.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<DailyContactConfirmation>(e =>
        {
            e.ToTable("DailyContactConfirmations");
            e.Property(c => c.Note).HasMaxLength(500);
            e.Property(c => c.Signals).HasMaxLength(100);
            e.HasOne<DailyContactSlot>().WithOne().HasForeignKey<DailyContactConfirmation>(c => c.SlotId);
            e.HasIndex(c => c.SlotId).IsUnique();
            e.HasIndex(c => new { c.PersonId, c.LocalDate });
            e.HasIndex(c => new { c.OrganisationId, c.HasSignals, c.FollowUpHandled });
            e.HasQueryFilter(c => ActorCanOpenPeople && c.OrganisationId == ActorOrganisationId);
        });
    }
}
