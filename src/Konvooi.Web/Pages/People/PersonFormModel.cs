using Konvooi.Domain.Access;
using Konvooi.Features.People;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.People;

/// <summary>Shared by the create and edit pages: the bound form and the lists it needs.</summary>
public abstract class PersonFormModel(SavePerson.Handler save) : PageModel
{
    [BindProperty(Name = "Input")]
    public PersonInput Input { get; set; } = new();

    public IReadOnlyList<SavePerson.StaffOption> Staff { get; private set; } = [];

    public bool CanChooseResponsible => ActorClaims.HasPermission(User, Permissions.CanAssignProfessionals);

    protected SavePerson.Handler Save => save;

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    protected async Task LoadListsAsync(CancellationToken cancellationToken)
    {
        if (CanChooseResponsible)
        {
            Staff = await save.ResponsibleOptionsAsync(cancellationToken);
        }
    }

    /// <summary>Turns a save outcome into a redirect (PRG) or a re-rendered form with messages.</summary>
    protected async Task<IActionResult> AfterSaveAsync(SavePerson.Outcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case SavePerson.Outcome.Saved saved:
                TempData["Notice"] = "De gegevens zijn opgeslagen.";
                return Redirect($"/People/{saved.Id}");
            case SavePerson.Outcome.NotFound:
                return NotFound();
            case SavePerson.Outcome.Forbidden:
                return Forbid();
            case SavePerson.Outcome.Stale:
                ModelState.AddModelError(string.Empty,
                    "Iemand anders heeft deze gegevens net gewijzigd. Uw wijzigingen zijn nog niet opgeslagen. " +
                    "Open de cliënt opnieuw om de nieuwste gegevens te zien en voer uw wijziging dan nog eens in.");
                break;
            case SavePerson.Outcome.Invalid invalid:
                ModelState.AddModelError($"Input.{invalid.Field}", invalid.Message);
                break;
        }

        await LoadListsAsync(cancellationToken);
        return Page();
    }
}
