using System.Data.Common;
using Konvooi.Features.Monitor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Konvooi.Web.Pages.Monitor;

/// <summary>
/// Runs queued monitor jobs (docs/monitor-web.md): polls the jobs table, claims one job with an update that only one
/// node wins, copies its file from the database to a temporary file (deleted afterwards), runs it and stores the result.
/// Once an hour it also removes expired uploads. Logs ids and counts only, never values from a file.
/// </summary>
public sealed partial class MonitorJobHostedService(
    IServiceScopeFactory scopes, IOptions<MonitorOptions> options, TimeProvider time, ILogger<MonitorJobHostedService> logger) : BackgroundService
{
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.JobEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.JobPollSeconds)), time);
        do
        {
            while (await RunOnceAsync(stoppingToken).ConfigureAwait(false))
            {
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Runs one job if there is one (true), and the cleanup when due.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var background = scope.ServiceProvider.GetRequiredService<MonitorBackground>();
            if (time.GetUtcNow() >= _nextCleanup)
            {
                _nextCleanup = time.GetUtcNow().AddHours(1);
                var removed = await background.RemoveExpiredAsync(cancellationToken).ConfigureAwait(false);
                if (removed > 0)
                {
                    LogExpired(removed);
                }
            }

            var job = await background.ClaimNextAsync(cancellationToken).ConfigureAwait(false);
            if (job is null)
            {
                return false;
            }

            var path = Path.Combine(Path.GetTempPath(), "konvooi-monitor-" + job.Id.ToString("N") + "." + job.Format);
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    await background.CopyFileAsync(job, file, cancellationToken).ConfigureAwait(false);
                }

                var copied = System.Diagnostics.Stopwatch.GetTimestamp();
                var (result, problems) = await Task.Run(() => MonitorEngine.Run(job.Settings, path, job.Format, MonitorEngine.Limits(options.Value)), cancellationToken).ConfigureAwait(false);
                var analysed = System.Diagnostics.Stopwatch.GetTimestamp();
                if (result is not null)
                {
                    await background.FinishAsync(job.Id, result, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await background.FailAsync(job.Id, problems, cancellationToken).ConfigureAwait(false);
                }

                var stored = System.Diagnostics.Stopwatch.GetTimestamp();
                long copyMs = Ms(started, copied), analysisMs = Ms(copied, analysed), storeMs = Ms(analysed, stored);
                LogRun(job.Id, result is not null, copyMs, analysisMs, storeMs);
            }
            finally
            {
                File.Delete(path);
            }

            return true;
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException or TimeoutException or IOException)
        {
            LogRunFailed(ex);
            return false;
        }
    }

    private static long Ms(long from, long to) => (long)System.Diagnostics.Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    /// <summary>The phases' times are what docs/performance.md reports for the web monitor (bench/web_monitor.py reads this line).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Monitor job {JobId} ran (succeeded: {Succeeded}): copy {CopyMs} ms, analysis {AnalysisMs} ms, store {StoreMs} ms")]
    private partial void LogRun(Guid jobId, bool succeeded, long copyMs, long analysisMs, long storeMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Monitor cleanup removed {Count} expired or abandoned uploads")]
    private partial void LogExpired(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Monitor job run failed; the next poll tries again")]
    private partial void LogRunFailed(Exception exception);
}
