using Konvooi.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.People;

/// <summary>The person page as a case overview (docs/start-page.md); the read is audited once, as a person view.</summary>
public sealed class DetailsModel(GetCaseOverview.Handler overview) : PageModel
{
    public GetCaseOverview.View? Overview { get; private set; }

    public GetPerson.Result? Result => Overview?.Record;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Overview = await overview.HandleAsync(id, cancellationToken);
        return Overview is null ? NotFound() : Page();
    }
}
