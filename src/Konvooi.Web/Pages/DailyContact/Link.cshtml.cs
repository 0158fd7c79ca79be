using Konvooi.Features.DailyContact;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.DailyContact;

/// <summary>A neighbour's or family member's own slots through their personal link (no account).</summary>
public sealed class LinkModel(ListSlotsByLink.Handler slots, ConfirmByLink.Handler confirm) : PageModel
{
    [BindProperty(Name = "Confirm")]
    public SlotViews.ConfirmInput Confirm { get; set; } = new();

    public IReadOnlyList<SlotViews.ContactSlot> Items { get; private set; } = [];

    public ContactSlotsView Cards => new(Items);

    public string PostUrl => "/DailyContact/Link/" + Uri.EscapeDataString((string?)RouteData.Values["token"] ?? string.Empty);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var found = await slots.HandleAsync(token, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        Items = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, string reference, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await confirm.HandleAsync(token, reference ?? string.Empty, Confirm, cancellationToken))
            {
                case SlotViews.Outcome.Confirmed confirmed:
                    TempData["Notice"] = confirmed.IsLate ? "Dank u. Het contact is vastgelegd; de meldingen zijn gestopt." : "Dank u. Het contact is vastgelegd.";
                    return Redirect(PostUrl);
                case SlotViews.Outcome.NotFound:
                    return NotFound();
                case SlotViews.Outcome.Rejected rejected:
                    ModelState.AddModelError(string.Empty, rejected.Error.Message);
                    break;
            }
        }

        return await OnGetAsync(token, cancellationToken);
    }
}
