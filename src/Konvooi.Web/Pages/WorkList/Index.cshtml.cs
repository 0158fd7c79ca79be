using Konvooi.Features.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.WorkList;

public sealed class IndexModel(WorkListSlice.Handler workList) : PageModel
{
    public WorkListSlice.Result Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? professional, string? wijk, string? intervention, CancellationToken cancellationToken)
    {
        var result = await workList.HandleAsync(new WorkListSlice.Query(professional, wijk, intervention), cancellationToken);
        if (result is null)
        {
            return Forbid();
        }

        Result = result;
        return Page();
    }
}
