using Konvooi.Domain.Referrals;
using Konvooi.Features.Referrals;
using Microsoft.AspNetCore.Mvc;

namespace Konvooi.Web.Pages.Routing;

/// <summary>
/// The coalition's wijk list: every coordinator reads it; coordinators of the lead organisation replace it with a CSV
/// file (all or nothing: every bad row is listed with its line, column and reason).
/// </summary>
public sealed class WijkenModel(ViewRouting.Handler view, ImportWijken.Handler import) : RoutingPageModel(view)
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<WijkListProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(new ViewRouting.Query(), cancellationToken) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var postedVersion = Version;
        if (!await LoadAsync(new ViewRouting.Query(), cancellationToken) || !View.CanEdit)
        {
            return Forbid();
        }

        Version = postedVersion;
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Kies een CSV-bestand met de wijken.");
            return await AfterAsync(new RoutingOutcome.Invalid([]), string.Empty, string.Empty, string.Empty, cancellationToken);
        }

        if (Upload.Length > ImportWijken.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "Het bestand is groter dan 1 MB.");
            return await AfterAsync(new RoutingOutcome.Invalid([]), string.Empty, string.Empty, string.Empty, cancellationToken);
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, cancellationToken);
        var outcome = await import.HandleAsync(Version, buffer.ToArray(), cancellationToken);
        if (outcome is RoutingOutcome.ImportRefused refused)
        {
            Problems = refused.Problems;
            ModelState.AddModelError(nameof(Upload), refused.Problems.Count == 1
                ? "Het bestand heeft 1 probleem. Er is niets veranderd. Zie de lijst hieronder."
                : $"Het bestand heeft {refused.Problems.Count} problemen. Er is niets veranderd. Zie de lijst hieronder.");
        }

        return await AfterAsync(outcome, outcome is RoutingOutcome.Done done ? $"De wijkenlijst is bijgewerkt: {done.Summary}." : string.Empty, "/Routing/Wijken", string.Empty, cancellationToken);
    }
}
