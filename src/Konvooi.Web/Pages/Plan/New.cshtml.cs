using Konvooi.Domain.Common;
using Konvooi.Features.Support;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Konvooi.Web.Pages.Plan;

public sealed class NewModel(CreatePlan.Handler plans, TimeProvider time) : PlanFormModel
{
    public Guid? Run { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? run, CancellationToken cancellationToken)
    {
        Plan.AgreedOn = DutchDate.Today(time);
        Plan.ResponsibleProfessionalId = ActorClaims.TryRead(User, out var userId, out _, out _) ? userId : null;
        var result = await ShowAsync(id, run, cancellationToken);
        if (result is not null)
        {
            return result;
        }

        Plan.Interventions = Form!.Offered.Where(o => o.Checked).Select(o => o.Id).ToList();
        Plan.WatchfulWaiting = Form.ChoseWatchfulWaiting;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? run, CancellationToken cancellationToken)
    {
        Id = id;
        var outcome = await plans.HandleAsync(id, run, Plan, cancellationToken);
        return Apply(outcome, "Het plan is vastgelegd.") ?? await ShowAsync(id, run, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> ShowAsync(Guid id, Guid? run, CancellationToken cancellationToken)
    {
        Id = id;
        Run = run;
        Form = await plans.FormAsync(id, run, cancellationToken);
        return Form is null ? NotFound() : null;
    }
}
