using System.Threading.RateLimiting;
using Konvooi.Domain.Access;
using Konvooi.Features;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Konvooi.Features.Seeding;
using Konvooi.Web.Pages.Monitor;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Web;

/// <summary>Builds the web host; shared by Program, WebApplicationFactory tests and browser tests.</summary>
public static class KonvooiWebApp
{
    public const string PersonRecordsPolicy = "PersonRecords";
    public const string AdministratorPolicy = "Administrator";
    public const string InterventionOutcomesPolicy = "InterventionOutcomes";
    public const string OwnDailyContactPolicy = "OwnDailyContact";
    public const string DailyContactCoordinationPolicy = "DailyContactCoordination";
    public const string DailyContactCoveragePolicy = "DailyContactCoverage";
    public const string SignallerPolicy = "Signaller";
    public const string SignalReportsPolicy = "SignalReports";
    public const string RoutingPolicy = "Routing";
    public const string ReachPolicy = "Reach";
    public const string MonitorPolicy = "Monitor";
    public const string SignInRateLimit = "sign-in";

    /// <param name="args">Command-line arguments (configuration overrides such as --urls).</param>
    /// <param name="contentRoot">Where appsettings and wwwroot are; null keeps the default (the working directory).</param>
    /// <param name="configure">Extra configuration, used by tests.</param>
    public static WebApplication Build(string[] args, string? contentRoot = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }

        configure?.Invoke(builder);
        var quickStart = builder.Configuration.GetValue<bool>("Konvooi:QuickStart");

