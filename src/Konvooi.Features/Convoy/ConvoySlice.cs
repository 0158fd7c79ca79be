using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Konvooi.Domain.Common;
using Konvooi.Domain.Conversations;
using Konvooi.Domain.Convoy;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.People;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Convoy;

/// <summary>
/// The person's convoy map (JG-4) as dated snapshots. The first edit on a day copies the latest map
/// into a snapshot for that day; later edits that day change it. Every edit names the snapshot version
/// it was made on, so two people editing at once get a conflict instead of losing a change.
/// </summary>
public static class ConvoySlice
{
    public sealed class MemberInput
    {
        [Required(ErrorMessage = "Vul een voornaam of een rol in, zoals ‘buurvrouw’.")]
        [StringLength(ConvoyValidator.MaxNameLength, ErrorMessage = "Gebruik een korte naam of rol (maximaal 60 tekens).")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Kies wie dit is voor de cliënt.")]
        public string? Relation { get; set; }

        [Required(ErrorMessage = "Kies in welke cirkel deze persoon staat.")]
        public string? Circle { get; set; }

        [Required(ErrorMessage = "Kies hoe vaak er contact is.")]
        public string? Frequency { get; set; }

        public List<string> Modes { get; set; } = [];

        public List<string> SupportReceived { get; set; } = [];

        public List<string> SupportGiven { get; set; } = [];

        /// <summary><c>yes</c>, <c>no</c> or empty (unknown).</summary>
        public string? WouldNotice { get; set; }

        public bool IsLightContact { get; set; }
    }

    public sealed record View(
        string PersonName,
        ConvoySnapshot? Snapshot,
        ConvoyChanges? ChangesSincePrevious,
        DateOnly? PreviousDate,
        IReadOnlyList<DateOnly> History,
        int Version,
        DateOnly? LatestDate);

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

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        /// <summary>The map of <paramref name="date"/> (or the latest), with the changes since the snapshot before it.</summary>
        public async Task<View?> ViewAsync(Guid personId, DateOnly? date, CancellationToken cancellationToken)
        {
            var person = await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return null;
            }

            var maps = await db.ConvoyMaps.AsNoTracking().Where(m => m.PersonId == personId)
                .OrderByDescending(m => m.TakenOn).ToListAsync(cancellationToken).ConfigureAwait(false);
            var shown = date is { } d ? maps.FirstOrDefault(m => m.TakenOn == d) : maps.FirstOrDefault();
            var previous = shown is null ? null : maps.FirstOrDefault(m => m.TakenOn < shown.TakenOn);
            var snapshot = shown is null ? null : ToSnapshot(shown);
            audit.Add(AuditActions.View, nameof(ConvoyMap), shown?.Id ?? personId, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new View(
                person,
                snapshot,
                previous is null || snapshot is null ? null : ConvoyChanges.Between(ToSnapshot(previous), snapshot),
                previous?.TakenOn,
                maps.Select(m => m.TakenOn).ToList(),
                maps.FirstOrDefault()?.Version ?? 0,
                maps.FirstOrDefault()?.TakenOn);
        }

        public Task<Outcome> AddAsync(Guid personId, MemberInput input, int version, DateOnly? latestDate, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var member = new ConvoyMember("m" + Guid.NewGuid().ToString("N")[..12], input.Name?.Trim() ?? string.Empty)
            {
                Relation = input.Relation ?? string.Empty,
                Circle = input.Circle ?? string.Empty,
                Frequency = input.Frequency ?? string.Empty,
                Modes = input.Modes,
                SupportReceived = input.SupportReceived,
                SupportGiven = input.SupportGiven,
                WouldNotice = input.WouldNotice switch { "yes" => true, "no" => false, _ => null },
                IsLightContact = input.IsLightContact,
            };
            return EditAsync(personId, version, latestDate, members => [.. members, member], cancellationToken);
        }

        public Task<Outcome> RemoveAsync(Guid personId, string memberId, int version, DateOnly? latestDate, CancellationToken cancellationToken) =>
            EditAsync(personId, version, latestDate, members => members.Where(m => m.Id != memberId).ToList(), cancellationToken);

        public Task<Outcome> MoveAsync(Guid personId, string memberId, string circle, int version, DateOnly? latestDate, CancellationToken cancellationToken) =>
            EditAsync(personId, version, latestDate, members => members.Select(m => m.Id == memberId ? m with { Circle = circle } : m).ToList(), cancellationToken);

        private async Task<Outcome> EditAsync(Guid personId, int version, DateOnly? latestDate, Func<IReadOnlyList<ConvoyMember>, IReadOnlyList<ConvoyMember>> change, CancellationToken cancellationToken)
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

        private static ConvoySnapshot ToSnapshot(ConvoyMap map) =>
            new(map.TakenOn, JsonSerializer.Deserialize<List<ConvoyMember>>(map.MembersJson) ?? []);
    }
}
