using System.Diagnostics;

namespace Konvooi.Web.Infrastructure;

/// <summary>
/// One log line per request with method, path (never the query string, which may hold a search
/// for a name), status and duration. Paths carry only record ids, never personal details.
/// <list type="bullet">
/// <item>A path that holds a secret, a personal link's token (<see cref="TokenRoutes"/>, or any route with a
/// <c>{token}</c> parameter), is logged as its route template: <c>/DailyContact/Link/{token}</c> (issue #17, finding 1).</item>
/// <item>The status is the final one: a request that throws is logged as 500, which the exception handler then
/// answers, not as the 200 the response held when the exception passed by (issue #17, finding 13).</item>
/// </list>
/// </summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    /// <summary>The routes whose last segment is a bearer token (docs/daily-contact.md, personal links).</summary>
    public static readonly IReadOnlyList<string> TokenRoutes = ["/DailyContact/Link/", "/DailyContact/Feed/"];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        int? failedStatus = null;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch
        {
            failedStatus = StatusCodes.Status500InternalServerError;
            throw;
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var path = LoggedPath(context);
                LogRequest(context.Request.Method, path, failedStatus ?? context.Response.StatusCode, elapsedMs, context.TraceIdentifier);
            }
        }
    }

    /// <summary>The path as logged: the route template for a token route, else the path itself.</summary>
    public static string LoggedPath(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path.Value ?? "/";
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern: { } pattern } && pattern.GetParameter("token") is not null)
        {
            return "/" + pattern.RawText?.TrimStart('/');
        }

        foreach (var route in TokenRoutes)
        {
            if (path.StartsWith(route, StringComparison.OrdinalIgnoreCase))
            {
                return route + "{token}";
            }
        }

        return path;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} -> {StatusCode} in {ElapsedMs:0.0} ms ({TraceId})")]
    private partial void LogRequest(string method, string path, int statusCode, double elapsedMs, string traceId);
}
