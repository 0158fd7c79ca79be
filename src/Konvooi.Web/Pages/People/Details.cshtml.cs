using Konvooi.Features.Audit;
using Konvooi.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.People;

public sealed class DetailsModel(GetPerson.Handler get) : PageModel
{
    public GetPerson.Result? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Result = await get.HandleAsync(id, AuditActions.View, cancellationToken);
        return Result is null ? NotFound() : Page();
    }
}
