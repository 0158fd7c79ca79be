using System.Globalization;
using System.Net;
using System.Text;

namespace Konvooi.Domain.Reach;

/// <summary>
/// A server-rendered SVG bar chart of the reach report (no JavaScript): per wijk one bar for the estimated lonely
/// residents with its 95 % interval as a line, and one bar for the people Konvooi reached. A hidden count gets no bar
/// but the words "niet getoond". The page puts the same numbers in a table beside it; the chart is an image with a
/// title and a description for screen readers.
/// </summary>
public static class ReachChart
{
    private const int Width = 720;
    private const int LabelWidth = 170;
    private const int RightMargin = 90;
    private const int BarHeight = 14;
    private const int GroupHeight = 44;
    private const int Top = 40;

    /// <summary>The SVG markup; <paramref name="label"/> gives the wijk's display name.</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static string Render(ReachReportResult report, Func<string, string> label, string id)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(id);
        var rows = report.Wijken;
        var max = rows.Select(r => Math.Max(r.EstimatedLonely?.High ?? r.EstimatedLonely?.Estimate ?? 0, r.Counts?.Registered ?? 0)).DefaultIfEmpty(0).Max();
        max = max <= 0 ? 1 : max;
        var plot = Width - LabelWidth - RightMargin;
        double X(double value) => LabelWidth + plot * value / max;
        var height = Top + rows.Count * GroupHeight + 10;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"reach-chart\" role=\"img\" viewBox=\"0 0 {Width} {height}\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">Geschat aantal eenzame inwoners en bereikte mensen per wijk</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">Per wijk een donkere balk voor het geschatte aantal eenzame inwoners, met een lijn voor de onzekerheid, en een lichte balk voor het aantal mensen in Konvooi. De tabel op deze pagina geeft dezelfde getallen.</desc>");
        svg.Append("<g font-family=\"sans-serif\" font-size=\"13\" fill=\"#1a1a1a\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"8\" width=\"14\" height=\"14\" fill=\"#1d4f91\"/><text x=\"{LabelWidth + 20}\" y=\"20\">Geschat aantal eenzame inwoners</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth + 260}\" y=\"8\" width=\"14\" height=\"14\" fill=\"#8fb3e0\" stroke=\"#1d4f91\"/><text x=\"{LabelWidth + 280}\" y=\"20\">In Konvooi</text>");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + i * GroupHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + BarHeight + 4}\" text-anchor=\"end\">{Escape(label(row.WijkCode))}</text>");
            if (row.EstimatedLonely is { } estimate)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{F(X(estimate.Estimate) - LabelWidth)}\" height=\"{BarHeight}\" fill=\"#1d4f91\"/>");
                if (estimate is { Low: { } low, High: { } high })
                {
                    var mid = y + (BarHeight / 2);
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(low))}\" x2=\"{F(X(high))}\" y1=\"{mid}\" y2=\"{mid}\" stroke=\"#e8a33d\" stroke-width=\"2\"/>");
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(low))}\" x2=\"{F(X(low))}\" y1=\"{y + 2}\" y2=\"{y + BarHeight - 2}\" stroke=\"#e8a33d\" stroke-width=\"2\"/>");
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(high))}\" x2=\"{F(X(high))}\" y1=\"{y + 2}\" y2=\"{y + BarHeight - 2}\" stroke=\"#e8a33d\" stroke-width=\"2\"/>");
                }

                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(estimate.High ?? estimate.Estimate) + 6)}\" y=\"{y + BarHeight - 2}\">{Math.Round(estimate.Estimate).ToString("N0", Dutch)}</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + 4}\" y=\"{y + BarHeight - 2}\">geen schatting</text>");
            }

            var y2 = y + BarHeight + 4;
            if (row.Counts is { } counts)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y2}\" width=\"{F(Math.Max(X(counts.Registered) - LabelWidth, 0))}\" height=\"{BarHeight}\" fill=\"#8fb3e0\" stroke=\"#1d4f91\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(counts.Registered) + 6)}\" y=\"{y2 + BarHeight - 2}\">{counts.Registered.ToString("N0", Dutch)}</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + 4}\" y=\"{y2 + BarHeight - 2}\">niet getoond (kleine aantallen)</text>");
            }
        }

        svg.Append("</g></svg>");
        return svg.ToString();
    }

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
