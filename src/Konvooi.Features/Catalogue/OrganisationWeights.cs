using System.Text.Json;
using Konvooi.Domain.Access;
using Konvooi.Domain.Matching;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Catalogue;

/// <summary>
/// What the weights use cases share. An organisation's coordinators change its matching weights within
/// 0–<see cref="MaxWeight"/>, always with a reason. Each change is a new version (the history is kept and shown),
/// audited; restoring the defaults is a change like any other.
/// </summary>
public static class OrganisationWeights
{
    /// <summary>The highest weight a coordinator may set: large enough to let one rule dominate, small enough to stay explainable.</summary>
    public const double MaxWeight = 10;

    /// <summary>Dutch labels for every weight key of <see cref="MatchingWeights.Defaults"/>.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cause_fit"] = "Past bij een oorzaak (per oorzaak)",
        ["type_fit"] = "Past bij de soort eenzaamheid",
        ["type_mismatch"] = "Aftrek: past niet bij de soort eenzaamheid",
        ["in_person_first"] = "Eerst persoonlijk contact bij emotionele eenzaamheid",
        ["setting_preference"] = "Wens: alleen of in een groep",
        ["mode_preference"] = "Wens: manier van contact",
        ["language_preference"] = "Wens: taal",
        ["few_contacts"] = "Wens: weinig nieuwe mensen",
        ["coping_fit"] = "Past bij hoe iemand met eenzaamheid omgaat",
        ["chronic_belonging"] = "Langdurige eenzaamheid: een betekenisvolle rol",
        ["daily_contact"] = "Alleen wonen zonder dagelijks contact",
        ["meaning_support"] = "Zinvragen",
        ["bereavement"] = "Kort geleden iemand verloren",
        ["mastery_resilience"] = "Weinig grip of veerkracht",
        ["memory_support"] = "Zorgen over het geheugen",
        ["money_worries"] = "Geldzorgen: hulp bij geld",
        ["money_worries_cost"] = "Aftrek bij geldzorgen: aanbod kost geld",
        ["target_group_fit"] = "Past bij de doelgroep",
        ["prevention"] = "Niet eenzaam, wel risico: aanbod om eenzaamheid te voorkomen",
        ["recognition"] = "Erkend in de landelijke databank",
        ["availability"] = "Direct plek (geen wachtlijst)",
    };

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Saved(string WeightsVersion) : Outcome;

        public sealed record Forbidden : Outcome;

        public sealed record Stale : Outcome;

        /// <summary><c>Field</c> is a weight key, <c>Reason</c>, or empty for the whole form.</summary>
        public sealed record Invalid(IReadOnlyList<FieldMessage> Problems) : Outcome;
    }

    /// <summary>Stores the overrides as the next weights version, with the reason; a stale version is refused.</summary>
    internal static async Task<Outcome> StoreAsync(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, Dictionary<string, double> overrides, string? reason, int version, bool isReset, CancellationToken cancellationToken)
    {
        if (actor.OrganisationId is not { } organisationId || !actor.Has(Permissions.CanTuneMatchingWeights))
        {
            return new Outcome.Forbidden();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Outcome.Invalid([new FieldMessage(nameof(SaveWeights.Input.Reason), "Schrijf op waarom u de gewichten verandert.")]);
        }

        var current = await db.MatchingWeightsRevisions.AsNoTracking().Where(w => w.OrganisationId == organisationId)
            .OrderByDescending(w => w.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if ((current?.Version ?? 0) != version)
        {
            return new Outcome.Stale();
        }

        var currentOverrides = current is null ? [] : Overrides(current.WeightsJson);
        if (!isReset && currentOverrides.Count == overrides.Count && overrides.All(o => currentOverrides.TryGetValue(o.Key, out var v) && v == o.Value))
        {
            return new Outcome.Invalid([new FieldMessage(string.Empty, "U heeft geen gewicht veranderd. Er is niets opgeslagen.")]);
        }

        var revision = new MatchingWeightsRevision
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            Version = version + 1,
            WeightsJson = JsonSerializer.Serialize(new SortedDictionary<string, double>(overrides, StringComparer.Ordinal)),
            Reason = reason.Trim(),
            IsReset = isReset,
            ChangedById = actor.UserId,
            ChangedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.MatchingWeightsRevisions.Add(revision);
        audit.Add(isReset ? AuditActions.WeightsReset : AuditActions.WeightsChange, nameof(MatchingWeightsRevision), revision.Id, personId: null);
        try
        {
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Someone stored the same version number first.
            db.Entry(revision).State = EntityState.Detached;
            return new Outcome.Stale();
        }

        return new Outcome.Saved(WeightsStore.VersionName(revision.Version));
    }

    internal static Dictionary<string, double> Overrides(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [];
}
