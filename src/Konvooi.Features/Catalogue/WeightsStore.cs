using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Catalogue;

/// <summary>Reads an organisation's matching weights in force.</summary>
internal static class WeightsStore
{
    public const string DefaultVersion = "default";

    public static string VersionName(int version) => "weights-v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <exception cref="InvalidOperationException">A stored weights version is invalid (a bug or a manual database edit).</exception>
    public static async Task<(MatchingWeights Weights, string Version, int Number)> CurrentAsync(KonvooiDbContext db, Guid organisationId, CancellationToken cancellationToken)
    {
        var latest = await db.MatchingWeightsRevisions.AsNoTracking().Where(w => w.OrganisationId == organisationId)
            .OrderByDescending(w => w.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return latest is null
            ? (MatchingWeights.Default, DefaultVersion, 0)
            : (Parse(latest.WeightsJson), VersionName(latest.Version), latest.Version);
    }

    public static MatchingWeights Parse(string json) => MatchingWeights.Read(System.Text.Encoding.UTF8.GetBytes(json)) switch
    {
        ReadResult<MatchingWeights>.Success ok => ok.Value,
        ReadResult<MatchingWeights>.Failure bad => throw new InvalidOperationException("Stored matching weights are invalid: " + string.Join("; ", bad.Problems)),
        _ => throw new InvalidOperationException("Unknown read result."),
    };
}
