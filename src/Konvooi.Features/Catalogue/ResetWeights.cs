using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using static Konvooi.Features.Catalogue.OrganisationWeights;

namespace Konvooi.Features.Catalogue;

/// <summary>Restores the default matching weights, with a reason, as the organisation's next weights version.</summary>
public static class ResetWeights
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public Task<Outcome> HandleAsync(string? reason, int version, CancellationToken cancellationToken) =>
            StoreAsync(db, audit, actor, time, new Dictionary<string, double>(StringComparer.Ordinal), reason, version, isReset: true, cancellationToken);
    }
}
