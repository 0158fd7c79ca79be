using System.Globalization;
using System.Text.Json;
using Konvooi.Domain.Questionnaires;
using Konvooi.Features.Data;

namespace Konvooi.Web.Infrastructure;

/// <summary>Plain-Dutch labels for instrument results.</summary>
public static class MeasurementText
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    public static string Mode(AdministrationMode mode) => mode switch
    {
        AdministrationMode.FaceToFace => "Samen ingevuld (voorgelezen)",
        AdministrationMode.Phone => "Telefonisch afgenomen",
        AdministrationMode.SelfCompletion => "Zelf ingevuld op de tablet",
        _ => mode.ToString(),
    };

    public static string Name(Instrument instrument) =>
        (instrument.Names.In(LocalizedText.Dutch) ?? instrument.Names[0]).Text;

    public static string FieldLabel(string field) => field switch
    {
        "total" => "Totaalscore",
        "emotional" => "Emotionele eenzaamheid (gemis van een hechte band)",
        "social" => "Sociale eenzaamheid (gemis van een brede kring)",
        "level" => "Uitkomst",
        "missing_items" => "Vragen zonder antwoord",
        "raw" => "Score (0 tot 25)",
        "percentage" => "Score in procenten (0 tot 100)",
        "lonely" => "Wijst op eenzaamheid",
        "answer" => "Antwoord",
        "chronic" => "Vaak of altijd eenzaam",
        "mean" => "Gemiddelde score",
        "band" => "Uitkomst",
        "emotionally_lonely" => "Emotioneel eenzaam",
        "socially_lonely" => "Sociaal eenzaam",
        "depression_followup" => "Aanleiding om verder door te vragen naar somberheid",
        _ => field,
    };

    /// <summary>A result value as people read it: levels by their Dutch label, booleans as ja/nee.</summary>
    public static string Value(Instrument? instrument, string field, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return "Niet te berekenen (te veel vragen zonder antwoord)";
            case JsonValueKind.True:
                return "ja";
            case JsonValueKind.False:
                return "nee";
            case JsonValueKind.Number:
                return value.TryGetInt32(out var whole) ? whole.ToString(Culture) : value.GetDouble().ToString("0.00", Culture);
            case JsonValueKind.String:
                var code = value.GetString() ?? string.Empty;
                var band = instrument?.Levels.FirstOrDefault(l => l.Code == code);
                if (band is not null)
                {
                    return (band.Labels.In(LocalizedText.Dutch) ?? band.Labels[0]).Text;
                }

                var option = instrument?.Options.FirstOrDefault(o => o.Value == code);
                return option is null ? code : (option.Labels.In(LocalizedText.Dutch) ?? option.Labels[0]).Text;
            default:
                return value.ToString();
        }
    }

    public static string Level(Instrument? instrument, string? code)
    {
        var band = code is null ? null : instrument?.Levels.FirstOrDefault(l => l.Code == code);
        return band is null ? "–" : (band.Labels.In(LocalizedText.Dutch) ?? band.Labels[0]).Text;
    }

    /// <summary>The lowest and highest possible total, for chart axes.</summary>
    public static (int Min, int Max) TotalRange(Instrument instrument)
    {
        var weights = instrument.Options.Select(o => o.Weight).ToList();
        int min = 0, max = 0;
        foreach (var item in instrument.Items)
        {
            if (item.Key is ItemKey.Count)
            {
                max += 1;
            }
            else
            {
                min += weights.Min();
                max += weights.Max();
            }
        }

        return (min, Math.Max(max, min + 1));
    }
}
