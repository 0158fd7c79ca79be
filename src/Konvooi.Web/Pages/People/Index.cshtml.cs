using Konvooi.Features.People;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.People;

public sealed class IndexModel(ListPeople.Handler list) : PageModel
{
    public ListPeople.Result Result { get; private set; } = new([], 1, 1, 0, null);

    public async Task OnGetAsync(string? search, int? p, CancellationToken cancellationToken) =>
        Result = await list.HandleAsync(new ListPeople.Query(search, p ?? 1), cancellationToken);
}
