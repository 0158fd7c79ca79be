using System.Text.Json;
using Konvooi.Features.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Konvooi.Web.Infrastructure;

/// <summary>/health: is the database reachable?</summary>
public sealed class DatabaseHealthCheck(KonvooiDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy("database reachable")
            : HealthCheckResult.Unhealthy("database unreachable");

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json";
        var body = JsonSerializer.Serialize(new
        {
            status = report.Status == HealthStatus.Healthy ? "ok" : "unavailable",
            database = report.Entries.TryGetValue("database", out var entry) && entry.Status == HealthStatus.Healthy ? "reachable" : "unreachable",
        });
        return context.Response.WriteAsync(body);
    }
}
