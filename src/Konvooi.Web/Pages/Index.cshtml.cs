using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
