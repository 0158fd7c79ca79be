using Konvooi.Features.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.WorkList;

public sealed class IndexModel(GetWorkList.Handler workList) : PageModel
{
    public GetWorkList.Result Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? professional, string? wijk, string? intervention, CancellationToken cancellationToken)
    {
        var result = await workList.HandleAsync(new GetWorkList.Query(professional, wijk, intervention), cancellationToken);
        if (result is null)
        {
            return Forbid();
        }

        Result = result;
        return Page();
    }
}
