using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages;

/// <summary>Friendly pages for 403, 404, 429 and other status codes (re-executed by the status code pages).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "Er ging iets mis";

    public string Explanation { get; private set; } = string.Empty;

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Explanation) = code switch
        {
            403 => ("Geen toegang", "U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Vraag het aan uw coördinator of beheerder."),
            404 => ("Pagina niet gevonden", "Deze pagina bestaat niet, of u heeft er geen toegang toe. Controleer het adres of ga terug naar de startpagina."),
            429 => ("Even wachten", "U heeft het te vaak kort na elkaar geprobeerd. Wacht een minuut en probeer het dan opnieuw."),
            400 => ("Dit verzoek klopt niet", "Het formulier was verlopen of niet compleet. Ga terug, laad de pagina opnieuw en probeer het nog eens."),
            _ => ("Er ging iets mis", "Probeer het later opnieuw."),
        };
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is >= 400 and < 600)
        {
            Response.StatusCode = code.Value;
        }
    }
}
