using Konvooi.Features.Measurements;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Measurements;

public sealed class ResultModel(GetMeasurement.Handler read) : PageModel
{
    public GetMeasurement.Result? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid measurementId, CancellationToken cancellationToken)
    {
        Result = await read.HandleAsync(id, measurementId, cancellationToken);
        return Result is null ? NotFound() : Page();
    }
}
