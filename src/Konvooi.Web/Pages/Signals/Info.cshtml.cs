using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Signals;

/// <summary>Public page for signallers: which signs to notice, how to raise it without shame, what happens next.</summary>
public sealed class InfoModel : PageModel
{
    public void OnGet()
    {
    }
}
