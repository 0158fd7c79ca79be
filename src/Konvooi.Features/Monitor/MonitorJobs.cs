using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Monitor;

/// <summary>A job as the status and result pages show it.</summary>
public sealed record MonitorJobView(
    Guid Id, Guid FileId, string FileName, string DatasetName, string? AnalysisName, string Status, DateTime CreatedAtUtc, DateTime? FinishedAtUtc,
    IReadOnlyList<string> Problems, MonitorSettings Settings, MonitorResult? Result);

/// <summary>A saved analysis in the list.</summary>
public sealed record MonitorAnalysisView(Guid Id, string Name, string? DatasetName, MonitorSettings Settings);

/// <summary>Queues runs, reads their status and results, and keeps the organisation's saved analyses.</summary>
public sealed class MonitorJobs(KonvooiDbContext db, CurrentActor actor, AuditLog audit, TimeProvider time)
{
    internal static MonitorJob NewJob(Guid organisationId, Guid userId, Guid fileId, Guid? analysisId, string settingsJson, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganisationId = organisationId,
        FileId = fileId,
        AnalysisId = analysisId,
        SettingsJson = settingsJson,
        Status = MonitorJobStatus.Queued,
        RequestedByUserId = userId,
        CreatedAtUtc = now,
    };

    /// <summary>Queues a run of <paramref name="settings"/> on a file of the organisation; null when not allowed or not found.</summary>
    public async Task<Guid?> EnqueueAsync(Guid fileId, MonitorSettings settings, Guid? analysisId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!actor.Has(MonitorAccess.CanManage) || actor.OrganisationId is not { } organisationId || actor.UserId is not { } userId)
        {
            return null;
        }

        if (!await db.MonitorFiles.AnyAsync(f => f.Id == fileId && f.Complete, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var job = NewJob(organisationId, userId, fileId, analysisId, settings.ToJson(), time.GetUtcNow().UtcDateTime);
        db.MonitorJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return job.Id;
    }

    /// <summary>A job of the organisation, with its result; viewing a finished result is audited.</summary>
    public async Task<MonitorJobView?> GetAsync(Guid jobId, CancellationToken cancellationToken, string? auditAction = null)
    {
        if (!actor.Has(MonitorAccess.CanRead))
        {
            return null;
        }

        var row = await (from j in db.MonitorJobs.AsNoTracking()
                         join f in db.MonitorFiles.AsNoTracking() on j.FileId equals f.Id
                         where j.Id == jobId
                         select new { Job = j, f.FileName, f.DatasetName, AnalysisName = db.MonitorAnalyses.Where(a => a.Id == j.AnalysisId).Select(a => a.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var job = row.Job;
        if (job.Status == MonitorJobStatus.Done)
        {
            audit.Add(auditAction ?? MonitorAudit.ResultView, MonitorAudit.JobEntity, job.Id, personId: null);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return new MonitorJobView(
            job.Id, job.FileId, row.FileName, row.DatasetName, row.AnalysisName, job.Status, job.CreatedAtUtc, job.FinishedAtUtc,
            job.Problems is null ? [] : job.Problems.Split('\n'),
            MonitorSettings.FromJson(job.SettingsJson),
            job.ResultJson is null ? null : MonitorResult.FromJson(job.ResultJson));
    }

    /// <summary>The organisation's latest runs (newest first).</summary>
    public async Task<IReadOnlyList<MonitorJobView>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        if (!actor.Has(MonitorAccess.CanRead))
        {
            return [];
        }

        var rows = await (from j in db.MonitorJobs.AsNoTracking()
                          join f in db.MonitorFiles.AsNoTracking() on j.FileId equals f.Id
                          orderby j.CreatedAtUtc descending
                          select new { j.Id, j.FileId, f.FileName, f.DatasetName, AnalysisName = db.MonitorAnalyses.Where(a => a.Id == j.AnalysisId).Select(a => a.Name).FirstOrDefault(), j.Status, j.CreatedAtUtc, j.FinishedAtUtc, j.SettingsJson })
            .Take(count).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new MonitorJobView(r.Id, r.FileId, r.FileName, r.DatasetName, r.AnalysisName, r.Status, r.CreatedAtUtc, r.FinishedAtUtc, [], MonitorSettings.FromJson(r.SettingsJson), null))];
    }

    /// <summary>Saves (or replaces, by name) an analysis; linked to a dataset name it re-runs on every new upload of it.</summary>
    public async Task<Guid?> SaveAnalysisAsync(string name, string? datasetName, MonitorSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!actor.Has(MonitorAccess.CanManage) || actor.OrganisationId is not { } organisationId || actor.UserId is not { } userId)
        {
            return null;
        }

        name = name.Trim();
        var existing = await db.MonitorAnalyses.SingleOrDefaultAsync(a => a.Name == name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            existing = new MonitorAnalysis
            {
                Id = Guid.NewGuid(),
                OrganisationId = organisationId,
                Name = name,
                SettingsJson = string.Empty,
                CreatedByUserId = userId,
                CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            };
            db.MonitorAnalyses.Add(existing);
        }

        existing.DatasetName = string.IsNullOrWhiteSpace(datasetName) ? null : datasetName.Trim();
        existing.SettingsJson = settings.ToJson();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return existing.Id;
    }

    public async Task<IReadOnlyList<MonitorAnalysisView>> AnalysesAsync(CancellationToken cancellationToken)
    {
        if (!actor.Has(MonitorAccess.CanRead))
        {
            return [];
        }

        var rows = await db.MonitorAnalyses.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(a => new MonitorAnalysisView(a.Id, a.Name, a.DatasetName, MonitorSettings.FromJson(a.SettingsJson)))];
    }

    /// <summary>Runs a saved analysis again on a (new) file.</summary>
    public async Task<Guid?> RunAnalysisAsync(Guid analysisId, Guid fileId, CancellationToken cancellationToken)
    {
        var analysis = await db.MonitorAnalyses.AsNoTracking().SingleOrDefaultAsync(a => a.Id == analysisId, cancellationToken).ConfigureAwait(false);
        return analysis is null ? null : await EnqueueAsync(fileId, MonitorSettings.FromJson(analysis.SettingsJson), analysis.Id, cancellationToken).ConfigureAwait(false);
    }
}
