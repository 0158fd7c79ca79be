using System.Security.Claims;

namespace Konvooi.Web.Infrastructure;

/// <summary>
/// Hand-over mode: the professional gives the tablet to the person to fill in a questionnaire alone.
/// The session is re-issued with these claims; while they are present every request other than the
/// hand-over pages (and static files) is sent back to the questionnaire, until the professional
/// signs in again with their password.
/// </summary>
public static class HandoverLock
{
    public const string Path = "/Handover";
    public const string PersonClaim = "konvooi:handover-person";
    public const string InstrumentClaim = "konvooi:handover-instrument";
    public const string MeasurementClaim = "konvooi:handover-measurement";

    public static bool IsLocked(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(c => c.Type == PersonClaim);
    }

    public static IEnumerable<Claim> Claims(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Claims.Where(c => c.Type is PersonClaim or InstrumentClaim or MeasurementClaim).Select(c => new Claim(c.Type, c.Value)).ToList();
    }
}

/// <summary>Keeps a locked session on the hand-over pages.</summary>
public sealed class HandoverLockMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        if (HandoverLock.IsLocked(context.User)
            && !path.StartsWithSegments(HandoverLock.Path, StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/Status", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/Error", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(HandoverLock.Path);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
