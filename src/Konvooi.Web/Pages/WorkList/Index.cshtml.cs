using Konvooi.Features.Convoy;
using Konvooi.Features.Support;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.WorkList;

public sealed class IndexModel(GetWorkList.Handler workList, HandleConvoyAlert.Handler alerts) : PageModel
{
    public GetWorkList.Result Result { get; private set; } = null!;

    /// <summary>The convoy alert whose form was posted, to refill it after a refusal.</summary>
    public Guid? PostedAlert { get; private set; }

    public DateOnly? HandledOn { get; private set; }

    public string? HandledNote { get; private set; }

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    /// <summary>The model-state prefix of one alert's form.</summary>
    public static string AlertKey(Guid alertId) => "Alert" + alertId.ToString("N");

    public async Task<IActionResult> OnGetAsync(Guid? professional, string? wijk, string? intervention, CancellationToken cancellationToken) =>
        await ShowAsync(new GetWorkList.Query(professional, wijk, intervention), cancellationToken);

    /// <summary>Marks a convoy alert (the closest circle shrank, JG-4) as handled.</summary>
    public async Task<IActionResult> OnPostAlertAsync(Guid alertId, int version, DateOnly? handledOn, string? handledNote, CancellationToken cancellationToken)
    {
        foreach (var key in ModelState.Keys.ToList())
        {
            ModelState.Remove(key);
        }

        switch (await alerts.HandleAsync(alertId, version, handledOn, handledNote, cancellationToken))
        {
            case HandleConvoyAlert.Outcome.Saved:
                TempData["Notice"] = "Het contact is vastgelegd.";
                return Redirect("/WorkList");
            case HandleConvoyAlert.Outcome.NotFound:
                return NotFound();
            case HandleConvoyAlert.Outcome.Conflict:
                ModelState.AddModelError(string.Empty, "Iemand anders heeft dit punt net afgehandeld of gewijzigd. Bekijk de werklijst hieronder.");
                break;
            case HandleConvoyAlert.Outcome.Invalid invalid:
                foreach (var problem in invalid.Problems)
                {
                    ModelState.AddModelError($"{AlertKey(alertId)}.{problem.Field}", problem.Message);
                }

                break;
        }

        PostedAlert = alertId;
        HandledOn = handledOn;
        HandledNote = handledNote;
        return await ShowAsync(new GetWorkList.Query(), cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(GetWorkList.Query query, CancellationToken cancellationToken)
    {
        var result = await workList.HandleAsync(query, cancellationToken);
        if (result is null)
        {
            return Forbid();
        }

        Result = result;
        return Page();
    }
}
