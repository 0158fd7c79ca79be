using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Audit;
using Konvooi.Features.Security;

namespace Konvooi.Features.DailyContact;

/// <summary>
/// The coverage report for the monitor: of the people whose profile says they live alone without daily contact,
/// how many have an arrangement, and the share of scheduled days with contact, by wijk (small cells suppressed).
/// </summary>
public static class BuildCoverageReport
{
    public sealed class Handler(UnfilteredAccess unfiltered, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<CoverageReport?> HandleAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
        {
            if (!actor.Has(Permissions.CanReadDailyContactCoverage) || actor.OrganisationId is not { } organisationId)
            {
                return null;
            }

            var today = DutchDate.Today(time);
            var last = to ?? today;
            var first = from ?? last.AddDays(-27);
            if (first > last)
            {
                (first, last) = (last, first);
            }

            var (people, arrangements, states) = await unfiltered.CoverageInputsAsync(organisationId, first, last, cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.DailyContactCoverageView, "DailyContactCoverage", organisationId, null);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return Coverage.Build(people, arrangements, states, first, last);
        }
    }
}
