using Konvooi.Features.Measurements;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Measurements;

public sealed class ResultModel(ReadMeasurements.Handler read) : PageModel
{
    public ReadMeasurements.Result? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid measurementId, CancellationToken cancellationToken)
    {
        Result = await read.GetAsync(id, measurementId, cancellationToken);
        return Result is null ? NotFound() : Page();
    }
}
