using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Monitor;

/// <summary>A claimed job: what the runner needs.</summary>
public sealed record ClaimedMonitorJob(Guid Id, Guid OrganisationId, Guid FileId, string Format, MonitorSettings Settings);

/// <summary>
/// The background side of the monitor, without a signed-in actor (so it bypasses the organisation filter, on the
/// reviewed allow-list): claiming a job with an update only one node wins, reading its file, storing the result, and
/// removing expired and abandoned uploads. Each method works on one job or file by id.
/// </summary>
public sealed class MonitorBackground(KonvooiDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>How long a claim holds; a node that dies mid-run leaves the job to be claimed again after it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    /// <summary>Claims the oldest queued (or abandoned) job; null when there is none or another node won it.</summary>
    public async Task<ClaimedMonitorJob?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var candidate = await db.MonitorJobs.IgnoreQueryFilters().AsNoTracking()
            .Where(j => j.Status == MonitorJobStatus.Queued || (j.Status == MonitorJobStatus.Running && j.ClaimedUntilUtc < now))
            .OrderBy(j => j.CreatedAtUtc)
            .Select(j => new { j.Id, j.OrganisationId, j.FileId, j.SettingsJson, j.Status, j.ClaimedUntilUtc })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (candidate is null)
        {
            return null;
        }

        var until = now + Lease;
        var won = await db.MonitorJobs.IgnoreQueryFilters()
            .Where(j => j.Id == candidate.Id && j.Status == candidate.Status && j.ClaimedUntilUtc == candidate.ClaimedUntilUtc)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, MonitorJobStatus.Running).SetProperty(j => j.ClaimedUntilUtc, until), cancellationToken)
            .ConfigureAwait(false);
        if (won != 1)
        {
            return null;
        }

        var format = await db.MonitorFiles.IgnoreQueryFilters().Where(f => f.Id == candidate.FileId).Select(f => f.Format)
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        audit.AddForOrganisation(candidate.OrganisationId, MonitorAudit.Run, MonitorAudit.FileEntity, candidate.FileId);
        await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ClaimedMonitorJob(candidate.Id, candidate.OrganisationId, candidate.FileId, format, MonitorSettings.FromJson(candidate.SettingsJson));
    }

    /// <summary>Writes the claimed job's file to <paramref name="destination"/>, one chunk at a time.</summary>
    public Task<bool> CopyFileAsync(ClaimedMonitorJob job, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return MonitorStore.CopyChunksAsync(db.MonitorFileChunks.IgnoreQueryFilters().Where(c => c.OrganisationId == job.OrganisationId), job.FileId, destination, cancellationToken);
    }

    public Task FinishAsync(Guid jobId, MonitorResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = time.GetUtcNow().UtcDateTime;
        var json = result.ToJson();
        return db.MonitorJobs.IgnoreQueryFilters().Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, MonitorJobStatus.Done).SetProperty(j => j.ResultJson, json).SetProperty(j => j.FinishedAtUtc, now), cancellationToken);
    }

    public Task FailAsync(Guid jobId, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var now = time.GetUtcNow().UtcDateTime;
        var text = string.Join('\n', problems);
        return db.MonitorJobs.IgnoreQueryFilters().Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, MonitorJobStatus.Failed).SetProperty(j => j.Problems, text).SetProperty(j => j.FinishedAtUtc, now), cancellationToken);
    }

    /// <summary>Removes files past their retention and uploads left incomplete for more than a day, with everything derived.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var abandoned = now.AddDays(-1);
        var expired = await db.MonitorFiles.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.ExpiresAtUtc < now || (!f.Complete && f.UploadedAtUtc < abandoned))
            .Select(f => new { f.Id, f.OrganisationId, f.Complete })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var file in expired)
        {
            await db.MonitorFileChunks.IgnoreQueryFilters().Where(c => c.FileId == file.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.MonitorJobs.IgnoreQueryFilters().Where(j => j.FileId == file.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.MonitorFiles.IgnoreQueryFilters().Where(f => f.Id == file.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (file.Complete)
            {
                audit.AddForOrganisation(file.OrganisationId, MonitorAudit.Expire, MonitorAudit.FileEntity, file.Id);
            }
        }

        if (expired.Count > 0)
        {
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return expired.Count;
    }
}
