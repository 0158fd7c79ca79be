using Konvooi.Domain.DailyContact;
using Konvooi.Features.DailyContact;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.DailyContact;

/// <summary>A person's daily contact arrangement: the form for coordinators and professionals, and personal links.</summary>
public sealed class ArrangementModel(
    GetArrangements.Handler arrangements, SaveArrangement.Handler save, ListLinks.Handler links, IssueLink.Handler issue, RevokeLink.Handler revoke,
    RenewLink.Handler renew, TimeProvider time) : PageModel
{
    [BindProperty]
    public ArrangementInput Input { get; set; } = new();

    public Guid Id { get; private set; }

    public GetArrangements.View? View { get; private set; }

    /// <summary>The arrangement being edited; null for a new one.</summary>
    public ArrangementViews.Stored? Editing { get; private set; }

    public IReadOnlyList<ListLinks.LinkRow> LinkRows { get; private set; } = [];

    public DateTime NowUtc => time.GetUtcNow().UtcDateTime;

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? arrangementId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, arrangementId, cancellationToken))
        {
            return NotFound();
        }

        Input = Editing is null ? NewInput() : ArrangementViews.ToInput(Editing);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? arrangementId, int version, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await save.HandleAsync(id, arrangementId, version, Input, cancellationToken))
            {
                case SaveArrangement.Outcome.Saved saved:
                    TempData["Notice"] = "De afspraak is opgeslagen. De contactmomenten worden ingepland.";
                    return Redirect($"/People/{id}/DailyContact?arrangementId={saved.Id}");
                case SaveArrangement.Outcome.NotFound:
                    return NotFound();
                case SaveArrangement.Outcome.Conflict:
                    ModelState.AddModelError(string.Empty, "Iemand anders heeft deze afspraak net ook gewijzigd. Open de afspraak opnieuw en voer uw wijziging nog eens in.");
                    break;
                case SaveArrangement.Outcome.Invalid invalid:
                    foreach (var problem in invalid.Problems)
                    {
                        ModelState.AddModelError(FieldFor(problem.Code), problem.Message);
                    }

                    break;
            }
        }

        if (!await LoadAsync(id, arrangementId, cancellationToken))
        {
            return NotFound();
        }

        Input.PadContacts();
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(Guid id, Guid arrangementId, Guid contactId, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        switch (await issue.HandleAsync(id, arrangementId, contactId, purpose, cancellationToken))
        {
            case IssueLink.Outcome.Issued issued:
                var path = purpose == TokenPurpose.CalendarFeed ? "/DailyContact/Feed/" : "/DailyContact/Link/";
                TempData["Notice"] = "Nieuwe persoonlijke link (alleen nu te zien, een eerdere link werkt niet meer): "
                    + $"{Request.Scheme}://{Request.Host}{path}{issued.Token}";
                return Redirect($"/People/{id}/DailyContact?arrangementId={arrangementId}");
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid arrangementId, Guid tokenId, CancellationToken cancellationToken)
    {
        switch (await revoke.HandleAsync(id, arrangementId, tokenId, cancellationToken))
        {
            case RevokeLink.Outcome.Revoked:
                TempData["Notice"] = "De link werkt niet meer.";
                return Redirect($"/People/{id}/DailyContact?arrangementId={arrangementId}");
            default:
                return NotFound();
        }
    }

    /// <summary>Renews a link: the same link works another half year (issue #17, finding 1).</summary>
    public async Task<IActionResult> OnPostRenewAsync(Guid id, Guid arrangementId, Guid tokenId, CancellationToken cancellationToken)
    {
        switch (await renew.HandleAsync(id, arrangementId, tokenId, cancellationToken))
        {
            case RenewLink.Outcome.Renewed renewed:
                TempData["Notice"] = "De link werkt weer tot " + Dutch.Date(DateOnly.FromDateTime(renewed.ExpiresAtUtc)) + ".";
                return Redirect($"/People/{id}/DailyContact?arrangementId={arrangementId}");
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid id, Guid? arrangementId, CancellationToken cancellationToken)
    {
        Id = id;
        View = await arrangements.HandleAsync(id, cancellationToken);
        if (View is null)
        {
            return false;
        }

        Editing = arrangementId is { } editId ? View.Arrangements.FirstOrDefault(a => a.Id == editId) : null;
        if (arrangementId is not null && Editing is null)
        {
            return false;
        }

        LinkRows = Editing is null ? [] : await links.HandleAsync(id, Editing.Id, cancellationToken);
        return true;
    }

    private static ArrangementInput NewInput()
    {
        var input = new ArrangementInput
        {
            Days = [.. DailyContactText.WeekOrder],
            WindowStart = new TimeOnly(10, 0),
            WindowEnd = new TimeOnly(11, 0),
            Form = ContactForm.DoorVisit,
            Topics = "Hoe was uw dag?",
        };
        input.PadContacts();
        return input;
    }

    private static string FieldFor(string code) => code switch
    {
        "daily-contact.no-days" => "Input.Days",
        "daily-contact.window-end-before-start" => "Input.WindowEnd",
        "daily-contact.end-date-before-start-date" => "Input.EndDate",
        "daily-contact.overlapping-arrangement" => "Input.WindowStart",
        "daily-contact.escalation-order" or "daily-contact.escalation-too-late" or "daily-contact.escalation-negative" => "Input.CoordinatorAfterMinutes",
        "daily-contact.pause-incomplete" or "daily-contact.pause-end-before-start" or "daily-contact.pause-outside-arrangement" => "Input.PauseTo",
        _ => string.Empty,
    };
}
