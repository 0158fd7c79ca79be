using Konvooi.Features.Referrals;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Intake;

/// <summary>One signal or referral with its history and the next steps: assign, forward, close, first contact.</summary>
public sealed class DetailsModel(
    GetSignal.Handler get,
    AssignSignal.Handler assign,
    ForwardSignal.Handler forward,
    CloseSignal.Handler close,
    RecordFirstContact.Handler firstContact,
    TimeProvider time) : PageModel
{
    public GetSignal.Result View { get; private set; } = null!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public Guid? ProfessionalId { get; set; }

    [BindProperty]
    public Guid? ToOrganisationId { get; set; }

    [BindProperty]
    public string? ForwardReason { get; set; }

    [BindProperty]
    public string? CloseReason { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public DateOnly? ContactOn { get; set; }

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    public async Task<IActionResult> OnGetAsync(Guid signalId, CancellationToken cancellationToken)
    {
        ContactOn = Konvooi.Domain.Common.DutchDate.Today(time);
        return await LoadAsync(signalId, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid signalId, CancellationToken cancellationToken) =>
        await AfterAsync(signalId, await assign.HandleAsync(signalId, Version, ProfessionalId, cancellationToken), "De medewerker is toegewezen.", cancellationToken);

    public async Task<IActionResult> OnPostForwardAsync(Guid signalId, CancellationToken cancellationToken)
    {
        var outcome = Rename(await forward.HandleAsync(signalId, Version, ToOrganisationId, ForwardReason, cancellationToken), nameof(ForwardReason));
        if (outcome is IntakeOutcome.Done)
        {
            TempData["Notice"] = "De melding is doorgestuurd.";
            return Redirect("/Intake");
        }

        return await AfterAsync(signalId, outcome, string.Empty, cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid signalId, CancellationToken cancellationToken) =>
        await AfterAsync(signalId, Rename(await close.HandleAsync(signalId, Version, CloseReason, Note, cancellationToken), nameof(CloseReason)), "De melding is afgesloten.", cancellationToken);

    public async Task<IActionResult> OnPostFirstContactAsync(Guid signalId, CancellationToken cancellationToken) =>
        await AfterAsync(signalId, await firstContact.HandleAsync(signalId, Version, ContactOn, cancellationToken), "Het eerste contact is vastgelegd.", cancellationToken);

    /// <summary>The forward and close forms each have their own reason field.</summary>
    private static IntakeOutcome Rename(IntakeOutcome outcome, string reasonField) =>
        outcome is IntakeOutcome.Refused { Field: "Reason" } refused ? refused with { Field = reasonField } : outcome;

    private async Task<bool> LoadAsync(Guid signalId, CancellationToken cancellationToken)
    {
        var view = await get.HandleAsync(signalId, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        Version = view.Signal.Version;
        return true;
    }

    private async Task<IActionResult> AfterAsync(Guid signalId, IntakeOutcome outcome, string notice, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case IntakeOutcome.Done:
                TempData["Notice"] = notice;
                return Redirect($"/Intake/{signalId}");
            case IntakeOutcome.NotFound:
                return NotFound();
            case IntakeOutcome.Stale:
                ModelState.AddModelError(string.Empty, "Iemand anders heeft deze melding net gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.");
                break;
            case IntakeOutcome.Refused refused:
                ModelState.AddModelError(refused.Field, refused.Message);
                break;
        }

        var postedVersion = Version;
        if (!await LoadAsync(signalId, cancellationToken))
        {
            return NotFound();
        }

        // A stale form keeps showing its own version, so a second try is refused as well until the page is reloaded.
        Version = outcome is IntakeOutcome.Stale ? postedVersion : Version;
        return Page();
    }
}
