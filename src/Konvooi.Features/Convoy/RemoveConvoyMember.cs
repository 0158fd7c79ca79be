using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using static Konvooi.Features.Convoy.ConvoyMaps;

namespace Konvooi.Features.Convoy;

/// <summary>Removes a person from the convoy map.</summary>
public static class RemoveConvoyMember
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public Task<Outcome> HandleAsync(Guid personId, string memberId, int version, DateOnly? latestDate, CancellationToken cancellationToken) =>
            EditAsync(db, audit, actor, time, personId, version, latestDate, members => members.Where(m => m.Id != memberId).ToList(), cancellationToken);
    }
}
