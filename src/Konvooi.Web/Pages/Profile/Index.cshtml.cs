using Konvooi.Features.Profiles;
using Konvooi.Features.Support;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Profile;

public sealed class IndexModel(
    GetProfile.Handler profiles,
    RebuildProfile.Handler rebuild,
    MatchProfile.Handler match,
    ChooseInterventions.Handler choose,
    RecordJudgement.Handler judge,
    RecordSafetyFollowUp.Handler safety) : PageModel
{
    [BindProperty(Name = "Choice")]
    public ChooseInterventions.ChoiceInput Choice { get; set; } = new();

    [BindProperty(Name = "Judgement")]
    public RecordJudgement.JudgementInput Judgement { get; set; } = new();

    [BindProperty(Name = "Safety")]
    public RecordSafetyFollowUp.FollowUpInput Safety { get; set; } = new();

    public Guid Id { get; private set; }

    public GetProfile.View? View { get; private set; }

    /// <summary>The judgement form was posted (keep the typed values after a refusal).</summary>
    public bool JudgementPosted { get; private set; }

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        View = await profiles.HandleAsync(id, cancellationToken);
        return View is null ? NotFound() : Page();
    }

    /// <summary>Draws up the profile again with the newest data, and matches it (one run).</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await rebuild.HandleAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = "Het profiel is opgesteld met de nieuwste gegevens.";
        return Redirect($"/People/{id}/Profile");
    }

    /// <summary>Matches the latest profile with today's catalogue (a POST: only a deliberate click stores a match run).</summary>
    public async Task<IActionResult> OnPostMatchAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await match.HandleAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Redirect($"/People/{id}/Profile#suggesties");
    }

    /// <summary>Records the choice made with the person on the run that was shown, then opens the plan form.</summary>
    public async Task<IActionResult> OnPostChooseAsync(Guid id, Guid runId, int runVersion, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        switch (await choose.HandleAsync(id, runId, runVersion, Choice, cancellationToken))
        {
            case ChooseInterventions.Outcome.Chosen chosen:
                TempData["Notice"] = "Uw keuze is vastgelegd. Maak nu samen het plan.";
                return Redirect($"/People/{id}/Plan/New?run={chosen.RunId}");
            case ChooseInterventions.Outcome.NotFound:
                return NotFound();
            case ChooseInterventions.Outcome.Conflict:
                ModelState.AddModelError(string.Empty, "Bij deze suggesties is net al een keuze vastgelegd, of ze zijn veranderd. Zoek de suggesties opnieuw en kies opnieuw.");
                break;
            case ChooseInterventions.Outcome.Invalid invalid:
                foreach (var problem in invalid.Problems)
                {
                    ModelState.AddModelError(problem.Field.Length == 0 ? string.Empty : "Choice." + problem.Field, problem.Message);
                }

                break;
        }

        return await ShowAsync(id, cancellationToken);
    }

    /// <summary>Records the professional's own judgement of type and severity (issue #16); it counts from the next profile.</summary>
    public async Task<IActionResult> OnPostJudgementAsync(Guid id, int judgementVersion, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        JudgementPosted = true;
        var outcome = await judge.HandleAsync(id, judgementVersion, Judgement, cancellationToken);
        return await AfterAsync(id, outcome, "Judgement", "Uw oordeel is vastgelegd. Stel het profiel opnieuw op om het mee te nemen.", "#oordeel", cancellationToken);
    }

    /// <summary>Records the follow-up of a safety advice; from the plan page it returns there.</summary>
    public async Task<IActionResult> OnPostSafetyAsync(Guid id, string? from, CancellationToken cancellationToken)
    {
        ClearBindingErrors();
        var outcome = await safety.HandleAsync(id, Safety, cancellationToken);
        if (outcome is Assessments.Outcome.Saved && from == "plan")
        {
            TempData["Notice"] = "De opvolging is vastgelegd.";
            return Redirect($"/People/{id}/Plan");
        }

        return await AfterAsync(id, outcome, "Safety", "De opvolging is vastgelegd.", "#veiligheid", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Assessments.Outcome outcome, string prefix, string notice, string anchor, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case Assessments.Outcome.Saved:
                TempData["Notice"] = notice;
                return Redirect($"/People/{id}/Profile{anchor}");
            case Assessments.Outcome.NotFound:
                return NotFound();
            case Assessments.Outcome.Conflict:
                ModelState.AddModelError(string.Empty, "Iemand anders heeft dit net ook gewijzigd, of het profiel is veranderd. Bekijk het profiel hieronder en voer uw wijziging opnieuw in.");
                break;
            case Assessments.Outcome.Invalid invalid:
                foreach (var problem in invalid.Problems)
                {
                    ModelState.AddModelError(problem.Field.Length == 0 ? string.Empty : $"{prefix}.{problem.Field}", problem.Message);
                }

                break;
        }

        return await ShowAsync(id, cancellationToken);
    }

    /// <summary>
    /// Binding errors are dropped (an unparsable date arrives as empty): the slice reports missing or wrong values
    /// itself, in Dutch, beside the fields of the posted form.
    /// </summary>
    private void ClearBindingErrors()
    {
        foreach (var key in ModelState.Keys.ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        View = await profiles.HandleAsync(id, cancellationToken);
        return View is null ? NotFound() : Page();
    }
}
