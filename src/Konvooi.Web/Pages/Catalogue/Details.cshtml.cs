using System.Globalization;
using Konvooi.Domain.Matching;
using Konvooi.Features.Catalogue;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Catalogue;

public sealed class DetailsModel(GetCatalogueEntry.Handler catalogue) : PageModel
{
    public GetCatalogueEntry.EntryView? View { get; private set; }

    public static string ChangeText(string change) => change switch
    {
        CatalogueChanges.Seeded => "Overgenomen uit de basiscatalogus",
        CatalogueChanges.Created => "Toegevoegd",
        CatalogueChanges.Updated => "Gewijzigd",
        CatalogueChanges.Retired => "Uit de catalogus gehaald",
        CatalogueChanges.Loaded => "Ingelezen uit een bestand",
        CatalogueChanges.Retyped => "Omgezet naar preventie (preventief huisbezoek)",
        _ => change,
    };

    public static string Cost(Intervention intervention)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        var amount = intervention.CostEuros switch
        {
            null => null,
            0 => "gratis",
            { } euros => "€ " + euros.ToString("0.00", CultureInfo.GetCultureInfo("nl-NL")),
        };
        return (amount, intervention.CostDescription) switch
        {
            (null, null) => "onbekend",
            (null, { } text) => text,
            ({ } a, null) => a,
            ({ } a, { } text) => $"{a} ({text})",
        };
    }

    public async Task<IActionResult> OnGetAsync(Guid entryId, CancellationToken cancellationToken)
    {
        View = await catalogue.HandleAsync(entryId, cancellationToken);
        return View is null ? NotFound() : Page();
    }
}
