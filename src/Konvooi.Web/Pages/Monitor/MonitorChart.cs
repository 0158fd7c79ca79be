using System.Globalization;
using System.Text;
using Konvooi.Features.Monitor;
using Microsoft.AspNetCore.Html;

namespace Konvooi.Web.Pages.Monitor;

/// <summary>
/// Server-rendered SVG charts (no JavaScript): bars with confidence-interval whiskers per group, and lines over the waves
/// for a table of wave by group. Each chart has a title and description; the data table beside it holds the numbers.
/// Lines are told apart by their label at the end and by their dash pattern, not by colour alone.
/// </summary>
public static class MonitorChart
{
    private const int Width = 640;
    private const int Height = 300;
    private const int Left = 56;
    private const int Right = 150;
    private const int Top = 20;
    private const int Bottom = 50;
    private static readonly string[] Colours = ["#1f5f99", "#a33a00", "#2e6b30", "#6b2e6b", "#5a5a00", "#00606b"];
    private static readonly string[] Dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"];

    /// <summary>A chart of one indicator of one table, or null when the table has no numbers to show.</summary>
    public static IHtmlContent? Render(MonitorTable table, MonitorIndicatorInfo indicator, string id, string title)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(indicator);
        var rows = table.Rows.Where(r => r.Indicator == indicator.Name && r.Estimate is not null).ToList();
        if (rows.Count == 0 || table.Variables.Count is 0 or > 2)
        {
            return null;
        }

        var max = rows.Max(r => r.CiHigh ?? r.Estimate ?? 0);
        var scaleMax = indicator.IsProportion ? Math.Min(1, Math.Ceiling(max * 10) / 10) : Math.Ceiling(max);
        scaleMax = scaleMax <= 0 ? 1 : scaleMax;
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double Y(double v) => Top + plotH - (v / scaleMax * plotH);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" style=\"max-width:{Width}px\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">De cijfers staan in de tabel bij deze grafiek. De lijnen rond elke waarde tonen de betrouwbaarheidsmarge van 95%.</desc>");
        for (var t = 0; t <= 4; t++)
        {
            var v = scaleMax * t / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left + plotW}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\" stroke=\"#ccc\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">{Encode(MonitorText.Number(v, indicator.IsProportion))}</text>");
        }

        if (table.Variables.Count == 1)
        {
            var step = plotW / (double)rows.Count;
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                var x = Left + (i * step) + (step * 0.2);
                var w = step * 0.6;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(Y(r.Estimate!.Value))}\" width=\"{F(w)}\" height=\"{F(Top + plotH - Y(r.Estimate.Value))}\" fill=\"{Colours[0]}\"/>");
                Whisker(svg, x + (w / 2), r, Y, F);
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + (w / 2))}\" y=\"{Top + plotH + 18}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#222\">{Encode(r.Values[0])}</text>");
            }
        }
        else
        {
            var waves = rows.Select(r => r.Values[0]).Distinct(StringComparer.Ordinal).ToList();
            var groups = rows.Select(r => r.Values[1]).Distinct(StringComparer.Ordinal).ToList();
            var step = waves.Count == 1 ? plotW : plotW / (double)(waves.Count - 1);
            double X(string wave) => waves.Count == 1 ? Left + (plotW / 2.0) : Left + (waves.IndexOf(wave) * step);
            foreach (var wave in waves)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(wave))}\" y=\"{Top + plotH + 18}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#222\">{Encode(wave)}</text>");
            }

            for (var g = 0; g < groups.Count; g++)
            {
                var points = rows.Where(r => r.Values[1] == groups[g]).ToList();
                var colour = Colours[g % Colours.Length];
                var path = string.Join(' ', points.Select(p => $"{F(X(p.Values[0]))},{F(Y(p.Estimate!.Value))}"));
                svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{Dashes[g % Dashes.Length]}\"/>");
                foreach (var p in points)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(p.Values[0]))}\" cy=\"{F(Y(p.Estimate!.Value))}\" r=\"3\" fill=\"{colour}\"/>");
                    Whisker(svg, X(p.Values[0]) + ((g - (groups.Count / 2.0)) * 2), p, Y, F, colour);
                }

                var last = points[^1];
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(last.Values[0]) + 8)}\" y=\"{F(Y(last.Estimate!.Value) + 4)}\" font-size=\"12\" fill=\"{colour}\">{Encode(groups[g])}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static void Whisker(StringBuilder svg, double x, MonitorEstimateRow r, Func<double, double> y, Func<double, string> f, string colour = "#111")
    {
        if (r.CiLow is not { } low || r.CiHigh is not { } high)
        {
            return;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{f(x)}\" x2=\"{f(x)}\" y1=\"{f(y(Math.Max(0, low)))}\" y2=\"{f(y(high))}\" stroke=\"{colour}\" stroke-width=\"1.5\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{f(x - 4)}\" x2=\"{f(x + 4)}\" y1=\"{f(y(high))}\" y2=\"{f(y(high))}\" stroke=\"{colour}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{f(x - 4)}\" x2=\"{f(x + 4)}\" y1=\"{f(y(Math.Max(0, low)))}\" y2=\"{f(y(Math.Max(0, low)))}\" stroke=\"{colour}\"/>");
    }

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
