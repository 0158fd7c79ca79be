using Konvooi.Features.DailyContact;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.DailyContact;

public sealed class MineModel(Slots.Handler slots) : PageModel
{
    [BindProperty(Name = "Confirm")]
    public Slots.ConfirmInput Confirm { get; set; } = new();

    public IReadOnlyList<Slots.ContactSlot> Items { get; private set; } = [];

    public ContactSlotsView Cards => new(Items);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await slots.MineAsync(7, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string reference, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await slots.ConfirmAsync(reference ?? string.Empty, Confirm, cancellationToken))
            {
                case Slots.Outcome.Confirmed confirmed:
                    TempData["Notice"] = confirmed.IsLate ? "Dank u. Het contact is vastgelegd; de meldingen zijn gestopt." : "Dank u. Het contact is vastgelegd.";
                    return Redirect("/DailyContact/Mine");
                case Slots.Outcome.NotFound:
                    return NotFound();
                case Slots.Outcome.Rejected rejected:
                    ModelState.AddModelError(string.Empty, rejected.Error.Message);
                    break;
            }
        }

        Items = await slots.MineAsync(7, cancellationToken);
        return Page();
    }
}
