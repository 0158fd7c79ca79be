using Konvooi.Domain.Access;
using Konvooi.Features.People;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.People;

public sealed class TeamModel(GetTeam.Handler team, AssignProfessional.Handler assign, UnassignProfessional.Handler unassign) : PageModel
{
    public Guid Id { get; private set; }

    public GetTeam.Team? Team { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(Guid id, Guid userId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await assign.HandleAsync(id, userId, cancellationToken), "De medewerker is betrokken.", cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid userId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await unassign.HandleAsync(id, userId, cancellationToken), "De medewerker is niet meer betrokken.", cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, Assignments.Outcome outcome, string notice, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case Assignments.Outcome.Done:
                TempData["Notice"] = notice;
                return Redirect($"/People/{id}/Team");
            case Assignments.Outcome.Invalid invalid:
                ModelState.AddModelError("userId", invalid.Message);
                return await ShowAsync(id, cancellationToken);
            case Assignments.Outcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ActorClaims.HasPermission(User, Permissions.CanAssignProfessionals))
        {
            // Only coordinators manage the team; others get the same answer as for an unknown record
            // when they cannot see it, and 403 when they can.
            Team = await team.HandleAsync(id, cancellationToken);
            return Team is null ? NotFound() : Forbid();
        }

        Team = await team.HandleAsync(id, cancellationToken);
        return Team is null ? NotFound() : Page();
    }
}
