using System.Text.Json;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Konvooi.Features.Monitor;

/// <summary>A file's list entry (no contents).</summary>
public sealed record MonitorFileInfo(
    Guid Id, string FileName, string DatasetName, string Format, long SizeBytes, DateTime UploadedAtUtc, DateTime ExpiresAtUtc, IReadOnlyList<string> Columns);

/// <summary>What the reader saw at upload: the header and the first rows.</summary>
public sealed record MonitorTableShape(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Preview);

/// <summary>
/// The organisation's uploaded survey files, stored in the database in chunks of 1 MB so that every node can read
/// them, written and read one chunk at a time (never the whole file in memory). Every upload, read, run, download and
/// delete is audited with the file's id only.
/// </summary>
public sealed class MonitorStore(KonvooiDbContext db, CurrentActor actor, AuditLog audit, TimeProvider time, IOptions<MonitorOptions> options)
{
    public const int ChunkBytes = 1 << 20;
    public const int PreviewRows = 20;

    public bool CanRead => actor.Has(MonitorAccess.CanRead);

    public bool CanManage => actor.Has(MonitorAccess.CanManage);

    /// <summary>Whether the actor's organisation belongs to the demo coalition (the page then offers the demo survey).</summary>
    public Task<bool> IsDemoAsync(CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().Where(o => o.Id == actor.OrganisationId).Select(o => o.Coalition!.IsDemo).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<MonitorFileInfo>> ListAsync(CancellationToken cancellationToken)
    {
        if (!CanRead)
        {
            return [];
        }

        var files = await db.MonitorFiles.AsNoTracking().Where(f => f.Complete)
            .OrderByDescending(f => f.UploadedAtUtc)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. files.Select(Info)];
    }

    public async Task<MonitorFileInfo?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanRead)
        {
            return null;
        }

        var file = await db.MonitorFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.Complete, cancellationToken).ConfigureAwait(false);
        return file is null ? null : Info(file);
    }

    /// <summary>The preview rows of a file (shown on the mapping page); audited as a read.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>?> PreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return null;
        }

        var json = await db.MonitorFiles.AsNoTracking().Where(f => f.Id == id && f.Complete).Select(f => f.PreviewJson)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return null;
        }

        audit.Add(MonitorAudit.Read, MonitorAudit.FileEntity, id, personId: null);
        await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<List<List<string>>>(json) ?? [];
    }

    /// <summary>
    /// Stores an upload that was streamed to <paramref name="path"/> and read without problems. The chunks are written
    /// one at a time while the file is marked incomplete; the file becomes visible, with its audit entry, only at the end.
    /// Saved analyses linked to <paramref name="datasetName"/> are queued to run on it.
    /// </summary>
    public async Task<Guid?> StoreAsync(string path, string fileName, string datasetName, string format, MonitorTableShape shape, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (!CanManage || actor.OrganisationId is not { } organisationId || actor.UserId is not { } userId)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var file = new MonitorFile
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            // Some browsers send the full Windows path (C:\Users\name\…); keep only the name, on every OS.
            FileName = Truncate(Path.GetFileName(fileName.Replace('\\', '/')), 200),
            DatasetName = Truncate(datasetName.Trim(), 100),
            Format = format,
            UploadedByUserId = userId,
            UploadedAtUtc = now,
            ExpiresAtUtc = now.AddDays(options.Value.RetentionDaysFor(organisationId)),
            Columns = string.Join('\t', shape.Columns),
            PreviewJson = JsonSerializer.Serialize(shape.Preview),
            Complete = false,
        };
        db.MonitorFiles.Add(file);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            var buffer = new byte[ChunkBytes];
            var index = 0;
            long size = 0;
            while (true)
            {
                var read = await stream.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                var chunk = new MonitorFileChunk { FileId = file.Id, OrganisationId = organisationId, Index = index++, Data = buffer[..read] };
                db.MonitorFileChunks.Add(chunk);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                db.Entry(chunk).State = EntityState.Detached;
                size += read;
            }

            file.SizeBytes = size;
            file.ChunkCount = index;
            file.Complete = true;
            audit.Add(MonitorAudit.Upload, MonitorAudit.FileEntity, file.Id, personId: null);
            var analyses = await db.MonitorAnalyses.AsNoTracking().Where(a => a.DatasetName == file.DatasetName)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var analysis in analyses)
            {
                db.MonitorJobs.Add(MonitorJobs.NewJob(organisationId, userId, file.Id, analysis.Id, analysis.SettingsJson, now));
            }

            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return file.Id;
        }
        catch
        {
            db.ChangeTracker.Clear();
            await db.MonitorFiles.Where(f => f.Id == file.Id).ExecuteDeleteAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Deletes a file with its chunks, preview, jobs and results.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanManage)
        {
            return false;
        }

        var file = await db.MonitorFiles.SingleOrDefaultAsync(f => f.Id == id, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            return false;
        }

        await db.MonitorFileChunks.Where(c => c.FileId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.MonitorJobs.Where(j => j.FileId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.MonitorFiles.Remove(file);
        audit.Add(MonitorAudit.Delete, MonitorAudit.FileEntity, id, personId: null);
        await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Writes the stored bytes of a file of the actor's organisation to <paramref name="destination"/>, chunk by chunk.</summary>
    public Task<bool> CopyToAsync(Guid id, Stream destination, CancellationToken cancellationToken) =>
        CopyChunksAsync(db.MonitorFileChunks, id, destination, cancellationToken);

    internal static async Task<bool> CopyChunksAsync(IQueryable<MonitorFileChunk> chunks, Guid id, Stream destination, CancellationToken cancellationToken)
    {
        var indexes = await chunks.Where(c => c.FileId == id).OrderBy(c => c.Index).Select(c => c.Index)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var index in indexes)
        {
            var data = await chunks.Where(c => c.FileId == id && c.Index == index).Select(c => c.Data)
                .SingleAsync(cancellationToken).ConfigureAwait(false);
            await destination.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }

        return indexes.Count > 0;
    }

    private static MonitorFileInfo Info(MonitorFile f) =>
        new(f.Id, f.FileName, f.DatasetName, f.Format, f.SizeBytes, f.UploadedAtUtc, f.ExpiresAtUtc, f.Columns.Split('\t'));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
