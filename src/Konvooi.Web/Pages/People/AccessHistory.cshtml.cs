using Konvooi.Features.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.People;

public sealed class AccessHistoryModel(AccessHistory.Handler history) : PageModel
{
    public Guid Id { get; private set; }

    public IReadOnlyList<AccessHistory.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var rows = await history.HandleAsync(id, cancellationToken);
        if (rows is null)
        {
            return NotFound();
        }

        Rows = rows;
        return Page();
    }
}
