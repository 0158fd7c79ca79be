using Konvooi.Features.People;
using Microsoft.AspNetCore.Mvc;

namespace Konvooi.Web.Pages.People;

public sealed class CreateModel(SavePerson.Handler save) : PersonFormModel(save)
{
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadListsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadListsAsync(cancellationToken);
            return Page();
        }

        return await AfterSaveAsync(await Save.CreateAsync(Input, cancellationToken), cancellationToken);
    }
}