        builder.Services.AddKonvooiFeatures(builder.Configuration);
        new IdentityBuilder(typeof(KonvooiUser), builder.Services)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ActorClaimsFactory>();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.Cookie.Name = "konvooi.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = quickStart ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events = new CookieAuthenticationEvents
            {
                // A plain 403 (rendered by the status page) instead of a redirect to a separate page.
                OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
            };
        });
        // The periodic security-stamp refresh rebuilds the principal; a hand-over lock must survive it.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal is { } current && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
            {
                identity.AddClaims(HandoverLock.Claims(current));
            }

            return Task.CompletedTask;
        });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "konvooi.af";
            options.Cookie.SecurePolicy = quickStart ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PersonRecordsPolicy, p => p.RequireAssertion(c => ActorClaims.HasPermission(c.User, Permissions.CanOpenPersonRecords)))
            .AddPolicy(AdministratorPolicy, p => p.RequireAssertion(c => ActorClaims.HasPermission(c.User, Permissions.CanManageUsers)))
            .AddPolicy(InterventionOutcomesPolicy, p => p.RequireAssertion(c => ActorClaims.HasPermission(c.User, Permissions.CanReadInterventionOutcomes)))
            .AddPolicy(OwnDailyContactPolicy, p => p.RequireAssertion(c => ActorClaims.HasPermission(c.User, Permissions.CanConfirmOwnDailyContact)))
            .AddPolicy(DailyContactCoordinationPolicy, p => p.RequireAssertion(c => ActorClaims.HasPermission(c.User, Permissions.CanRecordContactForOthers)))
            .AddPolicy(DailyContactCoveragePolicy, p => p.RequireAssertion(c => ActorClaims.HasPermission(c.User, Permissions.CanReadDailyContactCoverage)))
            .AddPolicy(SignallerPolicy, p => p.RequireAssertion(c => ActorClaims.HasPermission(c.User, Permissions.CanSendSignals)))
            .AddPolicy(SignalReportsPolicy, p => p.RequireAssertion(c => ActorClaims.HasPermission(c.User, Permissions.CanReadSignalReports)))
            .AddPolicy(RoutingPolicy, p => p.RequireAssertion(c => ActorClaims.HasPermission(c.User, Permissions.CanMaintainRouting)))
            .AddPolicy(ReachPolicy, p => p.RequireAssertion(c => ActorClaims.HasPermission(c.User, Permissions.CanReadReach)))
            .AddPolicy(MonitorPolicy, p => p.RequireAssertion(c => ActorClaims.HasPermission(c.User, Konvooi.Features.Monitor.MonitorAccess.CanRead)));

        // Dutch letters (ë, é, ï) as themselves in the HTML, not as numeric entities.
        builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new MethodNotAllowedPageFilter());
            options.Conventions.AuthorizeFolder("/People", PersonRecordsPolicy);
            options.Conventions.AuthorizeFolder("/Admin", AdministratorPolicy);
            options.Conventions.AuthorizeFolder("/WorkList", PersonRecordsPolicy);
            options.Conventions.AuthorizeFolder("/Outcomes", InterventionOutcomesPolicy);
            options.Conventions.AuthorizeFolder("/Intake", PersonRecordsPolicy);
            options.Conventions.AuthorizeFolder("/Signals", SignallerPolicy);
            options.Conventions.AuthorizeFolder("/Routing", RoutingPolicy);
            options.Conventions.AuthorizeFolder("/Reach", ReachPolicy);
            options.Conventions.AuthorizeFolder("/Monitor", MonitorPolicy);
            options.Conventions.AllowAnonymousToPage("/Signals/Info");
            options.Conventions.AllowAnonymousToPage("/Account/Login");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToPage("/Status");
            options.Conventions.AuthorizePage("/DailyContact/Arrangement", PersonRecordsPolicy);
            options.Conventions.AuthorizePage("/DailyContact/Mine", OwnDailyContactPolicy);
            options.Conventions.AuthorizePage("/DailyContact/Slot", DailyContactCoordinationPolicy);
            options.Conventions.AuthorizePage("/DailyContact/Dashboard", DailyContactCoordinationPolicy);
            options.Conventions.AuthorizePage("/DailyContact/Coverage", DailyContactCoveragePolicy);
            options.Conventions.AuthorizePage("/Reports/Signals", SignalReportsPolicy);
            options.Conventions.AllowAnonymousToPage("/DailyContact/Link");
            options.Conventions.AllowAnonymousToPage("/DailyContact/Feed");
        });

        var permitsPerMinute = builder.Configuration.GetValue("Konvooi:SignInPermitsPerMinute", 10);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        builder.Services.AddHostedService<DailyContactHostedService>();
        builder.Services.AddHostedService<MonitorJobHostedService>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        var app = builder.Build();
        app.UseExceptionHandler("/Error");
        app.UseMonitorUploadLimits();
        if (!quickStart)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseStatusCodePagesWithReExecute("/Status", "?code={0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<CurrentActorMiddleware>();
        app.UseMiddleware<HandoverLockMiddleware>();
        app.UseAuthorization();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = DatabaseHealthCheck.WriteAsync,
        }).AllowAnonymous();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Migrates, and in quick-start mode seeds the fictional demo coalition on a new database.</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<KonvooiDbContext>();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None).ConfigureAwait(false);
        var settings = services.GetRequiredService<DatabaseSettings>();
        var quickStart = app.Configuration.GetValue<bool>("Konvooi:QuickStart");
        var urls = string.Join(", ", app.Urls.DefaultIfEmpty(app.Configuration["urls"] ?? "http://localhost:5080"));
        if (quickStart)
        {
            var seeded = await DemoData.SeedIfEmptyAsync(db, services.GetRequiredService<Setup.Handler>(), services.GetRequiredService<AuditLog>(),
                services.GetRequiredService<TimeProvider>(), CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine();
            Console.WriteLine($"Konvooi (snelstart-modus) draait op {urls}");
            Console.WriteLine($"Database: {settings.Provider} {(settings.Provider == DatabaseProvider.Sqlite ? DatabaseSettings.DefaultSqlitePath : string.Empty)}");
            Console.WriteLine(seeded ? "Fictieve demogegevens zijn aangemaakt." : "Bestaande database gebruikt.");
            if (await db.Coalitions.AnyAsync(c => c.IsDemo).ConfigureAwait(false))
            {
                Console.WriteLine($"Demo-accounts (wachtwoord voor allemaal: {DemoData.Password}):");
                foreach (var account in DemoData.Accounts)
                {
                    Console.WriteLine($"  {account.Email,-32} {account.Role,-14} {account.Organisation}");
                }
            }

            Console.WriteLine();
        }
        else if (!await db.Users.AnyAsync().ConfigureAwait(false))
        {
            Console.WriteLine("Konvooi draait zonder gebruikers. Maak eerst een coalitie, organisatie en beheerder aan:");
            Console.WriteLine("  konvooi coalitions create --name \"Coalitie Voorbeeldstad\" --municipality-code GM0000");
            Console.WriteLine("  konvooi organisations create --coalition <id> --name \"Welzijn Voorbeeldstad\" --kind welzijnsorganisatie");
            Console.WriteLine("  konvooi users create --email beheer@example.org --name \"Beheerder\" --role administrator --organisation <id>");
        }
    }
}
