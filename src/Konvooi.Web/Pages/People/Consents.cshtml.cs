using Konvooi.Features.Audit;
using Konvooi.Features.People;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.People;

public sealed class ConsentsModel(GetPerson.Handler get, RecordConsent.Handler record, WithdrawConsent.Handler withdraw) : PageModel
{
    [BindProperty(Name = "Record")]
    public RecordConsent.RecordInput Record { get; set; } = new();

    [BindProperty(Name = "Withdraw")]
    public WithdrawConsent.WithdrawInput Withdraw { get; set; } = new();

    public GetPerson.Result? Result { get; private set; }

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Result = await get.HandleAsync(id, AuditActions.View, cancellationToken);
        return Result is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(Guid id, CancellationToken cancellationToken)
    {
        // Only the form that was posted is validated.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Withdraw", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        var outcome = ModelState.IsValid ? await record.HandleAsync(id, Record, cancellationToken) : null;
        return await AfterAsync(id, outcome, "Record", "De toestemming is vastgelegd.", cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Record", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        var outcome = ModelState.IsValid ? await withdraw.HandleAsync(id, Withdraw, cancellationToken) : null;
        return await AfterAsync(id, outcome, "Withdraw", "De toestemming is ingetrokken.", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Consents.Outcome? outcome, string prefix, string notice, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case Consents.Outcome.Done:
                TempData["Notice"] = notice;
                return Redirect($"/People/{id}/Consents");
            case Consents.Outcome.NotFound:
                return NotFound();
            case Consents.Outcome.Stale:
                ModelState.AddModelError(string.Empty, "Deze toestemming is intussen door iemand anders gewijzigd. Bekijk de actuele stand hieronder.");
                break;
            case Consents.Outcome.Invalid invalid:
                ModelState.AddModelError($"{prefix}.{invalid.Field}", invalid.Message);
                break;
        }

        Result = await get.HandleAsync(id, AuditActions.View, cancellationToken);
        return Result is null ? NotFound() : Page();
    }
}
