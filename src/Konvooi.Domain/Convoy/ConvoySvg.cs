using System.Globalization;
using System.Text;

namespace Konvooi.Domain.Convoy;

/// <summary>
/// Draws a convoy map as three concentric circles around the person (JG-4). The SVG is accessible
/// (<c>role="img"</c>, a title and a description listing the members per circle), printable (black on
/// white, presentation attributes only) and has no scripts or inline styles, so it works without JavaScript
/// and under a strict content security policy. Pages show the same members as a table next to it.
/// </summary>
public static class ConvoySvg
{
    private const int Size = 600;
    private const double Centre = Size / 2.0;
    private const double PersonRadius = 40;

    // Outer edge of each circle's band, inside out.
    private static readonly double[] RingRadii = [115, 200, 285];

    private static readonly string[] DutchMonths =
    [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
    ];

    /// <summary>The SVG markup of <paramref name="snapshot"/>.</summary>
    /// <param name="snapshot">The map to draw.</param>
    /// <param name="idPrefix">Prefix for the ids of title and description, unique on the page.</param>
    public static string Render(ConvoySnapshot snapshot, string idPrefix = "konvooi")
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(idPrefix);
        var titleId = idPrefix + "-title";
        var descId = idPrefix + "-desc";
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Size} {Size}\" width=\"{Size}\" height=\"{Size}\" role=\"img\" aria-labelledby=\"{Escape(titleId)} {Escape(descId)}\">"));
        svg.Append("<title id=\"").Append(Escape(titleId)).Append("\">").Append(Escape(Title(snapshot.Date))).Append("</title>");
        svg.Append("<desc id=\"").Append(Escape(descId)).Append("\">").Append(Escape(Description(snapshot))).Append("</desc>");
        svg.Append(Invariant($"<rect x=\"0\" y=\"0\" width=\"{Size}\" height=\"{Size}\" fill=\"#ffffff\"/>"));
        for (var ring = RingRadii.Length - 1; ring >= 0; ring--)
        {
            svg.Append(Invariant($"<circle cx=\"{Centre}\" cy=\"{Centre}\" r=\"{RingRadii[ring]}\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"2\"/>"));
        }

        for (var ring = 0; ring < RingRadii.Length; ring++)
        {
            var label = ConvoyCodes.Circles[ConvoyCodes.CircleOrder[ring]];
            svg.Append(Invariant($"<text x=\"{Centre}\" y=\"{Format(Centre - RingRadii[ring] + 16)}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#444444\">"))
                .Append(Escape(label)).Append("</text>");
        }

        svg.Append(Invariant($"<circle cx=\"{Centre}\" cy=\"{Centre}\" r=\"{PersonRadius}\" fill=\"#000000\"/>"));
        svg.Append(Invariant($"<text x=\"{Centre}\" y=\"{Centre + 6}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"18\" fill=\"#ffffff\">Ik</text>"));

        for (var ring = 0; ring < RingRadii.Length; ring++)
        {
            var members = snapshot.Members.Where(m => m.Circle == ConvoyCodes.CircleOrder[ring]).ToList();
            var inner = ring == 0 ? PersonRadius : RingRadii[ring - 1];
            var radius = (inner + RingRadii[ring]) / 2 + 6;
            for (var i = 0; i < members.Count; i++)
            {
                // Start at the bottom-left so labels do not cover the circle names at the top; offset each ring.
                var angle = (Math.PI / 2) + (ring * 0.35) + (2 * Math.PI * i / members.Count);
                var x = Centre + (radius * Math.Cos(angle));
                var y = Centre + (radius * Math.Sin(angle));
                svg.Append("<g>");
                svg.Append(members[i].IsLightContact
                    ? Invariant($"<circle cx=\"{Format(x)}\" cy=\"{Format(y)}\" r=\"7\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>")
                    : Invariant($"<circle cx=\"{Format(x)}\" cy=\"{Format(y)}\" r=\"7\" fill=\"#000000\"/>"));
                svg.Append(Invariant($"<text x=\"{Format(x)}\" y=\"{Format(y + 20)}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"13\" fill=\"#000000\">"))
                    .Append(Escape(members[i].Name)).Append("</text>");
                svg.Append("</g>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The Dutch title, e.g. "Konvooikaart van 14 maart 2026".</summary>
    public static string Title(DateOnly date) =>
        Invariant($"Konvooikaart van {date.Day} {DutchMonths[date.Month - 1]} {date.Year}");

    /// <summary>The Dutch description: every circle with its members, relation and contact frequency.</summary>
    public static string Description(ConvoySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var parts = ConvoyCodes.CircleOrder.Select(circle =>
        {
            var members = snapshot.Members.Where(m => m.Circle == circle).ToList();
            var label = ConvoyCodes.Circles[circle];
            var list = members.Count == 0
                ? "niemand"
                : string.Join(", ", members.Select(Describe));
            return Invariant($"{char.ToUpperInvariant(label[0])}{label[1..]} ({members.Count}): {list}.");
        });
        return string.Join(" ", parts);
    }

    private static string Describe(ConvoyMember member)
    {
        var details = new List<string>
        {
            ConvoyCodes.Relations.GetValueOrDefault(member.Relation, member.Relation),
            "contact " + ConvoyCodes.Frequencies.GetValueOrDefault(member.Frequency, member.Frequency),
        };
        if (member.IsLightContact)
        {
            details.Add("kort contact");
        }

        return $"{member.Name} ({string.Join(", ", details)})";
    }

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
