using Konvooi.Features.Convoy;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Convoy;

public sealed class IndexModel(ViewConvoy.Handler convoy, AddConvoyMember.Handler add, RemoveConvoyMember.Handler remove, MoveConvoyMember.Handler move) : PageModel
{
    [BindProperty(Name = "Member")]
    public AddConvoyMember.MemberInput Member { get; set; } = new();

    public Guid Id { get; private set; }

    public ViewConvoy.View? View { get; private set; }

    /// <summary>
    /// Set when a remove or move would take someone out of "heel dichtbij": the page asks for the reason and posts the
    /// same change again with it (JG-4).
    /// </summary>
    public PendingClosestChange? Pending { get; private set; }

    public sealed record PendingClosestChange(string Handler, string MemberId, string? Circle, int Version, DateOnly? Latest, IReadOnlyList<string> Names, string? Reason);

    /// <summary>Only the latest map can be changed; older ones are history.</summary>
    public bool IsLatest => View is not null && (View.Snapshot is null || View.Snapshot.Date == View.LatestDate);

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    public IReadOnlyList<string> Selected(string field) => field switch
    {
        "Circle" => Member.Circle is null ? [] : [Member.Circle],
        "Frequency" => Member.Frequency is null ? [] : [Member.Frequency],
        "Modes" => Member.Modes,
        "SupportReceived" => Member.SupportReceived,
        "SupportGiven" => Member.SupportGiven,
        _ => [],
    };

    public async Task<IActionResult> OnGetAsync(Guid id, DateOnly? date, CancellationToken cancellationToken)
    {
        Id = id;
        View = await convoy.HandleAsync(id, date, cancellationToken);
        return View is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, int version, DateOnly? latest, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, cancellationToken);
        }

        return await AfterAsync(id, await add.HandleAsync(id, Member, version, latest, cancellationToken), "De persoon staat op de kaart.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, string memberId, int version, DateOnly? latest, string? closestReason, bool askedReason, CancellationToken cancellationToken)
    {
        ClearMemberValidation();
        var pending = new PendingClosestChange("Remove", memberId, null, version, latest, [], closestReason);
        return await AfterAsync(id, await remove.HandleAsync(id, memberId, version, latest, cancellationToken, closestReason), Notice("De persoon is van de kaart gehaald.", closestReason), cancellationToken, pending, askedReason);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string memberId, string circle, int version, DateOnly? latest, string? closestReason, bool askedReason, CancellationToken cancellationToken)
    {
        ClearMemberValidation();
        var pending = new PendingClosestChange("Move", memberId, circle, version, latest, [], closestReason);
        return await AfterAsync(id, await move.HandleAsync(id, memberId, circle, version, latest, cancellationToken, closestReason), Notice("De persoon is verplaatst.", closestReason), cancellationToken, pending, askedReason);
    }

    private static string Notice(string done, string? closestReason) =>
        closestReason is null or ConvoyMaps.Correction ? done : done + " Er staat een punt op de werklijst: neem contact op met de cliënt.";

    private void ClearMemberValidation()
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Member", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        Member = new AddConvoyMember.MemberInput();
    }

    private async Task<IActionResult> AfterAsync(Guid id, ConvoyMaps.Outcome outcome, string notice, CancellationToken cancellationToken, PendingClosestChange? pending = null, bool askedReason = false)
    {
        switch (outcome)
        {
            case ConvoyMaps.Outcome.Saved:
                TempData["Notice"] = notice;
                return Redirect($"/People/{id}/Convoy");
            case ConvoyMaps.Outcome.NotFound:
                return NotFound();
            case ConvoyMaps.Outcome.Conflict:
                ModelState.AddModelError(string.Empty, "Iemand anders heeft de kaart net ook gewijzigd. Bekijk de kaart hieronder en voer uw wijziging opnieuw in.");
                break;
            case ConvoyMaps.Outcome.ReasonNeeded needed when pending is not null:
                Pending = pending with { Names = needed.Names };
                if (askedReason)
                {
                    ModelState.AddModelError("ClosestReason", "Kies waarom deze persoon niet meer heel dichtbij staat.");
                }

                break;
            case ConvoyMaps.Outcome.Invalid invalid:
                foreach (var problem in invalid.Problems)
                {
                    ModelState.AddModelError(MapField(problem.Field), problem.Message);
                }

                break;
        }

        return await ShowAsync(id, cancellationToken);
    }

    /// <summary>A member problem belongs beside the add form's field (only the new member can be malformed); others go to the summary.</summary>
    private static string MapField(string field)
    {
        var dot = field.LastIndexOf('.');
        if (dot < 0)
        {
            return string.Empty;
        }

        var name = field[(dot + 1)..];
        return name switch
        {
            "name" => "Member.Name",
            "relation" => "Member.Relation",
            "circle" => "Member.Circle",
            "frequency" => "Member.Frequency",
            "modes" => "Member.Modes",
            _ => string.Empty,
        };
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        View = await convoy.HandleAsync(id, null, cancellationToken);
        return View is null ? NotFound() : Page();
    }
}
