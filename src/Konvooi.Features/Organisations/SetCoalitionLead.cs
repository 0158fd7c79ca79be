using Konvooi.Domain.Referrals;
using Konvooi.Features.Data;
using Konvooi.Features.Referrals;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Organisations;

/// <summary>
/// Makes an organisation of the coalition its lead (penvoerder): its coordinators keep the routing table, and signals
/// no routing rule matches go to it (<c>konvooi coalitions set-lead</c>, and <c>/Admin/Coalition</c> for an
/// administrator of the lead organisation or of the municipality, <see cref="CoalitionLead.MayChoose"/>). Every change
/// is recorded with before and after and audit-logged.
/// </summary>
public static class SetCoalitionLead
{
    /// <summary>The admin form: the coalition, its organisations, the current lead and whether the actor may change it.</summary>
    public sealed record Form(string CoalitionName, int Version, Guid? LeadOrganisationId, IReadOnlyList<SignalScope.OrganisationOption> Organisations, bool MayChoose);

    public sealed class Handler(KonvooiDbContext db, RoutingStore store, CurrentActor actor)
    {
        /// <summary>The command line: null when done, otherwise the problem in the CLI's problem-line words.</summary>
        public async Task<string?> HandleAsync(Guid coalitionId, Guid organisationId, CancellationToken cancellationToken)
        {
            var coalition = await db.Coalitions.SingleOrDefaultAsync(c => c.Id == coalitionId, cancellationToken).ConfigureAwait(false);
            if (coalition is null)
            {
                return $"coalition: not found (got '{coalitionId}')";
            }

            var outcome = await SetAsync(coalition, organisationId, cancellationToken).ConfigureAwait(false);
            return outcome switch
            {
                RoutingOutcome.Done => null,
                RoutingOutcome.Stale => "coalition: changed by someone else at the same time; try again",
                _ => $"organisation: not a member of this coalition (got '{organisationId}')",
            };
        }

        /// <summary>The admin form for the actor's coalition, or null for an unset actor.</summary>
        public async Task<Form?> FormAsync(CancellationToken cancellationToken)
        {
            var coalition = await store.ActorCoalitionAsync(cancellationToken).ConfigureAwait(false);
            if (coalition is null)
            {
                return null;
            }

            var organisations = await db.Organisations.AsNoTracking().Where(o => o.CoalitionId == coalition.Id).OrderBy(o => o.Name)
                .Select(o => new SignalScope.OrganisationOption(o.Id, o.Name)).ToListAsync(cancellationToken).ConfigureAwait(false);
            return new Form(coalition.Name, coalition.RoutingVersion, coalition.LeadOrganisationId, organisations, await MayChooseAsync(coalition, cancellationToken).ConfigureAwait(false));
        }

        /// <summary>An administrator of the lead organisation or of the municipality chooses the lead of their own coalition.</summary>
        public async Task<RoutingOutcome> ChooseAsync(Guid? organisationId, int expectedVersion, CancellationToken cancellationToken)
        {
            var coalition = await store.ActorCoalitionAsync(cancellationToken).ConfigureAwait(false);
            if (coalition is null || !await MayChooseAsync(coalition, cancellationToken).ConfigureAwait(false))
            {
                return new RoutingOutcome.Forbidden();
            }

            if (coalition.RoutingVersion != expectedVersion)
            {
                return new RoutingOutcome.Stale();
            }

            if (organisationId is not { } id)
            {
                return new RoutingOutcome.Invalid([new RoutingProblem("OrganisationId", "Kies de organisatie die penvoerder wordt.")]);
            }

            return await SetAsync(coalition, id, cancellationToken).ConfigureAwait(false);
        }

        private async Task<bool> MayChooseAsync(Coalition coalition, CancellationToken cancellationToken)
        {
            if (actor.Role is not { } role || actor.OrganisationId is not { } organisationId)
            {
                return false;
            }

            var isMunicipality = await db.Organisations.AnyAsync(o => o.Id == organisationId && o.CoalitionId == coalition.Id && o.Kind == OrganisationKind.Gemeente, cancellationToken).ConfigureAwait(false);
            return CoalitionLead.MayChoose(role, coalition.LeadOrganisationId == organisationId, isMunicipality);
        }

        private async Task<RoutingOutcome> SetAsync(Coalition coalition, Guid organisationId, CancellationToken cancellationToken)
        {
            var names = await db.Organisations.AsNoTracking().Where(o => o.CoalitionId == coalition.Id)
                .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
            if (!names.TryGetValue(organisationId, out var after))
            {
                return new RoutingOutcome.Invalid([new RoutingProblem("OrganisationId", "Kies een organisatie van de coalitie.")]);
            }

            var before = coalition.LeadOrganisationId is { } old ? names.GetValueOrDefault(old, old.ToString("D")) : "geen penvoerder";
            coalition.LeadOrganisationId = organisationId;
            return await store.SaveAsync(coalition, RoutingAuditActions.LeadSet, nameof(Coalition), coalition.Id, before, after, cancellationToken).ConfigureAwait(false);
        }
    }
}
