using Konvooi.Features.Audit;
using Konvooi.Features.Catalogue;
using Konvooi.Features.Conversations;
using Konvooi.Features.Convoy;
using Konvooi.Features.DailyContact;
using Konvooi.Features.Outbox;
using Konvooi.Features.Data;
using Konvooi.Features.Measurements;
using Konvooi.Features.Organisations;
using Konvooi.Features.People;
using Konvooi.Features.Profiles;
using Konvooi.Features.Reach;
using Konvooi.Features.Monitor;
using Konvooi.Features.Referrals;
using Konvooi.Features.Security;
using Konvooi.Features.Support;
using Konvooi.Features.Today;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features;

public static class KonvooiFeatures
{
    /// <summary>The one registration call used by both the web app and the CLI.</summary>
    public static IServiceCollection AddKonvooiFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var database = DatabaseSettings.FromConfiguration(configuration);
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CurrentActor>();
        services.AddDbContext<KonvooiDbContext>(database.Apply);

        services.AddIdentityCore<KonvooiUser>(options =>
            {
                // Long passphrases over composition rules (NCSC/NIST guidance), plus lockout.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<KonvooiDbContext>()
            .AddErrorDescriber<DutchIdentityErrorDescriber>();

        services.AddScoped<AuditLog>();
        services.AddScoped<VerifyAuditChain.Handler>();
        services.AddScoped<ReadAuditLog.Handler>();
        services.AddScoped<Setup.Handler>();
        services.AddScoped<ListUsers.Handler>();
        services.AddScoped<ListPeople.Handler>();
        services.AddScoped<GetPerson.Handler>();
        services.AddScoped<GetCaseOverview.Handler>();
        services.AddScoped<GetToday.Handler>();
        services.AddScoped<SavePerson.Handler>();
        services.AddScoped<RecordConsent.Handler>();
        services.AddScoped<WithdrawConsent.Handler>();
        services.AddScoped<AccessHistory.Handler>();
        services.AddScoped<GetTeam.Handler>();
        services.AddScoped<AssignProfessional.Handler>();
        services.AddScoped<UnassignProfessional.Handler>();
        services.AddScoped<GetConversation.Handler>();
        services.AddScoped<GetConversationSection.Handler>();
        services.AddScoped<SaveConversationSection.Handler>();
        services.AddScoped<ViewConvoy.Handler>();
        services.AddScoped<AddConvoyMember.Handler>();
        services.AddScoped<RemoveConvoyMember.Handler>();
        services.AddScoped<MoveConvoyMember.Handler>();
        services.AddScoped<HandleConvoyAlert.Handler>();
        services.AddScoped<RecordJudgement.Handler>();
        services.AddScoped<RecordSafetyFollowUp.Handler>();
        services.AddScoped<GetProfile.Handler>();
        services.AddScoped<RebuildProfile.Handler>();
        services.AddScoped<ShowMatchRun.Handler>();
        services.AddScoped<MatchProfile.Handler>();
        services.AddScoped<ListMatchChoices.Handler>();
        services.AddScoped<ChooseInterventions.Handler>();
        services.AddScoped<ViewSupportPlan.Handler>();
        services.AddScoped<CreatePlan.Handler>();
        services.AddScoped<RevisePlan.Handler>();
        services.AddScoped<RecordTrajectoryStep.Handler>();
        services.AddScoped<CompleteFollowUp.Handler>();
        services.AddScoped<MarkSignalHandled.Handler>();
        services.AddScoped<ClosePlan.Handler>();
        services.AddScoped<RecordMeasurement.Handler>();
        services.AddScoped<GetMeasurement.Handler>();
        services.AddScoped<ListMeasurementHistory.Handler>();
        services.AddSingleton(SupportListSettings.FromConfiguration(configuration));
        services.AddScoped<GetWorkList.Handler>();
        services.AddScoped<ReportInterventionOutcomes.Handler>();
        services.AddScoped<GetRemeasurements.Handler>();
        services.AddOutboxFeature(configuration);
        services.AddDailyContactFeature(configuration);
        services.AddScoped<ListCatalogue.Handler>();
        services.AddScoped<GetCatalogueEntry.Handler>();
        services.AddScoped<CreateCatalogueEntry.Handler>();
        services.AddScoped<UpdateCatalogueEntry.Handler>();
        services.AddScoped<RetireCatalogueEntry.Handler>();
        services.AddScoped<ExportCatalogue.Handler>();
        services.AddScoped<MatchingSources.Handler>();
        services.AddScoped<ViewWeights.Handler>();
        services.AddScoped<SaveWeights.Handler>();
        services.AddScoped<ResetWeights.Handler>();
        services.AddScoped<LoadCatalogue.Handler>();
        services.AddReferralsFeature(configuration);
        services.AddReachFeature();
        services.AddMonitorFeature(configuration);
        return services;
    }
}
