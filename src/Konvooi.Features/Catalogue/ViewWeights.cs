using Konvooi.Domain.Matching;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using static Konvooi.Features.Catalogue.OrganisationWeights;

namespace Konvooi.Features.Catalogue;

/// <summary>The organisation's matching weights in force, with every kept version; null without an acting organisation.</summary>
public static class ViewWeights
{
    public sealed record WeightLine(string Key, string Label, double Default, double Current);

    public sealed record HistoryLine(int Version, DateTime ChangedAtUtc, string? ChangedBy, string Reason, bool IsReset, IReadOnlyDictionary<string, double> Overrides);

    public sealed record View(IReadOnlyList<WeightLine> Weights, int Version, string WeightsVersion, IReadOnlyList<HistoryLine> History);

    public sealed class Handler(KonvooiDbContext db, CurrentActor actor)
    {
        /// <summary>The weights in force with their history; null without an acting organisation.</summary>
        public async Task<View?> HandleAsync(CancellationToken cancellationToken)
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
    }
}
