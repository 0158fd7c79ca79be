using Konvooi.Features.Referrals;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Signals;

/// <summary>The signaller's own signals and their status; nothing clinical.</summary>
public sealed class MineModel(ListMySignals.Handler list) : PageModel
{
    public IReadOnlyList<ListMySignals.Row> Rows { get; private set; } = [];

    public bool ShowCrisisRoute { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ShowCrisisRoute = TempData[SignalPageText.CrisisFlag] is true;
        Rows = await list.ListAsync(cancellationToken);
    }
}
