using System.Text.Json;
using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Domain.Convoy;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Convoy;

/// <summary>
/// What the convoy map use cases share. The person's convoy map (JG-4) is kept as dated snapshots; every edit
/// names the snapshot version it was made on, so two people editing at once get a conflict instead of losing a change.
/// </summary>
public static class ConvoyMaps
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Saved : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Conflict : Outcome;

        public sealed record Invalid(IReadOnlyList<FieldProblem> Problems) : Outcome;
    }

    /// <summary>
    /// Changes the members of the latest map: the first edit on a day copies it into a snapshot for that day; later
    /// edits that day change it. An edit on another version than <paramref name="version"/> is a conflict.
    /// </summary>
    internal static async Task<Outcome> EditAsync(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, Guid personId, int version, DateOnly? latestDate, Func<IReadOnlyList<ConvoyMember>, IReadOnlyList<ConvoyMember>> change, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.OrganisationId }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return new Outcome.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = DutchDate.Today(time);
        var latest = await db.ConvoyMaps.Where(m => m.PersonId == personId)
            .OrderByDescending(m => m.TakenOn).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if ((latest?.Version ?? 0) != version || latest?.TakenOn != latestDate)
        {
            return new Outcome.Conflict();
        }

        var members = change(latest is null ? [] : ToSnapshot(latest).Members);
        var snapshot = new ConvoySnapshot(today, members);
        var problems = ConvoyValidator.Validate(snapshot, today);
        if (problems.Count > 0)
        {
            return new Outcome.Invalid(problems);
        }

        var json = JsonSerializer.Serialize(members);
        ConvoyMap map;
        if (latest is not null && latest.TakenOn == today)
        {
            map = latest;
            db.Entry(map).Property(m => m.Version).OriginalValue = version;
            map.Version = version + 1;
            map.MembersJson = json;
        }
        else
        {
            map = new ConvoyMap { Id = Guid.NewGuid(), PersonId = personId, OrganisationId = person.OrganisationId, TakenOn = today, MembersJson = json, Version = 1 };
            db.ConvoyMaps.Add(map);
        }

        map.UpdatedById = actor.UserId!.Value; // a visible person implies a set actor
        map.UpdatedAtUtc = now;
        audit.Add(AuditActions.Update, nameof(ConvoyMap), map.Id, personId);
        try
        {
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return new Outcome.Conflict();
        }

        return new Outcome.Saved();
    }

    internal static ConvoySnapshot ToSnapshot(ConvoyMap map) =>
        new(map.TakenOn, JsonSerializer.Deserialize<List<ConvoyMember>>(map.MembersJson) ?? []);
}
