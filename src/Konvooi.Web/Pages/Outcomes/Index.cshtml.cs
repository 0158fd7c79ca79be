using System.Text;
using Konvooi.Domain.Support;
using Konvooi.Features.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Outcomes;

public sealed class IndexModel(ReportInterventionOutcomes.Handler outcomes) : PageModel
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    public ReportInterventionOutcomes.Result? Result { get; private set; }

    public string? PeriodError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await ComputeAsync(cancellationToken);
        return outcome switch
        {
            ReportInterventionOutcomes.Outcome.Forbidden => Forbid(),
            _ => Page(),
        };
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var outcome = await ComputeAsync(cancellationToken);
        if (outcome is ReportInterventionOutcomes.Outcome.Forbidden)
        {
            return Forbid();
        }

        if (Result is null || PeriodError is not null)
        {
            return Page();
        }

        var name = $"interventie-uitkomsten-{Result.From:yyyy-MM-dd}-{Result.To:yyyy-MM-dd}.csv";
        return File(Utf8NoBom.GetBytes(InterventionOutcomes.ToCsv(Result.All)), "text/csv; charset=utf-8", name);
    }

    public async Task<IActionResult> OnGetSummaryAsync(string? intervention, CancellationToken cancellationToken)
    {
        var outcome = await ComputeAsync(cancellationToken);
        if (outcome is ReportInterventionOutcomes.Outcome.Forbidden)
        {
            return Forbid();
        }

        if (Result is null || PeriodError is not null)
        {
            return Page();
        }

        var line = Result.WithTrajectories.FirstOrDefault(l => l.Outcome.InterventionId == intervention);
        if (line is null)
        {
            return NotFound();
        }

        var text = InterventionOutcomes.PraktijkervaringenSummary(line.Outcome, line.Name, Result.Period, Result.Settings);
        var name = $"praktijkervaringen-{line.Outcome.InterventionId}-{Result.From:yyyy-MM-dd}-{Result.To:yyyy-MM-dd}.txt";
        return File(Utf8NoBom.GetBytes(text), "text/plain; charset=utf-8", name);
    }

    private async Task<ReportInterventionOutcomes.Outcome> ComputeAsync(CancellationToken cancellationToken)
    {
        // Unreadable dates fall back to the default period, with a message beside the date fields.
        var unreadable = !ModelState.IsValid;
        var outcome = await outcomes.HandleAsync(unreadable ? new ReportInterventionOutcomes.Query() : new ReportInterventionOutcomes.Query(From, To), cancellationToken);
        if (outcome is ReportInterventionOutcomes.Outcome.Computed computed)
        {
            Result = computed.Result;
            if (unreadable)
            {
                ModelState.Clear();
                PeriodError = "Vul geldige datums in, bijvoorbeeld 2026-01-31. Hieronder staat de standaardperiode.";
            }

            From = computed.Result.From;
            To = computed.Result.To;
        }
        else if (outcome is ReportInterventionOutcomes.Outcome.InvalidPeriod invalid)
        {
            PeriodError = invalid.Message;
        }

        return outcome;
    }
}
