using System.Globalization;
using System.Net;
using System.Text;
using Konvooi.Domain.Questionnaires;
using Konvooi.Domain.Support;
using Konvooi.Features.Measurements;

namespace Konvooi.Web.Infrastructure;

/// <summary>
/// A person's totals on one instrument over time as an accessible SVG line chart: a title and a
/// description that state the numbers, no script, no inline style. The page always shows the same
/// numbers in a table as well. Plan events (docs/support-plan.md) are drawn as numbered dashed lines on a date axis;
/// the page lists them with the same numbers.
/// </summary>
public static class HistoryChart
{
    private const int Width = 640;
    private const int Height = 240;
    private const int Left = 48;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 40;

    /// <param name="instrument">The instrument of the points.</param>
    /// <param name="points">Its administrations, oldest first.</param>
    /// <param name="events">Plan events to mark, numbered 1, 2, … in this order; with events the x axis follows the dates.</param>
    public static string For(Instrument instrument, IReadOnlyList<ListMeasurementHistory.HistoryPoint> points, IReadOnlyList<TimelineEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(points);
        events ??= [];
        var culture = CultureInfo.GetCultureInfo("nl-NL");
        var (min, max) = MeasurementText.TotalRange(instrument);
        var name = MeasurementText.Name(instrument);
        var scored = points.Where(p => p.Total is not null).ToList();
        var description = scored.Count == 0
            ? "Nog geen berekende totaalscore."
            : string.Join("; ", scored.Select(p => $"{p.AdministeredOn.ToString("d MMMM yyyy", culture)}: {p.Total}"));
        if (events.Count > 0)
        {
            description += " Gebeurtenissen in het plan: "
                + string.Join("; ", events.Select((e, i) => $"{i + 1}. {e.Date.ToString("d MMMM yyyy", culture)}: {e.Label}")) + ".";
        }

        var id = "chart-" + instrument.Id;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(name)}: totaalscore door de tijd (van {min} tot {max})</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{Encode(description)}</desc>");
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double Y(int value) => Top + plotHeight - ((value - min) / (double)(max - min) * plotHeight);
        var dates = scored.Select(p => p.AdministeredOn.DayNumber).Concat(events.Select(e => e.Date.DayNumber)).ToList();
        var first = dates.Count == 0 ? 0 : dates.Min();
        var span = dates.Count == 0 ? 0 : dates.Max() - first;
        double AtDate(DateOnly date) => span == 0 ? Left + (plotWidth / 2.0) : Left + ((date.DayNumber - first) * plotWidth / (double)span);
        double X(int index) => events.Count > 0
            ? AtDate(scored[index].AdministeredOn)
            : scored.Count <= 1 ? Left + (plotWidth / 2.0) : Left + (index * plotWidth / (double)(scored.Count - 1));

        foreach (var tick in new[] { min, min + ((max - min) / 2), max })
        {
            var y = Y(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#b4b4b4\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 8}\" y=\"{y + 5:0.#}\" text-anchor=\"end\" font-size=\"14\" fill=\"#1a1a1a\">{tick}</text>");
        }

        // Events on the same day share one line; its label lists their numbers.
        foreach (var day in events.Select((e, i) => (e.Date, Number: i + 1)).GroupBy(e => e.Date))
        {
            var x = AtDate(day.Key);
            var numbers = string.Join(",", day.Select(e => e.Number.ToString(CultureInfo.InvariantCulture)));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{Top + plotHeight}\" stroke=\"#8a4b08\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4:0.#}\" y=\"{Top + 12}\" font-size=\"13\" fill=\"#8a4b08\">{numbers}</text>");
        }

        if (scored.Count > 1)
        {
            var path = string.Join(" ", scored.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? 'M' : 'L')}{X(i):0.#},{Y(p.Total!.Value):0.#}")));
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"none\" stroke=\"#154273\" stroke-width=\"3\"/>");
        }

        for (var i = 0; i < scored.Count; i++)
        {
            var p = scored[i];
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(p.Total!.Value):0.#}\" r=\"6\" fill=\"#154273\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{Height - 14}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1a1a1a\">{Encode(p.AdministeredOn.ToString("d MMM yy", culture))}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
