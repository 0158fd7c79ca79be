using Konvooi.Domain.Access;
using Konvooi.Features.Catalogue;
using Konvooi.Features.Data;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Web.Pages.Catalogue;

public sealed class NewModel(CreateCatalogueEntry.Handler catalogue, KonvooiDbContext db) : CatalogueFormModel
{
    public string OrganisationName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ActorClaims.HasPermission(User, Permissions.CanEditOwnCatalogueEntries))
        {
            return Forbid();
        }

        Input = new CatalogueEntryInput { Recognition = "none" };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ActorClaims.HasPermission(User, Permissions.CanEditOwnCatalogueEntries))
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(Input.Code))
        {
            ModelState.AddModelError("Input.Code", "Vul een code in, zoals maatje_oost.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return AfterSave(await catalogue.HandleAsync(Input, cancellationToken), "Het aanbod staat in de catalogus.");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ActorClaims.TryRead(User, out _, out var organisationId, out _);
        OrganisationName = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => o.Name).SingleOrDefaultAsync(cancellationToken) ?? string.Empty;
    }
}
