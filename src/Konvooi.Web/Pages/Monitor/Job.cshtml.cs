using Konvooi.Features.Monitor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Monitor;

/// <summary>
/// A run's status (refreshing itself every 3 seconds without JavaScript while it waits or runs), its problems, or its
/// result: tables, charts, the contrast in a sentence, and the CSV and XLSX downloads (docs/monitor-web.md).
/// </summary>
public sealed class JobModel(MonitorJobs jobs) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public MonitorJobView? Job { get; private set; }

    public bool Pending => Job?.Status is MonitorJobStatus.Queued or MonitorJobStatus.Running;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Job = await jobs.GetAsync(Id, cancellationToken);
        if (Job is null)
        {
            return NotFound();
        }

        // While the job waits or runs the page reloads itself without JavaScript: the HTTP Refresh header, the equivalent
        // of a meta refresh. The analyst can stop it (WCAG 2.2.1: a time limit the user can turn off), hence ?refresh=0.
        if (Pending && AutoRefresh)
        {
            Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Page();
    }

    /// <summary>Seconds between reloads of a pending job's page.</summary>
    public const int RefreshSeconds = 3;

    /// <summary>False when the analyst stopped the automatic reloads (<c>?refresh=0</c>).</summary>
    public bool AutoRefresh => !string.Equals(Request.Query["refresh"], "0", StringComparison.Ordinal);

    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        var result = await ResultAsync(cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        var rows = table == "contrast" ? MonitorExports.ContrastRows(result) : MonitorExports.EstimateRows(result);
        return File(MonitorExports.Csv(rows), "text/csv; charset=utf-8", table == "contrast" ? "monitor-vergelijking.csv" : "monitor-schattingen.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        var result = await ResultAsync(cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        var sheets = new List<(string, IReadOnlyList<IReadOnlyList<object?>>)> { ("schattingen", MonitorExports.EstimateRows(result)) };
        if (result.Contrasts.Count > 0)
        {
            sheets.Add(("vergelijking", MonitorExports.ContrastRows(result)));
        }

        return File(MonitorExports.Xlsx(sheets), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "monitor-uitkomsten.xlsx");
    }

    private async Task<MonitorResult?> ResultAsync(CancellationToken cancellationToken)
    {
        Job = await jobs.GetAsync(Id, cancellationToken, MonitorAudit.Download);
        return Job?.Result;
    }
}
