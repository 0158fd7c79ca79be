using System.Diagnostics;

namespace Konvooi.Web.Infrastructure;

/// <summary>
/// One log line per request with method, path (never the query string, which may hold a search
/// for a name), status and duration. Paths carry only record ids, never personal details.
/// </summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var path = context.Request.Path.Value ?? "/";
                LogRequest(context.Request.Method, path, context.Response.StatusCode, elapsedMs, context.TraceIdentifier);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} -> {StatusCode} in {ElapsedMs:0.0} ms ({TraceId})")]
    private partial void LogRequest(string method, string path, int statusCode, double elapsedMs, string traceId);
}
