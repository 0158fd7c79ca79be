using Konvooi.Domain.Referrals;
using Konvooi.Features.Referrals;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Signals;

/// <summary>An anonymous advice request: no personal data, so no consent is needed (the server enforces it).</summary>
public sealed class AdviceModel(SendSignal.Handler send) : PageModel
{
    [BindProperty(Name = "Input")]
    public SendSignal.Input Input { get; set; } = new();

    public IReadOnlyList<(string Code, string Name)> Wijken { get; private set; } = [];

    public bool NeedsConfirmation => ViewData["NeedsConfirmation"] is true;

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new SendSignal.Input { Kind = SignalKind.AdviceRequest, IdempotencyKey = Guid.NewGuid() };
        Wijken = await send.WijkenAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Kind = SignalKind.AdviceRequest;
        if (ModelState.IsValid && SignalPageText.AfterSend(this, await send.SendAsync(Input, cancellationToken)) is { } done)
        {
            return done;
        }

        Wijken = await send.WijkenAsync(cancellationToken);
        return Page();
    }
}
