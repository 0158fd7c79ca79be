namespace Konvooi.Features.Data;

/// <summary>
/// An uploaded survey file (microdata) of one organisation, for the web monitor (docs/monitor-web.md). The bytes are in
/// <see cref="MonitorFileChunk"/> rows, so every node sharing the database can read it. Deleted with its chunks, jobs
/// and results when the analyst deletes it or when <see cref="ExpiresAtUtc"/> passes.
/// </summary>
public sealed class MonitorFile
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }

    /// <summary>The file name as uploaded (without any directory).</summary>
    public required string FileName { get; set; }

    /// <summary>The survey this file is a wave or version of; saved analyses linked to it re-run on a new upload.</summary>
    public required string DatasetName { get; set; }

    /// <summary><c>csv</c>, <c>xlsx</c> or <c>parquet</c>.</summary>
    public required string Format { get; set; }

    public long SizeBytes { get; set; }
    public int ChunkCount { get; set; }
    public Guid UploadedByUserId { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>The header row, tab-separated, read at upload (for the mapping form).</summary>
    public required string Columns { get; set; }

    /// <summary>The first rows as JSON (an array of string arrays), for the mapping preview; removed with the file.</summary>
    public required string PreviewJson { get; set; }

    /// <summary>False while the chunks are being written; an incomplete file is invisible and removed by the cleanup.</summary>
    public bool Complete { get; set; }
}

/// <summary>One piece (at most 1 MB) of an uploaded file.</summary>
public sealed class MonitorFileChunk
{
    public Guid FileId { get; set; }
    public Guid OrganisationId { get; set; }
    public int Index { get; set; }
    public required byte[] Data { get; set; }
}

/// <summary>A named analysis (mapping, indicators, groups, contrast) an analyst saved, per organisation.</summary>
public sealed class MonitorAnalysis
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public required string Name { get; set; }

    /// <summary>Uploads with this dataset name re-run the analysis automatically; null: only on request.</summary>
    public string? DatasetName { get; set; }

    /// <summary>The settings as JSON (<c>Konvooi.Features.Monitor.MonitorSettings</c>).</summary>
    public required string SettingsJson { get; set; }

    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// One run of the monitor on one file. Queued by the web page, claimed by exactly one node's background service
/// (an update that only one node wins), and holding its result as JSON once done.
/// </summary>
public sealed class MonitorJob
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid FileId { get; set; }
    public Guid? AnalysisId { get; set; }
    public required string SettingsJson { get; set; }

    /// <summary><c>queued</c>, <c>running</c>, <c>done</c> or <c>failed</c>.</summary>
    public required string Status { get; set; }

    public Guid RequestedByUserId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>The problems of a failed run, one per line (messages about the file and options, never its values).</summary>
    public string? Problems { get; set; }

    /// <summary>The estimates and contrasts as JSON (<c>Konvooi.Features.Monitor.MonitorResult</c>).</summary>
    public string? ResultJson { get; set; }
}
