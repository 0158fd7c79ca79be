using Konvooi.Features.Profiles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Profile;

public sealed class IndexModel(ProfileSlice.Handler profiles) : PageModel
{
    public Guid Id { get; private set; }

    public ProfileSlice.View? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        View = await profiles.LatestAsync(id, cancellationToken);
        return View is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await profiles.RebuildAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = "Het profiel is opgesteld met de nieuwste gegevens.";
        return Redirect($"/People/{id}/Profile");
    }
}
