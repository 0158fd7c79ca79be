using Konvooi.Features.Reach;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Reach;

/// <summary>Reach against need: Konvooi's own counts per wijk beside survey figures (docs/reach.md).</summary>
public sealed class IndexModel(GetReachReport.Handler reports) : PageModel
{
    /// <summary>The figure table to show; empty for the latest.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Figures { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Indicator { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AgeGroup { get; set; }

    /// <summary><c>coalition</c> for the whole coalition (lead organisation's coordinators); anything else is the own organisation.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    public GetReachReport.Result? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = string.Equals(Scope, "coalition", StringComparison.Ordinal) ? GetReachReport.ReachScope.Coalition : GetReachReport.ReachScope.Organisation;
        var outcome = await reports.HandleAsync(new GetReachReport.Query(Figures, Indicator, AgeGroup, scope), cancellationToken);
        if (outcome is not GetReachReport.Outcome.Computed computed)
        {
            return Forbid();
        }

        Result = computed.Result;
        Figures = Result.FigureTable?.Id;
        Indicator = Result.Indicator;
        AgeGroup = Result.AgeGroup;
        Scope = Result.Scope == GetReachReport.ReachScope.Coalition ? "coalition" : "organisation";
        return Page();
    }
}
