using Konvooi.Features.Measurements;
using Konvooi.Features.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Measurements;

public sealed class IndexModel(ListMeasurementHistory.Handler read, GetRemeasurements.Handler plans) : PageModel
{
    public Guid Id { get; private set; }

    public ListMeasurementHistory.History? History { get; private set; }

    /// <summary>The person's support plans on this page: events for the chart and the honest change (LM-1, docs/support-plan.md).</summary>
    public GetRemeasurements.Result Plans { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        History = await read.HandleAsync(id, cancellationToken);
        if (History is null)
        {
            return NotFound();
        }

        Plans = await plans.HandleAsync(id, cancellationToken) ?? Plans;
        return Page();
    }
}
