using System.ComponentModel.DataAnnotations;
using Konvooi.Domain.Referrals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Features.Referrals;

/// <summary>Settings under <c>Konvooi:Intake</c> (docs/configuration.md).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Konvooi:Intake";

    /// <summary>Working days to respond to a routine signal or referral.</summary>
    [Range(1, 30)]
    public int RoutineWorkingDays { get; set; } = 5;

    /// <summary>Working days to respond to a signal marked "soon".</summary>
    [Range(1, 30)]
    public int SoonWorkingDays { get; set; } = 2;

    /// <summary>Months an ended signal stays on the signaller's own list.</summary>
    [Range(1, 60)]
    public int SignallerListMonths { get; set; } = 12;

    public IntakeDeadlineSettings Deadlines => new(RoutineWorkingDays, SoonWorkingDays);
}

public static class ReferralsFeature
{
    public static IServiceCollection AddReferralsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>()
            .Bind(configuration.GetSection(IntakeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<SignalScope>();
        services.AddScoped<RoutingStore>();
        services.AddScoped<Organisations.SetCoalitionLead.Handler>();
        services.AddScoped<ViewRouting.Handler>();
        services.AddScoped<SaveRoutingRule.Handler>();
        services.AddScoped<DeleteRoutingRule.Handler>();
        services.AddScoped<ImportWijken.Handler>();
        services.AddScoped<SendSignal.Handler>();
        services.AddScoped<ListMySignals.Handler>();
        services.AddScoped<ListIntake.Handler>();
        services.AddScoped<GetSignal.Handler>();
        services.AddScoped<AcceptSignal.Handler>();
        services.AddScoped<AssignSignal.Handler>();
        services.AddScoped<ForwardSignal.Handler>();
        services.AddScoped<CloseSignal.Handler>();
        services.AddScoped<RecordFirstContact.Handler>();
        services.AddScoped<ReferPerson.Handler>();
        services.AddScoped<ListPersonReferrals.Handler>();
        services.AddScoped<Outbox.IOutboxTopic, SignalStatusOutboxTopic>();
        services.AddScoped<CoalitionSignals>();
        services.AddScoped<Organisations.FindCoalitionMember.Handler>();
        services.AddScoped<ExportReferrals.Handler>();
        services.AddScoped<ImportReferrals.Handler>();
        services.AddScoped<SignalReportFacts>();
        services.AddScoped<GetSignalReport.Handler>();
        return services;
    }
}
