using Konvooi.Features.Support;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Plan;

/// <summary>What the new-plan and revise-plan pages share: the form, its options and how refusals land beside fields.</summary>
public abstract class PlanFormModel : PageModel
{
    [BindProperty(Name = "Plan")]
    public PlanViews.PlanInput Plan { get; set; } = new();

    public Guid Id { get; protected set; }

    public PlanViews.FormData? Form { get; protected set; }

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    /// <summary>The value of goal field <paramref name="index"/>, or empty.</summary>
    public string Goal(int index) => index < Plan.Goals.Count ? Plan.Goals[index] ?? "" : "";

    /// <summary>Shows the outcome: redirect to the plan when saved, otherwise messages beside the fields.</summary>
    protected IActionResult? Apply(PlanViews.Outcome outcome, string notice)
    {
        switch (outcome)
        {
            case PlanViews.Outcome.Saved:
                TempData["Notice"] = notice;
                return Redirect($"/People/{Id}/Plan");
            case PlanViews.Outcome.NotFound:
                return NotFound();
            case PlanViews.Outcome.Conflict:
                ModelState.AddModelError(string.Empty, "Iemand anders heeft het plan net ook gewijzigd. Open het plan opnieuw en voer uw wijziging nog een keer in.");
                return null;
            case PlanViews.Outcome.Invalid invalid:
                foreach (var problem in invalid.Problems)
                {
                    ModelState.AddModelError(problem.Field.Length == 0 ? string.Empty : "Plan." + problem.Field, problem.Message);
                }

                return null;
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }
}
