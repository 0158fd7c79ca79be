using Konvooi.Features.Support;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Plan;

/// <summary>
/// The person's plan: goals, interventions with their trajectory, follow-ups, history and closing. Each
/// trajectory and follow-up has its own small form; its messages are keyed by its id so they appear
/// beside that form only.
/// </summary>
public sealed class IndexModel(
    ViewSupportPlan.Handler plans,
    RecordTrajectoryStep.Handler steps,
    CompleteFollowUp.Handler followUps,
    MarkSignalHandled.Handler signals,
    ClosePlan.Handler closing) : PageModel
{
    [BindProperty(Name = "Step")]
    public RecordTrajectoryStep.StepInput Step { get; set; } = new();

    [BindProperty(Name = "Close")]
    public ClosePlan.CloseInput Close { get; set; } = new();

    public Guid Id { get; private set; }

    public ViewSupportPlan.View? View { get; private set; }

    /// <summary>The trajectory or follow-up whose form was posted, to refill it after a refusal.</summary>
    public Guid? Posted { get; private set; }

    public string? DoneNote { get; private set; }

    public DateOnly? DoneOn { get; private set; }

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    /// <summary>The model-state prefix of the step form of one trajectory, e.g. <c>Step3f2a….</c>.</summary>
    public static string StepKey(Guid trajectoryId) => "Step" + trajectoryId.ToString("N");

    public static string FollowUpKey(Guid taskId) => "FollowUp" + taskId.ToString("N");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostStepAsync(Guid id, Guid trajectoryId, int version, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var outcome = await steps.HandleAsync(id, trajectoryId, version, Step, cancellationToken);
        Posted = trajectoryId;
        return await AfterAsync(id, outcome, StepKey(trajectoryId), "De stap is vastgelegd.", cancellationToken);
    }

    public async Task<IActionResult> OnPostFollowUpAsync(Guid id, Guid taskId, int version, DateOnly? doneOn, string? doneNote, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var outcome = await followUps.HandleAsync(id, taskId, version, doneOn, doneNote, cancellationToken);
        Posted = taskId;
        DoneOn = doneOn;
        DoneNote = doneNote;
        return await AfterAsync(id, outcome, FollowUpKey(taskId), "De opvolging is afgerond.", cancellationToken);
    }

    public async Task<IActionResult> OnPostSignalAsync(Guid id, Guid confirmationId, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var outcome = await signals.HandleAsync(id, confirmationId, cancellationToken);
        return await AfterAsync(id, outcome, "Signal", "Het signaal is opgevolgd.", cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var outcome = await closing.HandleAsync(id, version, Close, cancellationToken);
        return await AfterAsync(id, outcome, "Close", "Het plan is afgesloten.", cancellationToken);
    }

    /// <summary>Unparsable dates arrive as binding errors; the slice reports missing values itself, beside the right form.</summary>
    private void ClearBindingErrors()
    {
        foreach (var key in ModelState.Keys.ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task<IActionResult> AfterAsync(Guid id, PlanViews.Outcome outcome, string prefix, string notice, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case PlanViews.Outcome.Saved:
                TempData["Notice"] = notice;
                return Redirect($"/People/{id}/Plan");
            case PlanViews.Outcome.NotFound:
                return NotFound();
            case PlanViews.Outcome.Conflict:
                ModelState.AddModelError(string.Empty, "Iemand anders heeft dit net ook gewijzigd. Bekijk het plan hieronder en voer uw wijziging opnieuw in.");
                break;
            case PlanViews.Outcome.Invalid invalid:
                foreach (var problem in invalid.Problems)
                {
                    ModelState.AddModelError(problem.Field.Length == 0 ? string.Empty : $"{prefix}.{problem.Field}", problem.Message);
                }

                break;
        }

        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        View = await plans.HandleAsync(id, cancellationToken);
        return View is null ? NotFound() : Page();
    }
}
