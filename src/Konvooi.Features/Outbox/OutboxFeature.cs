using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Outbox;

public static class OutboxFeature
{
    /// <summary>The mail settings, the MailKit mailer and the sender; each slice registers its <see cref="IOutboxTopic"/>.</summary>
    public static IServiceCollection AddOutboxFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IMailer, MailKitMailer>();
        services.AddScoped<OutboxSender>();
        return services;
    }
}
