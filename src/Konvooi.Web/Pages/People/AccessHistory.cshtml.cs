using Konvooi.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.People;

public sealed class AccessHistoryModel(AccessHistory.Handler history) : PageModel
{
    public Guid Id { get; private set; }

    public AccessHistory.Result Result { get; private set; } = new(string.Empty, []);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var result = await history.HandleAsync(id, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Result = result;
        return Page();
    }
}
