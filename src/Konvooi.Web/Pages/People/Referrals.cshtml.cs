using Konvooi.Domain.Access;
using Konvooi.Features.Referrals;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.People;

/// <summary>The referrals the organisation sent for this person, with the status the receiver reached.</summary>
public sealed class ReferralsModel(ListPersonReferrals.Handler list) : PageModel
{
    public ListPersonReferrals.Result? View { get; private set; }

    public bool CanRefer => ActorClaims.HasPermission(User, Permissions.CanReferToPartners);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        View = await list.HandleAsync(id, cancellationToken);
        return View is null ? NotFound() : Page();
    }
}
