using System.Text.Json;
using Konvooi.Domain.Access;

namespace Konvooi.Features.Monitor;

/// <summary>Settings under <c>Konvooi:Monitor</c> (docs/monitor-web.md, docs/configuration.md).</summary>
public sealed class MonitorOptions
{
    public const string Section = "Konvooi:Monitor";

    /// <summary>Largest upload in bytes (default 200 MB). The upload page's request body limit follows it.</summary>
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Days an uploaded file is kept (default 365); then the cleanup removes it with its results.</summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>Per organisation id, a retention in days that replaces <see cref="RetentionDays"/>.</summary>
    public Dictionary<string, int> RetentionDaysByOrganisation { get; set; } = [];

    /// <summary>Seconds between polls of the jobs table by the background service.</summary>
    public int JobPollSeconds { get; set; } = 2;

    /// <summary>Whether this node runs monitor jobs and the retention cleanup (several nodes may).</summary>
    public bool JobEnabled { get; set; } = true;

    /// <summary>Largest decompressed size of an XLSX upload's parts, in bytes (zip bomb guard, default 2 GB).</summary>
    public long MaxXlsxDecompressedBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest compression ratio of any XLSX part (zip bomb guard, default 200).</summary>
    public int MaxXlsxCompressionRatio { get; set; } = 200;

    public int RetentionDaysFor(Guid organisationId) =>
        RetentionDaysByOrganisation.TryGetValue(organisationId.ToString("D"), out var days) ? days : RetentionDays;
}

/// <summary>Who may do what in the web monitor (docs/permissions.md).</summary>
public static class MonitorAccess
{
    /// <summary>Reading the organisation's files list, analyses and results: analysts, coordinators, administrators.</summary>
    public static bool CanRead(Role role) => Permissions.CanReadMonitor(role);

    /// <summary>Uploading, mapping, running, saving and deleting: analysts only.</summary>
    public static bool CanManage(Role role) => role is Role.Analyst;
}

/// <summary>Stable audit action names of the monitor (entity types <c>MonitorFile</c>, <c>MonitorJob</c>).</summary>
public static class MonitorAudit
{
    public const string FileEntity = "MonitorFile";
    public const string JobEntity = "MonitorJob";
    public const string Upload = "monitor-file-upload";
    public const string Read = "monitor-file-read";
    public const string Run = "monitor-file-run";
    public const string Download = "monitor-result-download";
    public const string Delete = "monitor-file-delete";
    public const string Expire = "monitor-file-expire";
    public const string ResultView = "monitor-result-view";
}

/// <summary>Job states.</summary>
public static class MonitorJobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}

/// <summary>
/// What the analyst chose on the mapping page: the same options as <c>konvooi monitor estimate</c> and
/// <c>contrast</c> (docs/monitor.md), as stored with a job or a saved analysis.
/// </summary>
public sealed record MonitorSettings
{
    public string Instrument { get; init; } = "djg11";
    public IReadOnlyList<string> Items { get; init; } = [];
    public string? Codes { get; init; }
    public string? Weight { get; init; }
    public string? Strata { get; init; }
    public string? Psu { get; init; }
    public string? Fpc { get; init; }

    /// <summary>One entry per table, the variables joined by commas (<c>wave,age_group</c>).</summary>
    public IReadOnlyList<string> By { get; init; } = [];

    /// <summary>Built-in names or <c>NAME=EXPRESSION</c>.</summary>
    public IReadOnlyList<string> Indicators { get; init; } = [];

    public int? MaxMissing { get; init; }
    public string LonelyPsu { get; init; } = "fail";
    public string Ci { get; init; } = "wald";
    public int MinN { get; init; } = 30;
    public bool Publication { get; init; }
    public string DecimalSeparator { get; init; } = "point";

    /// <summary>The contrast's grouping set (one of <see cref="By"/>), or null for no contrast.</summary>
    public string? ContrastBy { get; init; }

    public string? ContrastVariable { get; init; }
    public string? ContrastA { get; init; }
    public string? ContrastB { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MonitorSettings FromJson(string json) => JsonSerializer.Deserialize<MonitorSettings>(json, Json) ?? new MonitorSettings();
}

/// <summary>A run's result as stored in <c>MonitorJob.ResultJson</c>: numbers only, never a respondent's row.</summary>
public sealed record MonitorResult
{
    public long RowsRead { get; init; }
    public long RowsUsed { get; init; }
    public int MinN { get; init; }
    public bool Publication { get; init; }
    public IReadOnlyList<MonitorIndicatorInfo> Indicators { get; init; } = [];
    public IReadOnlyList<MonitorTable> Tables { get; init; } = [];
    public IReadOnlyList<MonitorContrastRow> Contrasts { get; init; } = [];
    public string? ContrastText { get; init; }
    public IReadOnlyList<string> ContrastOtherVariables { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, MonitorSettings.Json);

    public static MonitorResult FromJson(string json) => JsonSerializer.Deserialize<MonitorResult>(json, MonitorSettings.Json) ?? new MonitorResult();
}

public sealed record MonitorIndicatorInfo(string Name, bool IsProportion);

/// <summary>One <c>--by</c> table.</summary>
public sealed record MonitorTable(IReadOnlyList<string> Variables, IReadOnlyList<MonitorEstimateRow> Rows);

/// <summary>One group and indicator. Estimate, SE, CI and deff are null when not computable (or blanked in publication mode).</summary>
public sealed record MonitorEstimateRow(
    IReadOnlyList<string> Values,
    string Indicator,
    long N,
    double SumWeight,
    double? Estimate,
    double? Se,
    double? CiLow,
    double? CiHigh,
    double? Deff,
    bool Suppressed);

/// <summary>One contrast A vs B within a combination of the other grouping variables.</summary>
public sealed record MonitorContrastRow(
    IReadOnlyList<string> OtherValues,
    string Indicator,
    string Kind,
    double? Estimate,
    double? Se,
    double? CiLow,
    double? CiHigh,
    double? PValue);
