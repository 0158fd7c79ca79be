using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Catalogue;

/// <summary>What a catalogue revision records.</summary>
public static class CatalogueChanges
{
    public const string Seeded = "seeded";
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Retired = "retired";
    public const string Loaded = "loaded";

    /// <summary>Re-typed by a data migration (issue #16: <c>home_visit_75plus</c> became a prevention offer).</summary>
    public const string Retyped = "retyped";
}

/// <summary>
/// Shared by the catalogue handlers: the actor's coalition, the starter seed, the catalogue version
/// and the stored form of one intervention (canonical <see cref="CatalogueJson"/>).
/// </summary>
public static class CatalogueStore
{
    /// <summary>Prefix of <see cref="InterventionCatalogue.Version"/> for a coalition catalogue.</summary>
    public const string VersionPrefix = "coalition-r";

    private const string StoredVersion = "entry";

    /// <summary>The actor's organisation and its coalition; null when the actor is not set or unknown.</summary>
    public static async Task<(Guid OrganisationId, Guid CoalitionId)?> ScopeAsync(KonvooiDbContext db, CurrentActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.OrganisationId is not { } organisationId)
        {
            return null;
        }

        var coalition = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => (Guid?)o.CoalitionId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return coalition is { } id ? (organisationId, id) : null;
    }

    /// <summary>
    /// The catalogue version: the number of changes ever made to the coalition's catalogue. Every
    /// change adds exactly one revision and none is ever removed, so equal versions mean equal catalogues.
    /// </summary>
    public static async Task<string> VersionAsync(KonvooiDbContext db, Guid coalitionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var changes = await db.CatalogueEntryRevisions.CountAsync(r => r.CoalitionId == coalitionId, cancellationToken).ConfigureAwait(false);
        return VersionPrefix + changes.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One intervention as stored: canonical catalogue JSON with the intervention as its only entry.</summary>
    public static string Write(Intervention intervention) => CatalogueJson.Write(new InterventionCatalogue(StoredVersion, [intervention]));

    /// <summary>Reads a stored intervention (validated again by the domain reader).</summary>
    /// <exception cref="InvalidOperationException">The stored JSON is not a valid intervention (a bug or a manual database edit).</exception>
    public static Intervention Read(string json) => CatalogueJson.Read(json) switch
    {
        ReadResult<InterventionCatalogue>.Success { Value.Interventions: [var intervention] } => intervention,
        ReadResult<InterventionCatalogue>.Failure bad => throw new InvalidOperationException("A stored catalogue entry is invalid: " + string.Join("; ", bad.Problems)),
        _ => throw new InvalidOperationException("A stored catalogue entry must hold exactly one intervention."),
    };

    /// <summary>
    /// A coalition starts from the starter catalogue: on first use (no change was ever made to its
    /// catalogue) every starter type becomes an entry. <paramref name="providerFor"/> picks the provider
    /// per intervention id; without it the coalition's first organisation provides them all.
    /// Returns whether it seeded.
    /// </summary>
    public static async Task<bool> EnsureSeededAsync(
        KonvooiDbContext db, CurrentActor actor, TimeProvider time, Guid coalitionId, Func<string, Guid>? providerFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.CatalogueEntryRevisions.AnyAsync(r => r.CoalitionId == coalitionId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (providerFor is null)
        {
            var first = await db.Organisations.AsNoTracking().Where(o => o.CoalitionId == coalitionId)
                .OrderBy(o => o.CreatedAtUtc).ThenBy(o => o.Name).Select(o => (Guid?)o.Id)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (first is not { } organisationId)
            {
                return false;
            }

            providerFor = _ => organisationId;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var added = new List<object>();
        var ids = new List<Guid>();
        foreach (var intervention in InterventionCatalogue.Starter.Interventions)
        {
            var entry = NewEntry(coalitionId, providerFor(intervention.Id), intervention, now, actor.UserId);
            var revision = RevisionOf(entry, CatalogueChanges.Seeded, actor.UserId, now);
            db.CatalogueEntries.Add(entry);
            db.CatalogueEntryRevisions.Add(revision);
            added.Add(entry);
            added.Add(revision);
            ids.Add(entry.Id);
        }

        // A separate audit log: if another request seeded at the same moment, its pending entry must not
        // linger in the request's own audit log.
        var audit = new AuditLog(db, actor, time);
        audit.Add(AuditActions.CatalogueSeed, nameof(CatalogueEntry), [coalitionId], personId: null);
        try
        {
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // Someone else seeded first (unique code per coalition): use theirs.
            foreach (var item in added)
            {
                db.Entry(item).State = EntityState.Detached;
            }

            return false;
        }
    }

    internal static CatalogueEntry NewEntry(Guid coalitionId, Guid providerId, Intervention intervention, DateTime now, Guid? userId) => new()
    {
        Id = Guid.NewGuid(),
        CoalitionId = coalitionId,
        ProviderOrganisationId = providerId,
        Code = intervention.Id,
        Name = intervention.Name,
        InterventionJson = Write(intervention with { Provider = null }),
        Version = 1,
        CreatedAtUtc = now,
        UpdatedAtUtc = now,
        UpdatedById = userId,
    };

    internal static CatalogueEntryRevision RevisionOf(CatalogueEntry entry, string change, Guid? userId, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        EntryId = entry.Id,
        CoalitionId = entry.CoalitionId,
        Version = entry.Version,
        ProviderOrganisationId = entry.ProviderOrganisationId,
        Code = entry.Code,
        Name = entry.Name,
        InterventionJson = entry.InterventionJson,
        IsRetired = entry.IsRetired,
        Change = change,
        ChangedById = userId,
        ChangedAtUtc = now,
    };
}
