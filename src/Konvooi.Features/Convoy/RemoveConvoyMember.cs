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
        /// <summary>Removes the member; <paramref name="closestReason"/> is needed when they stood in "heel dichtbij" (JG-4).</summary>
        public Task<Outcome> HandleAsync(Guid personId, string memberId, int version, DateOnly? latestDate, CancellationToken cancellationToken, string? closestReason = null) =>
            EditAsync(db, audit, actor, time, personId, version, latestDate, members => members.Where(m => m.Id != memberId).ToList(), cancellationToken, closestReason);
    }
}
