using Konvooi.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;

namespace Konvooi.Web.Pages.Catalogue;

public sealed class EditModel(GetCatalogueEntry.Handler catalogue, UpdateCatalogueEntry.Handler update, RetireCatalogueEntry.Handler retire) : CatalogueFormModel
{
    public Guid EntryId { get; private set; }

    public string EntryName { get; private set; } = string.Empty;

    public string Code { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid entryId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(entryId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var entry = (await catalogue.HandleAsync(entryId, cancellationToken))!;
        Input = CatalogueEntryInput.From(entry.Intervention, entry.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid entryId, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(entryId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return AfterSave(await update.HandleAsync(entryId, Input, cancellationToken), "De wijziging is opgeslagen.");
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid entryId, int version, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(entryId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var outcome = await retire.HandleAsync(entryId, version, cancellationToken);
        if (outcome is CatalogueEntries.Outcome.Stale)
        {
            // Show the newest stored values with the explanation.
            var entry = (await catalogue.HandleAsync(entryId, cancellationToken))!;
            ModelState.Clear();
            Input = CatalogueEntryInput.From(entry.Intervention, entry.Version);
        }

        return AfterSave(outcome, "Het aanbod is uit de catalogus gehaald.");
    }

    /// <summary>Null when the actor may edit this entry; otherwise the 404 or 403 to return.</summary>
    private async Task<IActionResult?> LoadAsync(Guid entryId, CancellationToken cancellationToken)
    {
        EntryId = entryId;
        var entry = await catalogue.HandleAsync(entryId, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        if (!entry.CanEdit)
        {
            return Forbid();
        }

        if (entry.IsRetired)
        {
            TempData["Notice"] = "Dit aanbod is al uit de catalogus gehaald en kan niet meer worden gewijzigd.";
            return Redirect($"/Catalogue/{entryId}");
        }

        EntryName = entry.Intervention.Name;
        Code = entry.Intervention.Id;
        return null;
    }
}
