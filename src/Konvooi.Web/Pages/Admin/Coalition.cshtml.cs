using Konvooi.Features.Organisations;
using Konvooi.Features.Referrals;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Admin;

/// <summary>
/// The coalition's lead organisation (penvoerder). Every administrator sees it; an administrator of the lead or of
/// the municipality chooses it (<see cref="Konvooi.Domain.Referrals.CoalitionLead.MayChoose"/>), audited.
/// </summary>
public sealed class CoalitionModel(SetCoalitionLead.Handler lead) : PageModel
{
    public SetCoalitionLead.Form Form { get; private set; } = null!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public Guid? OrganisationId { get; set; }

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        OrganisationId = Form.LeadOrganisationId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await lead.ChooseAsync(OrganisationId, Version, cancellationToken);
        switch (outcome)
        {
            case RoutingOutcome.Done:
                TempData["Notice"] = "De penvoerder is gekozen.";
                return Redirect("/Admin/Coalition");
            case RoutingOutcome.Forbidden:
                return Forbid();
            case RoutingOutcome.Stale:
                ModelState.AddModelError(string.Empty, "Iemand anders heeft de routering of de penvoerder net gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.");
                break;
            case RoutingOutcome.Invalid invalid:
                foreach (var problem in invalid.Problems)
                {
                    ModelState.AddModelError(problem.Field, problem.Message);
                }

                break;
        }

        var postedVersion = Version;
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        Version = outcome is RoutingOutcome.Stale ? postedVersion : Version;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var form = await lead.FormAsync(cancellationToken);
        if (form is null)
        {
            return false;
        }

        Form = form;
        Version = form.Version;
        return true;
    }
}
