using System.Data.Common;
using Konvooi.Features.DailyContact;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Konvooi.Web.Infrastructure;

/// <summary>
/// Runs the daily contact job in the web host: once at start (catching up on windows missed while the app was
/// down) and then every <see cref="DailyContactOptions.IntervalSeconds"/>. Each run has its own scope, so the
/// job has no signed-in actor; its reads are the reviewed unfiltered ones.
/// </summary>
public sealed partial class DailyContactHostedService(
    IServiceScopeFactory scopes,
    IOptions<DailyContactOptions> options,
    TimeProvider time,
    ILogger<DailyContactHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.JobEnabled)
        {
            LogDisabled();
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), time);
        do
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One run; a database or mail problem is logged and the next tick tries again.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<DailyContactJob>().RunOnceAsync(cancellationToken).ConfigureAwait(false);
            if (result.SlotsCreated + result.SlotsAdvanced + result.EmailsSent + result.EmailsFailed > 0)
            {
                LogRun(result.SlotsCreated, result.SlotsAdvanced, result.ActionsQueued, result.EmailsSent, result.EmailsFailed);
            }
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            LogRunFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily contact job is disabled (Konvooi:DailyContact:JobEnabled)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily contact job: {Created} slots created, {Advanced} advanced, {Queued} actions queued, {Sent} e-mails sent, {Failed} failed")]
    private partial void LogRun(int created, int advanced, int queued, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily contact job run failed; the next run tries again")]
    private partial void LogRunFailed(Exception exception);
}
