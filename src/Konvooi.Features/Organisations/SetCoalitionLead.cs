using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Organisations;

/// <summary>
/// Makes an organisation of the coalition its lead (penvoerder): its coordinators keep the routing table, and signals
/// no routing rule matches go to it (<c>konvooi coalitions set-lead</c>).
/// </summary>
public static class SetCoalitionLead
{
    public sealed class Handler(KonvooiDbContext db)
    {
        /// <summary>Null when done, otherwise the problem in the CLI's problem-line words.</summary>
        public async Task<string?> HandleAsync(Guid coalitionId, Guid organisationId, CancellationToken cancellationToken)
        {
            var coalition = await db.Coalitions.SingleOrDefaultAsync(c => c.Id == coalitionId, cancellationToken).ConfigureAwait(false);
            if (coalition is null)
            {
                return $"coalition: not found (got '{coalitionId}')";
            }

            if (!await db.Organisations.AnyAsync(o => o.Id == organisationId && o.CoalitionId == coalitionId, cancellationToken).ConfigureAwait(false))
            {
                return $"organisation: not a member of this coalition (got '{organisationId}')";
            }

            coalition.LeadOrganisationId = organisationId;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
    }
}
