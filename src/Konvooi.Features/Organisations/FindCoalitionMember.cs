using Konvooi.Domain.Access;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Organisations;

/// <summary>
/// The command line has no sign-in: commands that act for a person (<c>konvooi referrals export|import --user EMAIL</c>)
/// name the user, and this finds the user's role in an organisation of the named coalition, which the command then
/// sets as the <see cref="Security.CurrentActor"/>, as the web app does for a signed-in user. A user with roles in
/// several organisations of the coalition acts in the lead organisation when they have a role there.
/// </summary>
public static class FindCoalitionMember
{
    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Found(Guid CoalitionId, Guid UserId, Guid OrganisationId, Role Role) : Outcome;

        /// <summary>The problems in the CLI's problem-line words.</summary>
        public sealed record NotFound(IReadOnlyList<string> Problems) : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db)
    {
        public async Task<Outcome> HandleAsync(string coalitionName, string email, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(coalitionName);
            ArgumentNullException.ThrowIfNull(email);
            var coalitions = await db.Coalitions.AsNoTracking().Where(c => c.Name == coalitionName.Trim())
                .Select(c => new { c.Id, c.LeadOrganisationId }).ToListAsync(cancellationToken).ConfigureAwait(false);
            var normalised = email.Trim().ToUpperInvariant();
            var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised)
                .Select(u => new { u.Id }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var problems = new List<string>();
            if (coalitions.Count != 1)
            {
                problems.Add($"--coalition: no coalition has this name (got '{coalitionName}')");
            }

            if (user is null)
            {
                problems.Add($"--user: no user has this e-mail address (got '{email}')");
            }

            if (problems.Count > 0)
            {
                return new Outcome.NotFound(problems);
            }

            var coalition = coalitions[0];
            var memberships = await db.Memberships.AsNoTracking()
                .Where(m => m.UserId == user!.Id && m.Organisation!.CoalitionId == coalition.Id)
                .Select(m => new { m.OrganisationId, m.Role })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var membership = memberships.OrderByDescending(m => m.OrganisationId == coalition.LeadOrganisationId).ThenBy(m => m.OrganisationId).FirstOrDefault();
            return membership is null
                ? new Outcome.NotFound([$"--user: has no role in an organisation of this coalition (got '{email}')"])
                : new Outcome.Found(coalition.Id, user!.Id, membership.OrganisationId, membership.Role);
        }
    }
}
