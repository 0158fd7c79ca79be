using Konvooi.Features.Security;

namespace Konvooi.Web.Infrastructure;

/// <summary>Fills the scoped <see cref="CurrentActor"/> from the signed-in user's claims.</summary>
public sealed class CurrentActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentActor actor)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(actor);
        if (ActorClaims.TryRead(context.User, out var userId, out var organisationId, out var role))
        {
            actor.Set(userId, organisationId, role);
        }

        return next(context);
    }
}
