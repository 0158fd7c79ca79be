using Konvooi.Features.Audit;
using Konvooi.Features.People;
using Microsoft.AspNetCore.Mvc;

namespace Konvooi.Web.Pages.People;

public sealed class EditModel(SavePerson.Handler save, GetPerson.Handler get) : PersonFormModel(save)
{
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var result = await get.HandleAsync(id, AuditActions.View, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }

        Input = PersonInput.From(result.Person);
        await LoadListsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!await Save.IsVisibleAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadListsAsync(cancellationToken);
            return Page();
        }

        return await AfterSaveAsync(await Save.UpdateAsync(id, Input, cancellationToken), cancellationToken);
    }
}
