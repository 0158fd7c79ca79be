using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Reach;

public static class ReachFeature
{
    /// <summary>Reach against need (docs/reach.md).</summary>
    public static IServiceCollection AddReachFeature(this IServiceCollection services)
    {
        services.AddScoped<ReachFacts>();
        services.AddScoped<ReachStore>();
        services.AddScoped<GetReachReport.Handler>();
        services.AddScoped<ImportReachTable.Handler>();
        services.AddScoped<FiguresFromMonitor.Handler>();
        return services;
    }
}
