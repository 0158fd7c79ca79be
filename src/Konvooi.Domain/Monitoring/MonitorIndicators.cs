using Konvooi.Domain.Common;
using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Monitoring;

/// <summary>A named indicator: a proportion (yes/no expression) or a mean (numeric expression).</summary>
public sealed record MonitorIndicator(string Name, IndicatorExpression Expression)
{
    public bool IsProportion => Expression.IsBoolean;
}

/// <summary>
/// The score columns each instrument offers to indicator expressions, its built-in indicators, and
/// the parsing of <c>--indicator NAME</c> or <c>--indicator NAME=EXPRESSION</c>.
/// </summary>
public static class MonitorIndicators
{
    /// <summary>Score columns of an instrument, in the order <see cref="RespondentScorer"/> fills them.</summary>
    public static IReadOnlyList<ScoreColumn> ColumnsOf(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument.Shape switch
        {
            ResultShape.DeJongGierveld =>
            [
                new("emotional", false), new("social", false), new("total", false), new("missing_items", false),
                new("emotionally_lonely", true), new("socially_lonely", true),
            ],
            ResultShape.Who5 => [new("raw", false), new("percentage", false), new("depression_followup", true), new("missing_items", false)],
            ResultShape.Ucla3 => [new("total", false), new("lonely", true), new("missing_items", false)],
            ResultShape.OnsDirect => [new("chronic", true), new("missing_items", false)],
            ResultShape.MeanAndBand => [new("mean", false), new("missing_items", false)],
            _ => [new("total", false), new("missing_items", false)],
        };
    }

    /// <summary>
    /// Built-in indicators (name → expression) of an instrument, with their sources (docs/instruments.md,
    /// docs/monitor.md): DJG-11 cut-offs of Van Tilburg &amp; De Jong Gierveld 1999 as used by the GGD ("eenzaam"
    /// total ≥ 3, "(zeer) ernstig eenzaam" ≥ 9; emotional/social lonely at the subscale threshold); DJG-6 manual
    /// syntax (moderate from 2, severe from 5; a subscale is lonely from 1); UCLA-3 ≥ 6 (practice cut-off,
    /// Campaign to End Loneliness 2015); ONS 2018 ("often/always"); WHO-5 percentage ≤ 50 (Topp et al. 2015)
    /// and ≤ 28; means of the totals and subscales.
    /// </summary>
    public static IReadOnlyList<(string Name, string Expression)> BuiltInsOf(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return instrument.Id switch
        {
            "djg11" =>
            [
                ("lonely", "total >= 3"), ("severely_lonely", "total >= 9"),
                ("emotional_lonely", "emotionally_lonely"), ("social_lonely", "socially_lonely"),
                ("mean_total", "total"), ("mean_emotional", "emotional"), ("mean_social", "social"),
            ],
            "djg6" =>
            [
                ("lonely", "total >= 2"), ("severely_lonely", "total >= 5"),
                ("emotional_lonely", "emotionally_lonely"), ("social_lonely", "socially_lonely"),
                ("mean_total", "total"), ("mean_emotional", "emotional"), ("mean_social", "social"),
            ],
            "ucla3" => [("lonely", "lonely"), ("mean_total", "total")],
            "ons-direct" => [("chronic", "chronic")],
            "who5" =>
            [
                ("poor_wellbeing", "percentage <= 50"), ("likely_depression", "percentage <= 28"),
                ("mean_percentage", "percentage"), ("mean_raw", "raw"),
            ],
            _ when instrument.Shape == ResultShape.MeanAndBand => [("mean_score", "mean")],
            _ => [("mean_total", "total")],
        };
    }

    /// <summary>
    /// Parses the <c>--indicator</c> values: a built-in name, or <c>name=expression</c>. Names must be
    /// unique. Returns the indicators in the given order, or every problem found.
    /// </summary>
    public static (IReadOnlyList<MonitorIndicator> Indicators, IReadOnlyList<Error> Errors) Parse(IEnumerable<string> specs, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return Parse(specs, instrument, null);
    }

    /// <summary>
    /// As <see cref="Parse(IEnumerable{string}, Instrument)"/>, with input columns (registered in
    /// <paramref name="inputs"/>) next to the instrument's scores, or instead of them when
    /// <paramref name="instrument"/> is null (then every indicator is <c>NAME=EXPRESSION</c>).
    /// </summary>
    public static (IReadOnlyList<MonitorIndicator> Indicators, IReadOnlyList<Error> Errors) Parse(IEnumerable<string> specs, Instrument? instrument, ColumnInputs? inputs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (instrument is null && inputs is null)
        {
            throw new ArgumentException("without an instrument, indicators need input columns", nameof(inputs));
        }

        IReadOnlyList<ScoreColumn> columns = instrument is null ? [] : ColumnsOf(instrument);
        IReadOnlyList<(string Name, string Expression)> builtIns = instrument is null ? [] : BuiltInsOf(instrument);
        var indicators = new List<MonitorIndicator>();
        var errors = new List<Error>();
        foreach (var raw in specs)
        {
            var spec = raw.Trim();
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            string name;
            string expressionText;
            if (equals < 0)
            {
                name = spec;
                var builtIn = builtIns.FirstOrDefault(b => string.Equals(b.Name, spec, StringComparison.Ordinal));
                if (builtIn.Name is null)
                {
                    errors.Add(instrument is null
                        ? new Error("indicator_unknown", $"'{spec}' is not an indicator: without --instrument write NAME=COLUMN or NAME=EXPRESSION, e.g. mean_age=age or old=age>=75")
                        : new Error(
                            "indicator_unknown",
                            $"'{spec}' is not an indicator of {instrument.Id} (built in: {string.Join(", ", builtIns.Select(b => b.Name))}; or write NAME=EXPRESSION)"));
                    continue;
                }

                expressionText = builtIn.Expression;
            }
            else
            {
                name = spec[..equals].Trim();
                expressionText = spec[(equals + 1)..];
                if (!IsName(name))
                {
                    errors.Add(new Error("indicator_name", $"'{name}' is not a valid indicator name: use letters, digits and _ (got '{spec}')"));
                    continue;
                }
            }

            if (indicators.Any(i => string.Equals(i.Name, name, StringComparison.Ordinal)))
            {
                errors.Add(new Error("indicator_duplicate", $"indicator '{name}' is given twice"));
                continue;
            }

            var (expression, error) = IndicatorExpression.Parse(expressionText, columns, inputs);
            if (expression is null)
            {
                var message = error?.Message ?? "the expression could not be read";
                errors.Add(new Error("indicator_expression", $"indicator '{name}': {message} (got '{expressionText.Trim()}')"));
                continue;
            }

            indicators.Add(new MonitorIndicator(name, expression));
        }

        return (indicators, errors);
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
