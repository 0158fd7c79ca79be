using System.Globalization;
using Konvooi.Domain.Matching;
using Konvooi.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Catalogue;

public sealed class IndexModel(ListCatalogue.Handler catalogue) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Aim { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cause { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Setting { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Retired { get; set; }

    public ListCatalogue.ListView? View { get; private set; }

    /// <summary>Free places and waiting time in words.</summary>
    public static string Availability(Intervention intervention)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        var places = intervention.Capacity switch
        {
            null => "plaatsen onbekend",
            0 => "geen vrije plaats",
            1 => "1 vrije plaats",
            { } n => n.ToString(CultureInfo.InvariantCulture) + " vrije plaatsen",
        };
        var waiting = intervention.WaitingListWeeks switch
        {
            null => "wachttijd onbekend",
            0 => "geen wachttijd",
            1 => "1 week wachten",
            { } w => w.ToString(CultureInfo.InvariantCulture) + " weken wachten",
        };
        return $"{places}, {waiting}";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        View = await catalogue.HandleAsync(new ListCatalogue.Filter(Search, Aim, Cause, Setting, Retired), cancellationToken);
        return View is null ? NotFound() : Page();
    }
}
