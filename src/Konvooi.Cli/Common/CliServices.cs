using Konvooi.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Cli.Common;

/// <summary>
/// The service container for commands that touch the database. Configuration comes from the
/// same environment variables as the web app (<c>Konvooi__Database__Provider</c>, …). Commands that
/// only compute (score, match, monitor) never build this.
/// </summary>
public static class CliServices
{
    public static ServiceProvider Create()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKonvooiFeatures(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
