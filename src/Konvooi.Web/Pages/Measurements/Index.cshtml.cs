using Konvooi.Features.Measurements;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Measurements;

public sealed class IndexModel(ReadMeasurements.Handler read) : PageModel
{
    public Guid Id { get; private set; }

    public ReadMeasurements.History? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        History = await read.HistoryAsync(id, cancellationToken);
        return History is null ? NotFound() : Page();
    }
}
