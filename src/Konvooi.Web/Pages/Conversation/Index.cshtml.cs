using Konvooi.Features.Conversations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Conversation;

public sealed class IndexModel(GetConversation.Handler conversation) : PageModel
{
    public Guid Id { get; private set; }

    public GetConversation.Overview? Overview { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        Overview = await conversation.HandleAsync(id, cancellationToken);
        return Overview is null ? NotFound() : Page();
    }
}
