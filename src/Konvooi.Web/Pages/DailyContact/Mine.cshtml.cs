using Konvooi.Features.DailyContact;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.DailyContact;

public sealed class MineModel(ListMySlots.Handler mine, ConfirmSlot.Handler confirm, GetMyCalendarLinkExpiry.Handler linkExpiry) : PageModel
{
    [BindProperty(Name = "Confirm")]
    public SlotViews.ConfirmInput Confirm { get; set; } = new();

    public IReadOnlyList<SlotViews.ContactSlot> Items { get; private set; } = [];

    public ContactSlotsView Cards => new(Items);

    /// <summary>When the volunteer's calendar link expires, if that is soon (issue #17, finding 1).</summary>
    public DateTime? CalendarLinkExpires { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await mine.HandleAsync(7, cancellationToken);
        CalendarLinkExpires = await linkExpiry.HandleAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string reference, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await confirm.HandleAsync(reference ?? string.Empty, Confirm, cancellationToken))
            {
                case SlotViews.Outcome.Confirmed confirmed:
                    TempData["Notice"] = confirmed.IsLate ? "Dank u. Het contact is vastgelegd; de meldingen zijn gestopt." : "Dank u. Het contact is vastgelegd.";
                    return Redirect("/DailyContact/Mine");
                case SlotViews.Outcome.NotFound:
                    return NotFound();
                case SlotViews.Outcome.Rejected rejected:
                    ModelState.AddModelError(string.Empty, rejected.Error.Message);
                    break;
            }
        }

        Items = await mine.HandleAsync(7, cancellationToken);
        return Page();
    }
}
