using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.DailyContact;

public static class DailyContactFeature
{
    public static IServiceCollection AddDailyContactFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DailyContactOptions>()
            .Bind(configuration.GetSection(DailyContactOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IDailyContactMailer, MailKitDailyContactMailer>();
        services.AddScoped<UnfilteredAccess>();
        services.AddScoped<DailyContactJob>();
        services.AddScoped<Arrangements.Handler>();
        services.AddScoped<Slots.Handler>();
        services.AddScoped<Links.Handler>();
        services.AddScoped<CoordinatorDashboard.Handler>();
        services.AddScoped<BuildCoverageReport.Handler>();
        return services;
    }
}
