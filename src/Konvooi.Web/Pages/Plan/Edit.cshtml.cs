using Konvooi.Features.Support;
using Microsoft.AspNetCore.Mvc;

namespace Konvooi.Web.Pages.Plan;

public sealed class EditModel(RevisePlan.Handler plans) : PlanFormModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var current = await plans.CurrentInputAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        Plan = current;
        Form = await plans.FormAsync(id, cancellationToken);
        return Form is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        Id = id;
        var outcome = await plans.HandleAsync(id, version, Plan, cancellationToken);
        if (Apply(outcome, "De nieuwe versie van het plan is vastgelegd.") is { } done)
        {
            return done;
        }

        Form = await plans.FormAsync(id, cancellationToken);
        if (Form is null)
        {
            return NotFound();
        }

        // Keep the version the editor started from, so a conflict stays a conflict after fixing a field.
        Form = Form with { PlanVersion = version };
        return Page();
    }
}
