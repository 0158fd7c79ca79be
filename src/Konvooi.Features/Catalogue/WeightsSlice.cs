using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Catalogue;

/// <summary>
/// An organisation's matching weights: its coordinators change them within 0–<see cref="MaxWeight"/>,
/// always with a reason. Each change is a new version (the history is kept and shown), audited;
/// restoring the defaults is a change like any other.
/// </summary>
public static class WeightsSlice
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
        ["misfit_similar"] = "Aftrek: lijkt op aanbod dat eerder niet paste",
        ["recognition"] = "Erkend in de landelijke databank",
        ["availability"] = "Direct plek (geen wachtlijst)",
    };

    public sealed record WeightLine(string Key, string Label, double Default, double Current);

    public sealed record HistoryLine(int Version, DateTime ChangedAtUtc, string? ChangedBy, string Reason, bool IsReset, IReadOnlyDictionary<string, double> Overrides);

    public sealed record View(IReadOnlyList<WeightLine> Weights, int Version, string WeightsVersion, IReadOnlyList<HistoryLine> History);

    public sealed class Input
    {
        /// <summary>Weight key → the number as typed (a comma or a point).</summary>
        public Dictionary<string, string> Weights { get; set; } = new(StringComparer.Ordinal);

        [Required(ErrorMessage = "Schrijf op waarom u de gewichten verandert.")]
        [StringLength(500, ErrorMessage = "Gebruik hoogstens 500 tekens.")]
        public string? Reason { get; set; }

        /// <summary>The weights version the form was loaded with (0 when never tuned).</summary>
        public int Version { get; set; }
    }

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

    /// <summary>The weights that differ from the defaults, or a message per weight key that is wrong.</summary>
    public static (Dictionary<string, double> Overrides, List<FieldMessage> Problems) Check(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<FieldMessage>();
        var overrides = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, fallback) in MatchingWeights.Defaults)
        {
            var text = input.Weights.GetValueOrDefault(key)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                problems.Add(new FieldMessage(key, $"Vul een gewicht in van 0 tot en met {MaxWeight.ToString(CultureInfo.InvariantCulture)}."));
            }
            else if (!double.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || value > MaxWeight || Math.Round(value, 2) != value)
            {
                problems.Add(new FieldMessage(key, $"Vul een getal in van 0 tot en met {MaxWeight.ToString(CultureInfo.InvariantCulture)}, met hoogstens twee cijfers achter de komma, zoals 1,5."));
            }
            else if (value != fallback)
            {
                overrides[key] = value;
            }
        }

        if (problems.Count == 0 && MatchingWeights.Create(overrides) is ReadResult<MatchingWeights>.Failure failure)
        {
            problems.AddRange(failure.Problems.Select(p => new FieldMessage(p.Path.TrimStart('$', '.'), "Dit gewicht kan niet: " + p.Reason)));
        }

        return (overrides, problems);
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public bool MayTune => actor.Has(Permissions.CanTuneMatchingWeights);

        /// <summary>The weights in force with their history; null without an acting organisation.</summary>
        public async Task<View?> ViewAsync(CancellationToken cancellationToken)
        {
            if (actor.OrganisationId is not { } organisationId)
            {
                return null;
            }

            var (weights, versionName, version) = await WeightsStore.CurrentAsync(db, organisationId, cancellationToken).ConfigureAwait(false);
            var revisions = await db.MatchingWeightsRevisions.AsNoTracking().Where(w => w.OrganisationId == organisationId)
                .OrderByDescending(w => w.Version).ToListAsync(cancellationToken).ConfigureAwait(false);
            var userIds = revisions.Where(r => r.ChangedById is not null).Select(r => r.ChangedById!.Value).Distinct().ToList();
            var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken).ConfigureAwait(false);
            return new View(
                MatchingWeights.Defaults.Select(d => new WeightLine(d.Key, Labels.GetValueOrDefault(d.Key, d.Key), d.Value, weights[d.Key])).ToList(),
                version,
                versionName,
                revisions.Select(r => new HistoryLine(r.Version, r.ChangedAtUtc,
                    r.ChangedById is { } by && users.TryGetValue(by, out var name) ? name : null,
                    r.Reason, r.IsReset, Overrides(r.WeightsJson))).ToList());
        }

        public async Task<Outcome> SaveAsync(Input input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var (overrides, problems) = Check(input);
            return problems.Count > 0
                ? new Outcome.Invalid(problems)
                : await StoreAsync(overrides, input.Reason, input.Version, isReset: false, cancellationToken).ConfigureAwait(false);
        }

        public Task<Outcome> ResetAsync(string? reason, int version, CancellationToken cancellationToken) =>
            StoreAsync(new Dictionary<string, double>(StringComparer.Ordinal), reason, version, isReset: true, cancellationToken);

        private async Task<Outcome> StoreAsync(Dictionary<string, double> overrides, string? reason, int version, bool isReset, CancellationToken cancellationToken)
        {
            if (actor.OrganisationId is not { } organisationId || !MayTune)
            {
                return new Outcome.Forbidden();
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                return new Outcome.Invalid([new FieldMessage(nameof(Input.Reason), "Schrijf op waarom u de gewichten verandert.")]);
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

        private static Dictionary<string, double> Overrides(string json) =>
            JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [];
    }
}
