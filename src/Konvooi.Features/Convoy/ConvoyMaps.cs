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

        /// <summary>The change takes someone out of "heel dichtbij" and no known reason was given: ask for it (JG-4). Nothing was saved.</summary>
        public sealed record ReasonNeeded(IReadOnlyList<string> Names) : Outcome;
    }

    /// <summary>Why someone left the closest circle; a correction raises no work-list item.</summary>
    public static IReadOnlyDictionary<string, string> ClosestReasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["died"] = "overleden",
        ["moved_away"] = "verhuisd of verder weg gaan wonen",
        ["correction"] = "correctie: stond er niet goed op",
    };

    public const string Correction = "correction";

    /// <summary>
    /// The members of <paramref name="before"/>'s closest circle that <paramref name="after"/> removed or moved outward,
    /// with the change (<c>removed</c> or <c>moved_outward</c>).
    /// </summary>
    public static IReadOnlyList<(ConvoyMember Member, string Change)> ClosestShrank(IReadOnlyList<ConvoyMember> before, IReadOnlyList<ConvoyMember> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var now = after.GroupBy(m => m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var shrank = new List<(ConvoyMember Member, string Change)>();
        foreach (var member in before.Where(m => m.Circle == ConvoyCodes.Closest))
        {
            if (!now.TryGetValue(member.Id, out var current))
            {
                shrank.Add((member, "removed"));
            }
            else if (current.Circle != ConvoyCodes.Closest && ConvoyCodes.Circles.ContainsKey(current.Circle))
            {
                shrank.Add((member, "moved_outward"));
            }
        }

        return shrank;
    }

    /// <summary>
    /// Changes the members of the latest map: the first edit on a day copies it into a snapshot for that day; later
    /// edits that day change it. An edit on another version than <paramref name="version"/> is a conflict.
    /// </summary>
    /// <remarks>
    /// When the change takes someone out of "heel dichtbij", <paramref name="closestReason"/> must say why (JG-4):
    /// without it nothing is saved and the outcome asks for it; with "died" or "moved away" an item goes on the work
    /// list (<see cref="ConvoyAlertRecord"/>) in the same transaction; a correction raises nothing.
    /// </remarks>
    internal static async Task<Outcome> EditAsync(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, Guid personId, int version, DateOnly? latestDate, Func<IReadOnlyList<ConvoyMember>, IReadOnlyList<ConvoyMember>> change, CancellationToken cancellationToken, string? closestReason = null)
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

        var before = latest is null ? [] : ToSnapshot(latest).Members;
        var members = change(before);
        var shrank = ClosestShrank(before, members);
        if (shrank.Count > 0 && (closestReason is null || !ClosestReasons.ContainsKey(closestReason)))
        {
            return new Outcome.ReasonNeeded(shrank.Select(s => s.Member.Name).ToList());
        }

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
        if (closestReason is not null && closestReason != Correction)
        {
            foreach (var (member, what) in shrank)
            {
                var alert = new ConvoyAlertRecord
                {
                    Id = Guid.NewGuid(),
                    PersonId = personId,
                    OrganisationId = person.OrganisationId,
                    ConvoyMapId = map.Id,
                    MemberName = member.Name,
                    Change = what,
                    Reason = closestReason,
                    RaisedOn = today,
                    RaisedById = map.UpdatedById,
                    Version = 1,
                };
                db.ConvoyAlerts.Add(alert);
                audit.Add(AuditActions.Create, nameof(ConvoyAlertRecord), alert.Id, personId);
            }
        }
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
