using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Monitor;

public static class MonitorFeature
{
    public static IServiceCollection AddMonitorFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MonitorOptions>().Bind(configuration.GetSection(MonitorOptions.Section));
        services.AddScoped<MonitorStore>();
        services.AddScoped<MonitorJobs>();
        services.AddScoped<MonitorBackground>();
        return services;
    }
}
