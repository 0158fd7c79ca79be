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
        return Job is null ? NotFound() : Page();
    }

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
