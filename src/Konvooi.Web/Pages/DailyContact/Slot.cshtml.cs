using System.ComponentModel.DataAnnotations;
using Konvooi.Features.DailyContact;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.DailyContact;

/// <summary>One slot for the coordinator: its log, recording a contact for someone, or closing a missed slot.</summary>
public sealed class SlotModel(GetSlot.Handler slot, ConfirmSlot.Handler confirm, ResolveSlot.Handler resolve) : PageModel
{
    [BindProperty(Name = "Confirm")]
    public SlotViews.ConfirmInput Confirm { get; set; } = new();

    [BindProperty]
    [StringLength(500, ErrorMessage = "Houd de notitie kort: hoogstens 500 tekens.")]
    public string? ResolveNote { get; set; }

    public GetSlot.Detail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        Detail = await slot.HandleAsync(reference, cancellationToken);
        return Detail is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnPostRecordAsync(string reference, CancellationToken cancellationToken) =>
        AfterAsync(reference, ct => confirm.HandleAsync(reference, Confirm, ct), "Het contact is vastgelegd.", cancellationToken);

    public Task<IActionResult> OnPostResolveAsync(string reference, CancellationToken cancellationToken) =>
        AfterAsync(reference, ct => resolve.HandleAsync(reference, ResolveNote, ct), "Het contactmoment is afgesloten.", cancellationToken);

    /// <summary>Runs a valid form's change; a success redirects back to the slot, a refusal re-renders with its message.</summary>
    private async Task<IActionResult> AfterAsync(string reference, Func<CancellationToken, Task<SlotViews.Outcome>> change, string notice, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await change(cancellationToken))
            {
                case SlotViews.Outcome.Confirmed or SlotViews.Outcome.Resolved:
                    TempData["Notice"] = notice;
                    return Redirect("/DailyContact/Slot/" + Uri.EscapeDataString(reference));
                case SlotViews.Outcome.NotFound:
                    return NotFound();
                case SlotViews.Outcome.Rejected rejected:
                    ModelState.AddModelError(string.Empty, rejected.Error.Message);
                    break;
            }
        }

        return await OnGetAsync(reference, cancellationToken);
    }
}
