using Konvooi.Features.Outbox;
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
        services.AddScoped<IOutboxTopic, DailyContactOutboxTopic>();
        services.AddScoped<UnfilteredAccess>();
        services.AddScoped<DailyContactJob>();
        services.AddScoped<GetArrangements.Handler>();
        services.AddScoped<SaveArrangement.Handler>();
        services.AddScoped<ListMySlots.Handler>();
        services.AddScoped<ListSlotsByLink.Handler>();
        services.AddScoped<GetCalendarFeed.Handler>();
        services.AddScoped<GetSlot.Handler>();
        services.AddScoped<ConfirmSlot.Handler>();
        services.AddScoped<ConfirmByLink.Handler>();
        services.AddScoped<ResolveSlot.Handler>();
        services.AddScoped<ListLinks.Handler>();
        services.AddScoped<IssueLink.Handler>();
        services.AddScoped<RevokeLink.Handler>();
        services.AddScoped<RenewLink.Handler>();
        services.AddScoped<GetMyCalendarLinkExpiry.Handler>();
        services.AddScoped<GetDashboard.Handler>();
        services.AddScoped<MarkFollowUpHandled.Handler>();
        services.AddScoped<BuildCoverageReport.Handler>();
        return services;
    }
}
