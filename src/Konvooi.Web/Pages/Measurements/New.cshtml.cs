using System.Security.Claims;
using Konvooi.Domain.Common;
using Konvooi.Domain.Questionnaires;
using Konvooi.Features.Data;
using Konvooi.Features.Measurements;
using Konvooi.Features.People;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Measurements;

public sealed class NewModel(RecordMeasurement.Handler record, GetPerson.Handler people,
    SignInManager<KonvooiUser> signIn, UserManager<KonvooiUser> users, TimeProvider time) : PageModel
{
    [BindProperty(Name = "Input")]
    public RecordMeasurement.Input Input { get; set; } = new();

    public Guid Id { get; private set; }

    public string PersonName { get; private set; } = string.Empty;

    public QuestionnaireForm? Form { get; private set; }

    public QuestionnaireView View => new(Form!, Input.Answers, ModelState);

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    public async Task<IActionResult> OnGetAsync(Guid id, string? instrument, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, instrument, cancellationToken))
        {
            return NotFound();
        }

        Input.AdministeredOn = DutchDate.Today(time);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? instrument, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, instrument, cancellationToken) || Form is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await record.HandleAsync(id, Form.Instrument, Input, cancellationToken);
        switch (outcome)
        {
            case RecordMeasurement.Outcome.Saved saved:
                return Redirect($"/People/{id}/Measurements/{saved.MeasurementId}");
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

    /// <summary>Locks this session to the questionnaire until the professional signs in again.</summary>
    public async Task<IActionResult> OnPostHandoverAsync(Guid id, string? instrument, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, instrument, cancellationToken) || Form is null)
        {
            return NotFound();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Forbid();
        }

        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
        [
            new Claim(HandoverLock.PersonClaim, id.ToString("D")),
            new Claim(HandoverLock.InstrumentClaim, Form.Instrument.Id),
        ]);
        return Redirect(HandoverLock.Path);
    }

    private async Task<bool> LoadAsync(Guid id, string? instrument, CancellationToken cancellationToken)
    {
        Id = id;
        var person = await people.HandleAsync(id, Konvooi.Features.Audit.AuditActions.View, cancellationToken);
        if (person is null)
        {
            return false;
        }

        PersonName = $"{person.Person.FirstName} {person.Person.LastName}";
        if (instrument is null)
        {
            return true;
        }

        var found = Instruments.Find(instrument);
        if (found is null)
        {
            return false;
        }

        Form = QuestionnaireForm.For(found);
        return true;
    }
}
