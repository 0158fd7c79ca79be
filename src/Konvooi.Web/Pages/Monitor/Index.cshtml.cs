using Konvooi.Features.Monitor;
using Konvooi.Features.Seeding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Konvooi.Web.Pages.Monitor;

/// <summary>
/// The web monitor's start (docs/monitor-web.md): the organisation's survey files, uploading one (analysts), the saved
/// analyses and the latest runs.
/// </summary>
public sealed class IndexModel(MonitorStore store, MonitorJobs jobs, IOptions<MonitorOptions> options) : PageModel
{
    public IReadOnlyList<MonitorFileInfo> Files { get; private set; } = [];
    public IReadOnlyList<MonitorAnalysisView> Analyses { get; private set; } = [];
    public IReadOnlyList<MonitorJobView> Runs { get; private set; } = [];
    public bool CanManage => store.CanManage;
    public bool IsDemo { get; private set; }
    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    [BindProperty]
    public string? DatasetName { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The demo survey as a CSV download (only in the demo coalition).</summary>
    public async Task<IActionResult> OnGetDemoFileAsync(CancellationToken cancellationToken)
    {
        if (!await store.IsDemoAsync(cancellationToken))
        {
            return NotFound();
        }

        using var buffer = new MemoryStream();
        DemoSurvey.Write(buffer);
        return File(buffer.ToArray(), "text/csv; charset=utf-8", DemoSurvey.FileName);
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        if (!store.CanManage)
        {
            return Forbid();
        }

        var upload = Upload;
        var max = options.Value.MaxUploadBytes;
        var format = upload is null ? null : MonitorEngine.FormatOf(upload.FileName);
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Kies een bestand: CSV, XLSX of Parquet.");
        }
        else if (upload.Length > max)
        {
            ModelState.AddModelError(nameof(Upload), $"Het bestand is te groot. Het mag hoogstens {MonitorText.Size(max)} zijn.");
        }
        else if (format is null)
        {
            ModelState.AddModelError(nameof(Upload), "Dit soort spreadsheet kan Konvooi niet lezen. Sla het bestand op als .xlsx of als CSV.");
        }

        var dataset = string.IsNullOrWhiteSpace(DatasetName) ? (upload is null ? string.Empty : Path.GetFileNameWithoutExtension(upload.FileName)) : DatasetName.Trim();
        if (dataset.Length > 100)
        {
            ModelState.AddModelError(nameof(DatasetName), "Gebruik hoogstens 100 tekens voor de naam van de enquête.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var path = Path.Combine(Path.GetTempPath(), "konvooi-upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await upload!.CopyToAsync(file, cancellationToken);
            }

            var (shape, problems) = MonitorEngine.Inspect(path, format!, options.Value);
            if (shape is null)
            {
                foreach (var problem in problems)
                {
                    ModelState.AddModelError(nameof(Upload), problem);
                }

                await LoadAsync(cancellationToken);
                return Page();
            }

            var id = await store.StoreAsync(path, upload!.FileName, dataset, format!, shape, cancellationToken);
            return id is null ? Forbid() : RedirectToPage("Map", new { fileId = id });
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid fileId, CancellationToken cancellationToken)
    {
        if (!store.CanManage)
        {
            return Forbid();
        }

        if (!await store.DeleteAsync(fileId, cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = "Het bestand en alle uitkomsten ervan zijn verwijderd.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRerunAsync(Guid analysisId, Guid fileId, CancellationToken cancellationToken)
    {
        if (!store.CanManage)
        {
            return Forbid();
        }

        var job = await jobs.RunAnalysisAsync(analysisId, fileId, cancellationToken);
        return job is null ? NotFound() : RedirectToPage("Job", new { id = job });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Files = await store.ListAsync(cancellationToken);
        Analyses = await jobs.AnalysesAsync(cancellationToken);
        Runs = await jobs.RecentAsync(20, cancellationToken);
        IsDemo = await store.IsDemoAsync(cancellationToken);
    }
}
