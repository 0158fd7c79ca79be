namespace Konvooi.Web.Infrastructure;

/// <summary>
/// Security headers on every response: a strict CSP (no inline script or style), no framing, no sniffing; and
/// <c>Cache-Control: no-store</c> on every authenticated or token response.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path; // before a status code page re-executes the request under another path
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Every response for a signed-in user, and every personal-link (token) response, may hold personal data:
            // never stored by a browser or proxy (issue #17, finding 12). The user is known by the time the response starts.
            if (context.User.Identity?.IsAuthenticated == true
                || path.StartsWithSegments("/People", StringComparison.OrdinalIgnoreCase)
                || RequestLoggingMiddleware.TokenRoutes.Any(r => path.StartsWithSegments(r.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
