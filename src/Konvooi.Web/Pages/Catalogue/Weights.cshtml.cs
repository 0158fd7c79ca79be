using System.Globalization;
using Konvooi.Domain.Access;
using Konvooi.Features.Catalogue;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Catalogue;

public sealed class WeightsModel(ViewWeights.Handler weights, SaveWeights.Handler save, ResetWeights.Handler reset) : PageModel
{
    [BindProperty(Name = "Input")]
    public SaveWeights.Input Input { get; set; } = new();

    public ViewWeights.View? View { get; private set; }

    public string? ResetReason { get; private set; }

    public bool MayTune => ActorClaims.HasPermission(User, Permissions.CanTuneMatchingWeights);

    public static string MaxText => OrganisationWeights.MaxWeight.ToString(CultureInfo.GetCultureInfo("nl-NL"));

    public static string Label(string key) => OrganisationWeights.Labels.GetValueOrDefault(key, key);

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    /// <summary>What the field shows: the posted text after a refused save, otherwise the weight in force.</summary>
    public string ValueFor(ViewWeights.WeightLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Input.Weights.TryGetValue(line.Key, out var posted) ? posted : line.Current.ToString(CultureInfo.GetCultureInfo("nl-NL"));
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        View = await weights.HandleAsync(cancellationToken);
        if (View is null)
        {
            return NotFound();
        }

        Input = new SaveWeights.Input { Version = View.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayTune)
        {
            return Forbid();
        }

        // With a missing reason the weights are still checked, so every message shows at once.
        var outcome = ModelState.IsValid
            ? await save.HandleAsync(Input, cancellationToken)
            : SaveWeights.Check(Input).Problems is { Count: > 0 } problems ? new OrganisationWeights.Outcome.Invalid(problems) : null;
        return await AfterAsync(outcome, "De nieuwe gewichten zijn opgeslagen.", cancellationToken);
    }

    public async Task<IActionResult> OnPostResetAsync(string? resetReason, int version, CancellationToken cancellationToken)
    {
        if (!MayTune)
        {
            return Forbid();
        }

        ModelState.Clear();
        ResetReason = resetReason;
        var outcome = await reset.HandleAsync(resetReason, version, cancellationToken);
        if (outcome is OrganisationWeights.Outcome.Invalid)
        {
            ModelState.AddModelError("resetReason", "Schrijf op waarom u teruggaat naar de standaard.");
            outcome = null;
        }

        Input = new SaveWeights.Input { Version = version };
        return await AfterAsync(outcome, "De standaardgewichten gelden weer.", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(OrganisationWeights.Outcome? outcome, string notice, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case OrganisationWeights.Outcome.Saved:
                TempData["Notice"] = notice;
                return Redirect("/Catalogue/Weights");
            case OrganisationWeights.Outcome.Forbidden:
                return Forbid();
            case OrganisationWeights.Outcome.Stale:
                ModelState.AddModelError(string.Empty,
                    "Iemand anders heeft de gewichten net veranderd. Uw wijziging is niet opgeslagen. Bekijk de gewichten die nu gelden en voer uw wijziging dan nog eens in.");
                Input.Weights.Clear();
                ModelState.Remove("Input.Version");
                break;
            case OrganisationWeights.Outcome.Invalid invalid:
                foreach (var problem in invalid.Problems)
                {
                    var key = problem.Field switch
                    {
                        "" => string.Empty,
                        nameof(SaveWeights.Input.Reason) => "Input.Reason",
                        _ => $"Input.Weights[{problem.Field}]",
                    };
                    ModelState.AddModelError(key, problem.Message);
                }

                break;
        }

        View = await weights.HandleAsync(cancellationToken);
        if (outcome is OrganisationWeights.Outcome.Stale && View is not null)
        {
            Input.Version = View.Version;
        }

        return View is null ? NotFound() : Page();
    }
}
