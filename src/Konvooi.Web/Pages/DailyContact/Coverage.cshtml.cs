using Konvooi.Domain.DailyContact;
using Konvooi.Features.DailyContact;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.DailyContact;

public sealed class CoverageModel(BuildCoverageReport.Handler coverage) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public CoverageReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await coverage.HandleAsync(From, To, cancellationToken);
        return Report is null ? NotFound() : Page();
    }
}
