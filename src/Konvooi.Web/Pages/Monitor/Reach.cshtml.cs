using Konvooi.Features.Reach;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Monitor;

/// <summary>
/// Sends the wijk estimates of a finished run to reach against need as a figure table (analysts; docs/reach.md,
/// "Figures from a monitor analysis"). One form per table with a wijk column; nothing is stored when anything is wrong.
/// </summary>
public sealed class ReachModel(FiguresFromMonitor.Handler figures) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public int TableIndex { get; set; } = -1;

    [BindProperty]
    public Dictionary<string, string> Fixed { get; set; } = [];

    [BindProperty]
    public List<string> Indicators { get; set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    public FiguresFromMonitor.Offer? Offer { get; private set; }

    /// <summary>Whether the form of table <paramref name="index"/> shows posted values (after a refusal).</summary>
    public bool Posted(int index) => TableIndex == index;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Offer = await figures.OfferAsync(Id, cancellationToken);
        return Offer is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var command = new FiguresFromMonitor.Command(Id, TableIndex, Fixed, Indicators, Name);
        switch (await figures.HandleAsync(command, cancellationToken))
        {
            case FiguresFromMonitor.Outcome.Written written:
                TempData["Notice"] = written.Skipped.Count == 0
                    ? $"De cijfers staan nu bij bereik en behoefte ({written.Rows} regels)."
                    : $"De cijfers staan nu bij bereik en behoefte ({written.Rows} regels). Niet meegenomen, te weinig personen of geen schatting: {string.Join("; ", written.Skipped)}.";
                return Redirect($"/Reach?figures={written.TableId:D}");
            case FiguresFromMonitor.Outcome.Refused refused:
                foreach (var problem in refused.Problems)
                {
                    ModelState.AddModelError(string.Empty, problem);
                }

                Offer = await figures.OfferAsync(Id, cancellationToken);
                return Offer is null ? NotFound() : Page();
            case FiguresFromMonitor.Outcome.NotFound:
                return NotFound();
            default:
                return Forbid();
        }
    }
}
