using Konvooi.Features.DailyContact;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.DailyContact;

public sealed class DashboardModel(GetDashboard.Handler dashboard, MarkFollowUpHandled.Handler markHandled) : PageModel
{
    public GetDashboard.View? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        View = await dashboard.HandleAsync(cancellationToken);
        return View is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostHandledAsync(Guid confirmationId, CancellationToken cancellationToken)
    {
        if (!await markHandled.HandleAsync(confirmationId, cancellationToken))
        {
            return NotFound();
        }

        TempData["Notice"] = "Het signaal staat als opgevolgd.";
        return Redirect("/DailyContact/Dashboard");
    }
}
