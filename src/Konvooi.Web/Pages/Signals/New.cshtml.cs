using Konvooi.Domain.Referrals;
using Konvooi.Features.Referrals;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Signals;

/// <summary>The signal form for professionals outside welfare (RK-8): two minutes on a phone, no JavaScript.</summary>
public sealed class NewModel(SendSignal.Handler send, TimeProvider time) : PageModel
{
    [BindProperty(Name = "Input")]
    public SendSignal.Input Input { get; set; } = new();

    public IReadOnlyList<(string Code, string Name)> Wijken { get; private set; } = [];

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new SendSignal.Input { IdempotencyKey = Guid.NewGuid(), ConsentGivenOn = Konvooi.Domain.Common.DutchDate.Today(time) };
        Wijken = await send.WijkenAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Kind = SignalKind.Signal;
        if (ModelState.IsValid)
        {
            var outcome = await send.SendAsync(Input, cancellationToken);
            if (SignalPageText.AfterSend(this, outcome) is { } done)
            {
                return done;
            }
        }

        Wijken = await send.WijkenAsync(cancellationToken);
        return Page();
    }
}

/// <summary>What the signal and advice pages do after sending: go to the own list, or show the messages.</summary>
public static class SignalPageText
{
    public const string CrisisFlag = "SignalCrisis";

    public static IActionResult? AfterSend(PageModel page, SendSignal.Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(page);
        switch (outcome)
        {
            case SendSignal.Outcome.Sent sent:
                page.TempData["Notice"] = sent.Kind == SignalKind.AdviceRequest
                    ? "Uw adviesvraag is verstuurd. Een coördinator neemt contact met u op."
                    : "Uw melding is verstuurd. Dank u wel dat u het opmerkte.";
                if (sent.Urgency == SignalUrgency.SafetyToday)
                {
                    page.TempData[CrisisFlag] = true;
                }

                return new RedirectResult("/Signals/Mine");
            case SendSignal.Outcome.Forbidden:
                return new ForbidResult();
            case SendSignal.Outcome.Invalid invalid:
                foreach (var problem in invalid.Problems.Concat(invalid.Warnings))
                {
                    page.ModelState.AddModelError($"Input.{problem.Field}", problem.Message);
                }

                if (invalid.Warnings.Count > 0)
                {
                    page.ViewData["NeedsConfirmation"] = true;
                }

                return null;
            default:
                return null;
        }
    }
}
