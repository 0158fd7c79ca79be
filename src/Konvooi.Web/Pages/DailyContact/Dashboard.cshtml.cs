using Konvooi.Features.DailyContact;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.DailyContact;

public sealed class DashboardModel(CoordinatorDashboard.Handler dashboard) : PageModel
{
    public CoordinatorDashboard.View? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        View = await dashboard.ViewAsync(cancellationToken);
        return View is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostHandledAsync(Guid confirmationId, CancellationToken cancellationToken)
    {
        if (!await dashboard.MarkHandledAsync(confirmationId, cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = "Het signaal staat als opgevolgd.";
        return Redirect("/DailyContact/Dashboard");
    }
}
