using Konvooi.Features.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Routing;

/// <summary>Changes or removes one row of the routing table (coordinators of the lead organisation).</summary>
public sealed class EditModel(ViewRouting.Handler view, SaveRoutingRule.Handler save, DeleteRoutingRule.Handler delete) : RoutingPageModel(view)
{
    [BindProperty]
    public SaveRoutingRule.Input Input { get; set; } = new();

    public ViewRouting.Row Rule { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid ruleId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(new ViewRouting.Query(), cancellationToken) || !View.CanEdit)
        {
            return Forbid();
        }

        if (!Find(ruleId))
        {
            return NotFound();
        }

        Input = new SaveRoutingRule.Input
        {
            OrganisationId = Rule.OrganisationId,
            WijkCode = Rule.WijkCode,
            PostcodeFrom = Rule.PostcodeFrom?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PostcodeTo = Rule.PostcodeTo?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid ruleId, CancellationToken cancellationToken) =>
        await AfterEditAsync(ruleId, await save.HandleAsync(ruleId, Version, Input, cancellationToken), "De regel is gewijzigd.", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(Guid ruleId, CancellationToken cancellationToken) =>
        await AfterEditAsync(ruleId, await delete.HandleAsync(ruleId, Version, cancellationToken), "De regel is verwijderd.", cancellationToken);

    private async Task<IActionResult> AfterEditAsync(Guid ruleId, RoutingOutcome outcome, string notice, CancellationToken cancellationToken)
    {
        var result = await AfterAsync(outcome, notice, "/Routing", "Input.", cancellationToken);
        return result is PageResult && !Find(ruleId) ? NotFound() : result;
    }

    private bool Find(Guid ruleId)
    {
        Rule = View.Rows.SingleOrDefault(r => r.Id == ruleId)!;
        return Rule is not null;
    }
}
