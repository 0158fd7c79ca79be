using System.Security.Claims;
using Konvooi.Domain.Common;
using Konvooi.Domain.Questionnaires;
using Konvooi.Features.Data;
using Konvooi.Features.Measurements;
using Konvooi.Web.Infrastructure;
using Konvooi.Web.Pages.Measurements;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Handover;

/// <summary>The locked questionnaire the person fills in alone, and the unlock step for the professional.</summary>
public sealed class IndexModel(RecordMeasurement.Handler record, SignInManager<KonvooiUser> signIn, UserManager<KonvooiUser> users, TimeProvider time) : PageModel
{
    [BindProperty(Name = "Input")]
    public RecordMeasurement.Input Input { get; set; } = new();

    public QuestionnaireForm? Form { get; private set; }

    public bool ShowUnlock { get; private set; }

    public bool Completed { get; private set; }

    public QuestionnaireView View => new(Form!, Input.Answers, ModelState);

    public IActionResult OnGet(bool? stop)
    {
        if (!Load())
        {
            return Redirect("/");
        }

        ShowUnlock = Completed || stop == true;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!Load() || Form is null || Completed)
        {
            return Redirect(HandoverLock.Path);
        }

        Input.Mode = AdministrationMode.SelfCompletion;
        Input.AdministeredOn = DutchDate.Today(time);
        ModelState.Remove("Input.Mode");
        ModelState.Remove("Input.AdministeredOn");
        var outcome = await record.HandleAsync(PersonId, Form.Instrument, Input, cancellationToken);
        switch (outcome)
        {
            case RecordMeasurement.Outcome.Saved saved:
                var user = await users.GetUserAsync(User);
                if (user is null)
                {
                    return Forbid();
                }

                var claims = HandoverLock.Claims(User).Append(new Claim(HandoverLock.MeasurementClaim, saved.MeasurementId.ToString("D")));
                await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
                return Redirect(HandoverLock.Path);
            case RecordMeasurement.Outcome.Invalid invalid:
                foreach (var (key, message) in invalid.Problems)
                {
                    ModelState.AddModelError(key, message);
                }

                return Page();
            default:
                return NotFound();
        }
    }

    public IActionResult OnPostStop() => Redirect(HandoverLock.Path + "?stop=true");

    public async Task<IActionResult> OnPostUnlockAsync(string? password)
    {
        if (!Load())
        {
            return Redirect("/");
        }

        ShowUnlock = true;
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid();
        }

        if (string.IsNullOrEmpty(password))
        {
            ModelState.AddModelError("Password", "Vul uw wachtwoord in.");
            return Page();
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError("Password", check.IsLockedOut
                ? "Te veel pogingen. Het account is 15 minuten geblokkeerd."
                : "Dit wachtwoord klopt niet.");
            return Page();
        }

        var measurement = User.FindFirstValue(HandoverLock.MeasurementClaim);
        var person = PersonId;
        await signIn.SignInAsync(user, isPersistent: false); // fresh claims: the lock is gone
        return Redirect(measurement is null ? $"/People/{person}/Measurements" : $"/People/{person}/Measurements/{measurement}");
    }

    private Guid PersonId { get; set; }

    private bool Load()
    {
        if (!Guid.TryParse(User.FindFirstValue(HandoverLock.PersonClaim), out var personId))
        {
            return false;
        }

        PersonId = personId;
        Completed = User.HasClaim(c => c.Type == HandoverLock.MeasurementClaim);
        var instrument = Instruments.Find(User.FindFirstValue(HandoverLock.InstrumentClaim) ?? string.Empty);
        Form = instrument is null ? null : QuestionnaireForm.For(instrument);
        return true;
    }
}
