using System.Globalization;
using System.Text.RegularExpressions;

namespace Konvooi.Web.Pages.Monitor;

/// <summary>Dutch wording for the monitor pages: sizes, percentages, and the engine's problems explained in plain Dutch.</summary>
public static partial class MonitorText
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Size(long bytes) => bytes >= 1 << 20
        ? (bytes / (double)(1 << 20)).ToString("0.#", Dutch) + " MB"
        : Math.Max(1, bytes / 1024).ToString(Dutch) + " kB";

    /// <summary>A proportion as a percentage with one decimal (<c>23,4%</c>), a mean with two decimals.</summary>
    public static string Number(double? value, bool isProportion) => value is not { } v
        ? "–"
        : isProportion ? (v * 100).ToString("0.0", Dutch) + "%" : v.ToString("0.00", Dutch);

    /// <summary>A difference of proportions in procentpunt (<c>3,1 procentpunt</c>).</summary>
    public static string Points(double value) => (value * 100).ToString("0.0", Dutch) + " procentpunt";

    /// <summary>
    /// A plain-Dutch explanation of a problem as the engine words it (the CLI's messages, docs/monitor.md), or null when
    /// there is none; the page shows the original message too.
    /// </summary>
    public static string? Explain(string problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (LonelyPsu().Match(problem) is { Success: true } lonely)
        {
            return $"In stratum {lonely.Groups[1].Value} zit maar één cluster (PSU). Dan is de onzekerheid niet te berekenen. Kies bij ‘Stratum met één cluster’ een andere aanpak, bijvoorbeeld ‘average’.";
        }

        if (problem.Contains("a weight must be greater than 0", StringComparison.Ordinal))
        {
            return "Een gewicht is 0 of negatief. Elk gewicht moet groter zijn dan 0.";
        }

        if (problem.Contains(": not a number", StringComparison.Ordinal) || problem.Contains("the weight is missing", StringComparison.Ordinal))
        {
            return "Een gewicht is geen getal of ontbreekt. Kies de juiste kolom als gewicht.";
        }

        if (problem.Contains("not in --codes", StringComparison.Ordinal) || problem.Contains("not an answer", StringComparison.Ordinal))
        {
            return "Een antwoord past niet bij de codes. Vul bij ‘Codes’ alle codes in die in het bestand staan.";
        }

        if (problem.StartsWith("line 1, column", StringComparison.Ordinal))
        {
            return "Een gekozen kolom staat niet in het bestand. Kies een kolom uit de lijst.";
        }

        if (problem.StartsWith("--items", StringComparison.Ordinal))
        {
            return "Kies voor elke vraag van de vragenlijst één kolom, in de volgorde van de vragenlijst.";
        }

        if (problem.StartsWith("--indicator", StringComparison.Ordinal))
        {
            return "Een indicator klopt niet. Kies een vaste indicator of schrijf een formule zoals emo2=emotional>=2.";
        }

        if (problem.StartsWith("--by", StringComparison.Ordinal))
        {
            return "Kies minstens één indeling in groepen, bijvoorbeeld wave of wave,age_group.";
        }

        if (problem.StartsWith("--compare", StringComparison.Ordinal))
        {
            return "De vergelijking klopt niet. Kies een variabele uit de indeling en twee verschillende waarden die in het bestand voorkomen.";
        }

        if (problem.StartsWith("--codes", StringComparison.Ordinal))
        {
            return "De codes kloppen niet. Schrijf ze zo: 1=ja,2=min of meer,3=nee.";
        }

        if (problem.StartsWith("--fpc", StringComparison.Ordinal))
        {
            return "De kolom voor de eindige-populatiecorrectie klopt niet. Per stratum moet er één waarde zijn: een steekproeffractie (hoogstens 1) of het aantal in de populatie (meer dan het aantal in de steekproef).";
        }

        if (problem.Contains("invalid rows", StringComparison.Ordinal))
        {
            return "Er zijn regels met fouten. Er is niets berekend. Verbeter het bestand of de keuzes en probeer het opnieuw.";
        }

        return null;
    }

    [GeneratedRegex(@"^--lonely-psu: stratum (.+) has only one PSU")]
    private static partial Regex LonelyPsu();
}
