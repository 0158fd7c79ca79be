using Konvooi.Features.Profiles;
using Konvooi.Features.Support;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Profile;

public sealed class IndexModel(GetProfile.Handler profiles, RebuildProfile.Handler rebuild, ChooseInterventions.Handler choose) : PageModel
{
    [BindProperty(Name = "Choice")]
    public ChooseInterventions.ChoiceInput Choice { get; set; } = new();

    public Guid Id { get; private set; }

    public GetProfile.View? View { get; private set; }

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        View = await profiles.HandleAsync(id, cancellationToken);
        return View is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await rebuild.HandleAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = "Het profiel is opgesteld met de nieuwste gegevens.";
        return Redirect($"/People/{id}/Profile");
    }

    /// <summary>Records the choice made with the person on the run that was shown, then opens the plan form.</summary>
    public async Task<IActionResult> OnPostChooseAsync(Guid id, Guid runId, int runVersion, CancellationToken cancellationToken)
    {
        switch (await choose.HandleAsync(id, runId, runVersion, Choice, cancellationToken))
        {
            case ChooseInterventions.Outcome.Chosen chosen:
                TempData["Notice"] = "Uw keuze is vastgelegd. Maak nu samen het plan.";
                return Redirect($"/People/{id}/Plan/New?run={chosen.RunId}");
            case ChooseInterventions.Outcome.NotFound:
                return NotFound();
            case ChooseInterventions.Outcome.Conflict:
                ModelState.AddModelError(string.Empty, "Bij deze suggesties is net al een keuze vastgelegd, of ze zijn veranderd. Bekijk de suggesties hieronder en kies opnieuw.");
                break;
            case ChooseInterventions.Outcome.Invalid invalid:
                foreach (var problem in invalid.Problems)
                {
                    ModelState.AddModelError(problem.Field.Length == 0 ? string.Empty : "Choice." + problem.Field, problem.Message);
                }

                break;
        }

        Id = id;
        View = await profiles.HandleAsync(id, cancellationToken);
        return View is null ? NotFound() : Page();
    }
}
