using Konvooi.Features.Referrals;
using Microsoft.AspNetCore.Mvc;

namespace Konvooi.Web.Pages.Routing;

/// <summary>
/// The coalition's routing table: every coordinator reads it and asks where a postcode or wijk goes; coordinators of
/// the lead organisation add rows here (and change or remove them on <c>/Routing/{ruleId}</c>).
/// </summary>
public sealed class IndexModel(ViewRouting.Handler view, SaveRoutingRule.Handler save) : RoutingPageModel(view)
{
    [BindProperty]
    public SaveRoutingRule.Input Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Postcode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Wijk { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new ViewRouting.Query(Postcode, Wijk), cancellationToken))
        {
            return Forbid();
        }

        if (View.Explanation is { Field: { } field } explanation)
        {
            ModelState.AddModelError(field, explanation.Text);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Postcode = null;
        Wijk = null;
        return await AfterAsync(await save.HandleAsync(null, Version, Input, cancellationToken), "De regel is toegevoegd.", "/Routing", "Input.", cancellationToken);
    }
}
