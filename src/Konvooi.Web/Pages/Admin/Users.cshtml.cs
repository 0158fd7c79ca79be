using System.ComponentModel.DataAnnotations;
using Konvooi.Domain.Access;
using Konvooi.Features.Organisations;
using Konvooi.Features.Security;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Admin;

public sealed class UsersModel(ListUsers.Handler list, Setup.Handler setup, CurrentActor actor) : PageModel
{
    public sealed class NewUserInput
    {
        [Required(ErrorMessage = "Vul de naam in.")]
        [StringLength(200, ErrorMessage = "De naam is te lang.")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Vul het e-mailadres in.")]
        [EmailAddress(ErrorMessage = "Vul een geldig e-mailadres in.")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Kies een rol.")]
        public Role? Role { get; set; }

        [Required(ErrorMessage = "Vul een eerste wachtwoord in.")]
        public string? Password { get; set; }
    }

    [BindProperty(Name = "Input")]
    public NewUserInput Input { get; set; } = new();

    public IReadOnlyList<ListUsers.Row> Users { get; private set; } = [];

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await list.HandleAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await setup.CreateUserAsync(
                new Setup.NewUser(Input.Email!, Input.DisplayName!, Input.Role!.Value, actor.OrganisationId!.Value, Input.Password!), // policy implies a set actor
                cancellationToken);
            if (outcome is Setup.Outcome.Created)
            {
                TempData["Notice"] = "De gebruiker is aangemaakt.";
                return RedirectToPage();
            }

            foreach (var problem in ((Setup.Outcome.Rejected)outcome).Problems)
            {
                var field = problem.Contains("wachtwoord", StringComparison.OrdinalIgnoreCase) ? "Input.Password" : "Input.Email";
                ModelState.AddModelError(field, problem);
            }
        }

        Users = await list.HandleAsync(cancellationToken);
        return Page();
    }
}
