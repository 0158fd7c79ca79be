using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Data;

public sealed partial class KonvooiDbContext
{
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    private void ConfigureOutbox(ModelBuilder builder)
    {
        builder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("Outbox");
            e.Property(m => m.ActionKey).HasMaxLength(120);
            e.Property(m => m.Topic).HasMaxLength(40);
            e.Property(m => m.Subject).HasMaxLength(60);
            e.Property(m => m.Reason).HasMaxLength(40);
            e.Property(m => m.LastError).HasMaxLength(500);
            e.HasIndex(m => m.ActionKey).IsUnique();
            e.HasIndex(m => new { m.SentAtUtc, m.NextAttemptUtc });
            e.HasQueryFilter(m => ActorCanOpenPeople && m.OrganisationId == ActorOrganisationId);
        });
    }
}
