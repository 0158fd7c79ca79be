using System.Text;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Reports;

/// <summary>The signal reports with a CSV download per table (docs/referral.md, "Reports").</summary>
public sealed class SignalsModel(GetSignalReport.Handler reports) : PageModel
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The tables that can be downloaded: the <c>table</c> value and the start of the file name.</summary>
    public static IReadOnlyDictionary<string, string> Tables { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["source-kind"] = "meldingen-per-soort-organisatie",
        ["wijk"] = "meldingen-per-wijk",
        ["first-contact"] = "eerste-contact",
        ["plan"] = "afspraken-gemaakt",
        ["close-reasons"] = "redenen-afsluiten",
    };

    /// <summary>The first month, <c>yyyy-MM</c>, as typed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    /// <summary>The last month, <c>yyyy-MM</c>, as typed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary><c>coalition</c> for the whole coalition (lead organisation's coordinators); anything else is the own organisation.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    public GetSignalReport.Result? Result { get; private set; }

    /// <summary>Whether the form offers the choice between the own organisation and the whole coalition.</summary>
    public bool CanChooseScope { get; private set; }

    /// <summary>The query string of the shown report, for the download links.</summary>
    public string Query(string table) =>
        $"handler=Csv&table={table}&From={Result!.FromMonth}&To={Result.ToMonth}" + (Result.Scope == GetSignalReport.ReportScope.Coalition && Result.CanChooseScope ? "&Scope=coalition" : string.Empty);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await ComputeAsync(null, cancellationToken) switch
        {
            GetSignalReport.Outcome.Forbidden => Forbid(),
            _ => Page(),
        };

    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        if (table is null || !Tables.TryGetValue(table, out var fileName))
        {
            return NotFound();
        }

        var outcome = await ComputeAsync(table, cancellationToken);
        if (outcome is GetSignalReport.Outcome.Forbidden)
        {
            return Forbid();
        }

        if (Result is not { } result)
        {
            return Page();
        }

        var report = result.Report;
        var csv = table switch
        {
            "source-kind" => SignalReportCsv.BySourceKind(report),
            "wijk" => SignalReportCsv.ByWijk(report, result.WijkNames),
            "first-contact" => SignalReportCsv.FirstContact(report, result.From, result.To.AddMonths(1).AddDays(-1)),
            "plan" => SignalReportCsv.PlanShare(report, result.From, result.To.AddMonths(1).AddDays(-1)),
            _ => SignalReportCsv.CloseReasons(report),
        };
        return File(Utf8NoBom.GetBytes(csv), "text/csv; charset=utf-8", $"{fileName}-{result.FromMonth}-tot-{result.ToMonth}.csv");
    }

    private async Task<GetSignalReport.Outcome> ComputeAsync(string? download, CancellationToken cancellationToken)
    {
        var scope = string.Equals(Scope, "coalition", StringComparison.Ordinal) ? GetSignalReport.ReportScope.Coalition : GetSignalReport.ReportScope.Organisation;
        var outcome = await reports.HandleAsync(new GetSignalReport.Query(From, To, scope), download, cancellationToken);
        switch (outcome)
        {
            case GetSignalReport.Outcome.Computed computed:
                Result = computed.Result;
                CanChooseScope = Result.CanChooseScope;
                From = Result.FromMonth;
                To = Result.ToMonth;
                Scope = Result.Scope == GetSignalReport.ReportScope.Coalition ? "coalition" : "organisation";
                break;
            case GetSignalReport.Outcome.Invalid invalid:
                CanChooseScope = invalid.CanChooseScope;
                foreach (var (field, message) in invalid.Problems)
                {
                    ModelState.AddModelError(field, message);
                }

                break;
        }

        return outcome;
    }
}
