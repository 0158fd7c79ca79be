using System.Globalization;
using Konvooi.Domain.Access;
using Konvooi.Features.Catalogue;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Catalogue;

public sealed class WeightsModel(WeightsSlice.Handler weights) : PageModel
{
    [BindProperty(Name = "Input")]
    public WeightsSlice.Input Input { get; set; } = new();

    public WeightsSlice.View? View { get; private set; }

    public string? ResetReason { get; private set; }

    public bool MayTune => ActorClaims.HasPermission(User, Permissions.CanTuneMatchingWeights);

    public static string MaxText => WeightsSlice.MaxWeight.ToString(CultureInfo.GetCultureInfo("nl-NL"));

    public static string Label(string key) => WeightsSlice.Labels.GetValueOrDefault(key, key);

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    /// <summary>What the field shows: the posted text after a refused save, otherwise the weight in force.</summary>
    public string ValueFor(WeightsSlice.WeightLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Input.Weights.TryGetValue(line.Key, out var posted) ? posted : line.Current.ToString(CultureInfo.GetCultureInfo("nl-NL"));
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        View = await weights.ViewAsync(cancellationToken);
        if (View is null)
        {
            return NotFound();
        }

        Input = new WeightsSlice.Input { Version = View.Version };
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
            ? await weights.SaveAsync(Input, cancellationToken)
            : WeightsSlice.Check(Input).Problems is { Count: > 0 } problems ? new WeightsSlice.Outcome.Invalid(problems) : null;
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
        var outcome = await weights.ResetAsync(resetReason, version, cancellationToken);
        if (outcome is WeightsSlice.Outcome.Invalid)
        {
            ModelState.AddModelError("resetReason", "Schrijf op waarom u teruggaat naar de standaard.");
            outcome = null;
        }

        Input = new WeightsSlice.Input { Version = version };
        return await AfterAsync(outcome, "De standaardgewichten gelden weer.", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(WeightsSlice.Outcome? outcome, string notice, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case WeightsSlice.Outcome.Saved:
                TempData["Notice"] = notice;
                return Redirect("/Catalogue/Weights");
            case WeightsSlice.Outcome.Forbidden:
                return Forbid();
            case WeightsSlice.Outcome.Stale:
                ModelState.AddModelError(string.Empty,
                    "Iemand anders heeft de gewichten net veranderd. Uw wijziging is niet opgeslagen. Bekijk de gewichten die nu gelden en voer uw wijziging dan nog eens in.");
                Input.Weights.Clear();
                ModelState.Remove("Input.Version");
                break;
            case WeightsSlice.Outcome.Invalid invalid:
                foreach (var problem in invalid.Problems)
                {
                    var key = problem.Field switch
                    {
                        "" => string.Empty,
                        nameof(WeightsSlice.Input.Reason) => "Input.Reason",
                        _ => $"Input.Weights[{problem.Field}]",
                    };
                    ModelState.AddModelError(key, problem.Message);
                }

                break;
        }

        View = await weights.ViewAsync(cancellationToken);
        if (outcome is WeightsSlice.Outcome.Stale && View is not null)
        {
            Input.Version = View.Version;
        }

        return View is null ? NotFound() : Page();
    }
}
