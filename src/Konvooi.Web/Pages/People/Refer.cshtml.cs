using Konvooi.Domain.Referrals;
using Konvooi.Features.Referrals;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.People;

/// <summary>
/// Refer the person to another organisation of the coalition: the sender ticks field by field what is shared
/// (defaults: name and phone) and needs the person's consent for sharing by referral.
/// </summary>
public sealed class ReferModel(ReferPerson.Handler refer) : PageModel
{
    [BindProperty(Name = "Input")]
    public ReferPerson.Input Input { get; set; } = new();

    public ReferPerson.Form? Form { get; private set; }

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Form = await refer.FormAsync(id, cancellationToken);
        if (Form is null)
        {
            return NotFound();
        }

        Input = new ReferPerson.Input { IdempotencyKey = Guid.NewGuid(), Fields = [.. ReferralFields.Defaults] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await refer.SendAsync(id, Input, cancellationToken))
            {
                case ReferPerson.Outcome.Sent:
                    TempData["Notice"] = "De verwijzing is verstuurd. De andere organisatie neemt contact op met de cliënt.";
                    return Redirect($"/People/{id}/Referrals");
                case ReferPerson.Outcome.Invalid invalid:
                    foreach (var problem in invalid.Problems)
                    {
                        ModelState.AddModelError(problem.Field == "Consent" ? string.Empty : $"Input.{problem.Field}", problem.Message);
                    }

                    break;
                default:
                    return NotFound();
            }
        }

        Form = await refer.FormAsync(id, cancellationToken);
        return Form is null ? NotFound() : Page();
    }
}
