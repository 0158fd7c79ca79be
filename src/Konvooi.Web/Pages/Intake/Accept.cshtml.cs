using Konvooi.Features.People;
using Konvooi.Features.Referrals;
using Microsoft.AspNetCore.Mvc;

namespace Konvooi.Web.Pages.Intake;

/// <summary>
/// Accept a signal: a new person record prefilled from the signal, or a link to a person the duplicate check found.
/// Choosing a responsible professional here also assigns them to the signal.
/// </summary>
public sealed class AcceptModel(SavePerson.Handler save, GetSignal.Handler get, AcceptSignal.Handler accept, AssignSignal.Handler assign)
    : People.PersonFormModel(save)
{
    public GetSignal.Result View { get; private set; } = null!;

    [BindProperty]
    public int SignalVersion { get; set; }

    [BindProperty]
    public Guid? ExistingPersonId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid signalId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(signalId, cancellationToken))
        {
            return NotFound();
        }

        Input = AcceptSignal.NewPersonFrom(View.Signal);
        return Page();
    }

    /// <summary>Accept as a new person record.</summary>
    public async Task<IActionResult> OnPostAsync(Guid signalId, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(signalId, cancellationToken, keepVersion: true) ? Page() : NotFound();
        }

        return await AfterAsync(signalId, await accept.HandleAsync(signalId, SignalVersion, null, Input, cancellationToken), cancellationToken);
    }

    /// <summary>Link to a person the organisation already knows.</summary>
    public async Task<IActionResult> OnPostLinkAsync(Guid signalId, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await AfterAsync(signalId, await accept.HandleAsync(signalId, SignalVersion, ExistingPersonId ?? Guid.Empty, null, cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid signalId, IntakeOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case IntakeOutcome.Done done:
                var notice = "De melding is aangenomen.";
                if (Input.ResponsibleProfessionalId is { } professional && ExistingPersonId is null)
                {
                    var assigned = await assign.HandleAsync(signalId, SignalVersion + 1, professional, cancellationToken);
                    notice = assigned is IntakeOutcome.Done ? "De melding is aangenomen en de medewerker is toegewezen." : "De melding is aangenomen. Wijs hieronder nog een medewerker toe.";
                }

                TempData["Notice"] = notice;
                return Redirect($"/Intake/{done.SignalId}");
            case IntakeOutcome.NotFound:
                return NotFound();
            case IntakeOutcome.Stale:
                ModelState.AddModelError(string.Empty, "Iemand anders heeft deze melding net gewijzigd. Open de melding opnieuw.");
                break;
            case IntakeOutcome.Refused refused:
                ModelState.AddModelError(refused.Field, refused.Message);
                break;
        }

        return await LoadAsync(signalId, cancellationToken, keepVersion: true) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid signalId, CancellationToken cancellationToken, bool keepVersion = false)
    {
        var view = await get.HandleAsync(signalId, cancellationToken);
        if (view is null || !view.CanWorkQueue || view.Signal.Kind != Konvooi.Domain.Referrals.SignalKind.Signal)
        {
            return false;
        }

        View = view;
        if (!keepVersion)
        {
            SignalVersion = view.Signal.Version;
        }

        await LoadListsAsync(cancellationToken);
        return true;
    }
}
