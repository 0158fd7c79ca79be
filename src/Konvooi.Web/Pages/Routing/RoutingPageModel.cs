using Konvooi.Features.Referrals;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Routing;

/// <summary>What the routing pages share: loading the set-up and turning an outcome into a redirect or messages beside the fields.</summary>
public abstract class RoutingPageModel(ViewRouting.Handler view) : PageModel
{
    public const string StaleMessage = "Iemand anders heeft de routering net gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.";

    public ViewRouting.Result View { get; private set; } = null!;

    [BindProperty]
    public int Version { get; set; }

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    protected async Task<bool> LoadAsync(ViewRouting.Query query, CancellationToken cancellationToken)
    {
        var result = await view.HandleAsync(query, cancellationToken);
        if (result is null)
        {
            return false;
        }

        View = result;
        Version = result.Version;
        return true;
    }

    /// <summary>After a change: redirect with a notice when done; otherwise the messages and the page again (a stale form keeps its version).</summary>
    protected async Task<IActionResult> AfterAsync(RoutingOutcome outcome, string notice, string redirect, string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome)
        {
            case RoutingOutcome.Done:
                TempData["Notice"] = notice;
                return Redirect(redirect);
            case RoutingOutcome.Forbidden:
                return Forbid();
            case RoutingOutcome.NotFound:
                return NotFound();
            case RoutingOutcome.Stale:
                ModelState.AddModelError(string.Empty, StaleMessage);
                break;
            case RoutingOutcome.Invalid invalid:
                foreach (var problem in invalid.Problems)
                {
                    ModelState.AddModelError(problem.Field.Length == 0 ? string.Empty : prefix + problem.Field, problem.Message);
                }

                break;
        }

        var postedVersion = Version;
        if (!await LoadAsync(new ViewRouting.Query(), cancellationToken))
        {
            return Forbid();
        }

        Version = outcome is RoutingOutcome.Stale ? postedVersion : Version;
        return Page();
    }
}
