using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using static Konvooi.Features.Convoy.ConvoyMaps;

namespace Konvooi.Features.Convoy;

/// <summary>Moves a person on the convoy map to another circle.</summary>
public static class MoveConvoyMember
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        /// <summary>Moves the member; <paramref name="closestReason"/> is needed when that takes them out of "heel dichtbij" (JG-4).</summary>
        public Task<Outcome> HandleAsync(Guid personId, string memberId, string circle, int version, DateOnly? latestDate, CancellationToken cancellationToken, string? closestReason = null) =>
            EditAsync(db, audit, actor, time, personId, version, latestDate, members => members.Select(m => m.Id == memberId ? m with { Circle = circle } : m).ToList(), cancellationToken, closestReason);
    }
}
