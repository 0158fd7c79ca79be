using Konvooi.Domain.Access;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.People;

/// <summary>
/// What assigning professionals to a person shares. Professionals assigned besides the responsible one
/// see the record too; only coordinators assign, and every change is audit-logged.
/// </summary>
public static class Assignments
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Done : Outcome;

        public sealed record NotFound : Outcome;

        public sealed record Forbidden : Outcome;

        public sealed record Invalid(string Message) : Outcome;
    }

    /// <summary>NotFound when the person is not visible, Forbidden when the actor may not assign; otherwise null.</summary>
    internal static async Task<Outcome?> CheckAsync(KonvooiDbContext db, CurrentActor actor, Guid personId, CancellationToken cancellationToken)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false))
        {
            return new Outcome.NotFound();
        }

        return actor.Has(Permissions.CanAssignProfessionals) ? null : new Outcome.Forbidden();
    }
}
