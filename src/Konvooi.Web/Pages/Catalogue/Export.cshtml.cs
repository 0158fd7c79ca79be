using System.Text;
using Konvooi.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Catalogue;

/// <summary>The coalition's active catalogue as an Open Referral HSDS 3.0 JSON download.</summary>
public sealed class ExportModel(ExportCatalogue.Handler catalogue) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var json = await catalogue.HandleAsync(cancellationToken);
        return json is null
            ? NotFound()
            : File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(json), "application/json", "catalogus-hsds.json");
    }
}
