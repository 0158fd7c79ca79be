using System.Globalization;
using System.Text;
using Konvooi.Domain.Common;

namespace Konvooi.Domain.Referrals;

/// <summary>
/// The CSV downloads of the signal reports (docs/referral.md, "Reports"), one per table. The same conventions as the
/// intervention outcomes CSV: comma-separated, a header row, LF line ends, invariant culture, integers plain, doubles
/// in shortest round-trip form, and a suppressed cell <b>empty</b> — a download never holds a number the page hides.
/// The caller writes the text as UTF-8.
/// </summary>
public static class SignalReportCsv
{
    public const string BySourceKindHeader = "month,source_kind,signals";
    public const string ByWijkHeader = "month,wijk_code,wijk_name,signals";
    public const string CloseReasonsHeader = "month,close_reason,signals";
    public const string FirstContactHeader = "period_from,period_to,signals_with_first_contact,median_working_days";
    public const string PlanShareHeader = "period_from,period_to,ended_signals,ended_with_plan,share_with_plan";

    /// <summary>Signals per source kind per month: <c>month,source_kind,signals</c>.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="report"/> is null.</exception>
    public static string BySourceKind(SignalReportResult report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Document(BySourceKindHeader, report.BySourceKind.Select(r => Row(r.Month, Text(r.Group), Cell(r.Count))));
    }

    /// <summary>
    /// Signals per wijk per month: <c>month,wijk_code,wijk_name,signals</c>. Signals without a wijk have an empty code
    /// and the name <see cref="SignalReport.UnknownWijk"/>; a code that is not on the wijk list keeps the code as name.
    /// </summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static string ByWijk(SignalReportResult report, IReadOnlyDictionary<string, string> wijkNames)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(wijkNames);
        return Document(ByWijkHeader, report.ByWijk.Select(r => r.Group == SignalReport.UnknownWijk
            ? Row(r.Month, string.Empty, Text(SignalReport.UnknownWijk), Cell(r.Count))
            : Row(r.Month, Text(r.Group), Text(wijkNames.GetValueOrDefault(r.Group, r.Group)), Cell(r.Count))));
    }

    /// <summary>Closed signals per close reason code per month: <c>month,close_reason,signals</c>.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="report"/> is null.</exception>
    public static string CloseReasons(SignalReportResult report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Document(CloseReasonsHeader, report.CloseReasons.Select(r => Row(r.Month, Text(r.Group), Cell(r.Count))));
    }

    /// <summary>
    /// One row for the period: how many signals had a first contact and the median working days to it; both empty when
    /// the group is smaller than the minimum cell size.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="report"/> is null.</exception>
    public static string FirstContact(SignalReportResult report, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(report);
        var shown = report.MedianWorkingDaysToFirstContact is not null;
        return Document(FirstContactHeader, [Row(Date(from), Date(to), shown ? Cell(report.FirstContactN) : string.Empty, Cell(report.MedianWorkingDaysToFirstContact))]);
    }

    /// <summary>
    /// One row for the period: ended signals, how many ended with a plan, and the share (0–1); all three empty when fewer
    /// signals ended than the minimum cell size.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="report"/> is null.</exception>
    public static string PlanShare(SignalReportResult report, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(report);
        var shown = report.EndedWithPlan is not null;
        return Document(PlanShareHeader, [Row(Date(from), Date(to), shown ? Cell(report.EndedN) : string.Empty, Cell(report.EndedWithPlan), Cell(report.ShareWithPlan))]);
    }

    /// <summary>
    /// A text cell: quoted when it holds a comma, quote or line break, and with a leading apostrophe when it starts like a
    /// spreadsheet formula (<see cref="SpreadsheetText"/>), so a wijk name can never run as a formula when the file is opened.
    /// </summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value = SpreadsheetText.Neutralise(value);

        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Document(string header, IEnumerable<string> rows)
    {
        var builder = new StringBuilder().Append(header).Append('\n');
        foreach (var row in rows)
        {
            builder.Append(row).Append('\n');
        }

        return builder.ToString();
    }

    private static string Row(params string[] cells) => string.Join(',', cells);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Cell(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Cell(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
}
