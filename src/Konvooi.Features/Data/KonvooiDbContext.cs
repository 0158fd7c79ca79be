using Konvooi.Features.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Data;

/// <remarks>
/// Partial: a feature slice with its own tables adds a <c>KonvooiDbContext.Slice.cs</c> file with its DbSets and a
/// <c>ConfigureSlice(ModelBuilder)</c> method, called with one line at the end of <see cref="OnModelCreating"/>.
/// </remarks>
public sealed partial class KonvooiDbContext(DbContextOptions<KonvooiDbContext> options, CurrentActor actor)
    : IdentityDbContext<KonvooiUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Coalition> Coalitions => Set<Coalition>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonAssignment> PersonAssignments => Set<PersonAssignment>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<ConversationSection> ConversationSections => Set<ConversationSection>();
    public DbSet<ConversationRevision> ConversationRevisions => Set<ConversationRevision>();
    public DbSet<ConvoyMap> ConvoyMaps => Set<ConvoyMap>();
    public DbSet<ProfileSnapshot> ProfileSnapshots => Set<ProfileSnapshot>();

    // Read by the global query filters; EF parameterises these per context instance.
    private Guid? ActorOrganisationId => actor.OrganisationId;
    private Guid? ActorUserId => actor.UserId;
    private bool ActorCanOpenPeople => actor.CanOpenPersonRecords;
    private bool ActorSeesAllPeople => actor.SeesAllPeopleOfOrganisation;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Coalition>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.MunicipalityCode).HasMaxLength(6);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Organisation>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
            e.HasOne(o => o.Coalition).WithMany(c => c.Organisations).HasForeignKey(o => o.CoalitionId);
            e.HasIndex(o => new { o.CoalitionId, o.Name }).IsUnique();
        });

        builder.Entity<KonvooiUser>(e => e.Property(u => u.DisplayName).HasMaxLength(200));

        builder.Entity<Membership>(e =>
        {
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(40);
            e.HasOne(m => m.User).WithMany(u => u.Memberships).HasForeignKey(m => m.UserId);
            e.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId);
            e.HasIndex(m => new { m.UserId, m.OrganisationId }).IsUnique();
        });

        builder.Entity<Person>(e =>
        {
            e.Property(p => p.FirstName).HasMaxLength(100);
            e.Property(p => p.LastName).HasMaxLength(100);
            e.Property(p => p.SearchName).HasMaxLength(201);
            e.Property(p => p.Street).HasMaxLength(200);
            e.Property(p => p.HouseNumber).HasMaxLength(20);
            e.Property(p => p.PostalCode).HasMaxLength(10);
            e.Property(p => p.City).HasMaxLength(100);
            e.Property(p => p.Wijk).HasMaxLength(100);
            e.Property(p => p.Phone).HasMaxLength(30);
            e.Property(p => p.MigrationBackground).HasMaxLength(100);
            e.Property(p => p.PreferredLanguage).HasMaxLength(50);
            e.Property(p => p.LivingSituation).HasConversion<string>().HasMaxLength(40);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId);
            e.HasOne(p => p.ResponsibleProfessional).WithMany().HasForeignKey(p => p.ResponsibleProfessionalId);
            e.HasMany(p => p.Assignments).WithOne().HasForeignKey(a => a.PersonId);
            e.HasIndex(p => new { p.OrganisationId, p.LastName, p.FirstName });
            // Need to know, enforced for every query: own organisation only; coordinators see all of it,
            // professionals only their own people; other roles see no person records at all.
            e.HasQueryFilter(p => ActorCanOpenPeople
                && p.OrganisationId == ActorOrganisationId
                && (ActorSeesAllPeople
                    || p.ResponsibleProfessionalId == ActorUserId
                    || p.Assignments.Any(a => a.UserId == ActorUserId)));
        });

        builder.Entity<PersonAssignment>(e => e.HasIndex(a => new { a.PersonId, a.UserId }).IsUnique());

        builder.Entity<Consent>(e =>
        {
            e.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasOne(c => c.Person).WithMany(p => p.Consents).HasForeignKey(c => c.PersonId);
            e.HasIndex(c => new { c.PersonId, c.Purpose });
            e.HasQueryFilter(c => ActorCanOpenPeople && c.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<Measurement>(e =>
        {
            e.Property(m => m.InstrumentId).HasMaxLength(40);
            e.Property(m => m.InstrumentVersion).HasMaxLength(40);
            e.Property(m => m.Language).HasMaxLength(8);
            e.Property(m => m.LevelCode).HasMaxLength(40);
            e.Property(m => m.Mode).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId);
            e.HasIndex(m => new { m.PersonId, m.InstrumentId, m.AdministeredOn });
            // Handlers reach measurements only through a person the actor may see; this filter keeps
            // other organisations' rows out even if one forgets.
            e.HasQueryFilter(m => ActorCanOpenPeople && m.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<ConversationSection>(e =>
        {
            e.Property(c => c.SectionCode).HasMaxLength(40);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
            e.HasIndex(c => new { c.PersonId, c.SectionCode }).IsUnique();
            e.HasQueryFilter(c => ActorCanOpenPeople && c.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<ConversationRevision>(e =>
        {
            e.Property(c => c.SectionCode).HasMaxLength(40);
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
            e.HasIndex(c => new { c.PersonId, c.SectionCode, c.Version }).IsUnique();
            e.HasQueryFilter(c => ActorCanOpenPeople && c.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<ConvoyMap>(e =>
        {
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
            e.HasIndex(c => new { c.PersonId, c.TakenOn }).IsUnique();
            e.HasQueryFilter(c => ActorCanOpenPeople && c.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<ProfileSnapshot>(e =>
        {
            e.Property(p => p.RulesVersion).HasMaxLength(40);
            e.Property(p => p.GuideVersion).HasMaxLength(40);
            e.Property(p => p.SafetyAdvice).HasMaxLength(80);
            e.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId);
            e.HasIndex(p => new { p.PersonId, p.CreatedAtUtc });
            e.HasQueryFilter(p => ActorCanOpenPeople && p.OrganisationId == ActorOrganisationId);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            e.Property(a => a.Action).HasMaxLength(60);
            e.Property(a => a.EntityType).HasMaxLength(60);
            e.Property(a => a.Role).HasMaxLength(40);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => a.PersonId);
            e.HasIndex(a => new { a.OrganisationId, a.OccurredAtUtc });
        });

        ConfigureSupport(builder);
        ConfigureDailyContact(builder);
        ConfigureCatalogue(builder);
        ConfigureReferrals(builder);
        ConfigureOutbox(builder);
        ConfigureReach(builder);
        ConfigureMonitor(builder);
        ConfigureAssessment(builder);
    }
}
