using Konvooi.Domain.Access;
using Konvooi.Features.Referrals;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Intake;

/// <summary>The intake queue: coordinators see every open signal and referral of the organisation, professionals those assigned to them.</summary>
public sealed class IndexModel(ListIntake.Handler list) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ended")]
    public bool IncludeEnded { get; set; }

    public IReadOnlyList<ListIntake.Row> Rows { get; private set; } = [];

    public bool IsCoordinator => ActorClaims.HasPermission(User, Permissions.CanWorkIntakeQueue);

    public bool CanReadReports => ActorClaims.HasPermission(User, Permissions.CanReadSignalReports);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await list.ListAsync(IncludeEnded, cancellationToken);
}
