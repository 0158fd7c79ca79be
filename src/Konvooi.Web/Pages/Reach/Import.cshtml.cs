using Konvooi.Domain.Access;
using Konvooi.Domain.Reach;
using Konvooi.Features.Reach;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Reach;

/// <summary>
/// Analysts upload the coalition's figure table (survey estimates per wijk) and population table (residents per wijk and
/// age group). All or nothing: every bad row is listed with its line, column and reason (docs/reach.md).
/// </summary>
public sealed class ImportModel(ImportReachTable.Handler import) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Which table the last upload was: <c>Figures</c> or <c>Population</c>.</summary>
    public ImportReachTable.Kind? Kind { get; private set; }

    public IReadOnlyList<TableProblem> Problems { get; private set; } = [];

    public IActionResult OnGet() => ActorClaims.HasPermission(User, Permissions.CanImportReachTables) ? Page() : Forbid();

    public Task<IActionResult> OnPostFiguresAsync(CancellationToken cancellationToken) => UploadAsync(ImportReachTable.Kind.Figures, cancellationToken);

    public Task<IActionResult> OnPostPopulationAsync(CancellationToken cancellationToken) => UploadAsync(ImportReachTable.Kind.Population, cancellationToken);

    private async Task<IActionResult> UploadAsync(ImportReachTable.Kind kind, CancellationToken cancellationToken)
    {
        if (!ActorClaims.HasPermission(User, Permissions.CanImportReachTables))
        {
            return Forbid();
        }

        Kind = kind;
        var field = kind == ImportReachTable.Kind.Figures ? "FiguresUpload" : "PopulationUpload";
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(field, "Kies een CSV-bestand.");
            return Page();
        }

        if (Upload.Length > ImportReachTable.MaxBytes)
        {
            ModelState.AddModelError(field, "Het bestand is groter dan 2 MB.");
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, cancellationToken);
        var name = string.IsNullOrWhiteSpace(Name) ? Path.GetFileNameWithoutExtension(Upload.FileName) : Name;
        switch (await import.HandleAsync(kind, name, buffer.ToArray(), cancellationToken))
        {
            case ImportReachTable.Outcome.Imported imported:
                TempData["Notice"] = kind == ImportReachTable.Kind.Figures
                    ? $"De cijfertabel is opgeslagen ({imported.Rows} regels)."
                    : $"De bevolkingstabel is opgeslagen ({imported.Rows} regels).";
                return Redirect("/Reach");
            case ImportReachTable.Outcome.Refused refused:
                Problems = refused.Problems;
                ModelState.AddModelError(field, refused.Problems.Count == 1
                    ? "Het bestand heeft 1 probleem. Er is niets opgeslagen. Zie de lijst hieronder."
                    : $"Het bestand heeft {refused.Problems.Count} problemen. Er is niets opgeslagen. Zie de lijst hieronder.");
                return Page();
            default:
                return Forbid();
        }
    }
}
