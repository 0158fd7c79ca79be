using System.Globalization;
using System.Security.Claims;
using Konvooi.Domain.Access;
using Konvooi.Features.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Konvooi.Web.Infrastructure;

/// <summary>The organisation and role a signed-in user acts in, carried as claims in the auth cookie.</summary>
public static class ActorClaims
{
    public const string OrganisationId = "konvooi:organisation";
    public const string Role = "konvooi:role";
    public const string DisplayName = "konvooi:name";

    public static bool TryRead(ClaimsPrincipal user, out Guid userId, out Guid organisationId, out Role role)
    {
        ArgumentNullException.ThrowIfNull(user);
        userId = default;
        organisationId = default;
        role = default;
        return user.Identity?.IsAuthenticated == true
            && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out userId)
            && Guid.TryParse(user.FindFirstValue(OrganisationId), out organisationId)
            && Enum.TryParse(user.FindFirstValue(Role), out role);
    }

    public static bool HasPermission(ClaimsPrincipal user, Func<Role, bool> permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return TryRead(user, out _, out _, out var role) && permission(role);
    }
}

/// <summary>Adds the user's membership (organisation and role) to the sign-in cookie.</summary>
public sealed class ActorClaimsFactory(UserManager<KonvooiUser> users, IOptions<IdentityOptions> options, KonvooiDbContext db)
    : UserClaimsPrincipalFactory<KonvooiUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(KonvooiUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        // A user may hold several memberships; the first (by organisation name) is the one they act in.
        var membership = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == user.Id)
            .OrderBy(m => m.Organisation!.Name)
            .Select(m => new { m.OrganisationId, m.Role })
            .FirstOrDefaultAsync().ConfigureAwait(false);
        if (membership is not null)
        {
            identity.AddClaim(new Claim(ActorClaims.OrganisationId, membership.OrganisationId.ToString("D", CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(ActorClaims.Role, membership.Role.ToString()));
        }

        identity.AddClaim(new Claim(ActorClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
