using Konvooi.Domain.Matching;
using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Profiles;

/// <summary>One part of the profile in plain Dutch, with the evidence behind it.</summary>
public sealed record ProfileLine(string Heading, string Text, IReadOnlyList<Evidence> Evidence);

/// <summary>
/// The profile in plain Dutch (B1) for the person's page: what kind of loneliness, how severe, since when,
/// why, and what needs attention, each with its evidence. Never a diagnosis (docs/instruments.md).
/// </summary>
public static class ProfileText
{
    public static IReadOnlyList<ProfileLine> Describe(PersonProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var lines = new List<ProfileLine>
        {
            new("Eenzaamheid", Loneliness(profile), profile.LonelinessEvidence),
        };

        if (profile.IsLonely != false)
        {
            lines.Add(new("Hoe lang", profile.Course is null
                ? "Nog niet besproken."
                : Sentence(Vocabulary.Label(Vocabulary.Courses, profile.Course)), profile.CourseEvidence));
            lines.Add(new("Oorzaken", Causes(profile), [.. profile.Causes.SelectMany(c => c.Evidence).Distinct()]));
        }

        if (profile.LifeEvents.Count > 0)
        {
            lines.Add(new("Gebeurtenissen", Sentence(string.Join("; ", profile.LifeEvents.Select(LifeEvent))), [.. profile.LifeEvents.SelectMany(e => e.Evidence).Distinct()]));
        }

        if (profile.Coping is not null)
        {
            lines.Add(new("Omgaan met eenzaamheid", "Het liefst: " + Vocabulary.Label(Vocabulary.Coping, profile.Coping) + ".", []));
        }

        if (Wishes(profile.Preferences) is { } wishes)
        {
            lines.Add(new("Wensen", wishes, []));
        }

        if (profile.WellbeingLevel is not null)
        {
            var label = Instruments.Who5.Levels.FirstOrDefault(l => l.Code == profile.WellbeingLevel)?.Labels.In(LocalizedText.Dutch)?.Text
                ?? profile.WellbeingLevel;
            lines.Add(new("Welbevinden", Sentence(label), []));
        }

        lines.AddRange(profile.Flags.Select(f => new ProfileLine("Let op", Sentence(f.Label), f.Evidence)));
        return lines;
    }

    private static string Loneliness(PersonProfile profile)
    {
        if (profile.NeedsConfirmation)
        {
            var measured = profile.SeverityRange?.DutchText ?? "niet eenzaam";
            var why = new List<string>();
            if (profile.SeverityUncertain)
            {
                why.Add("niet alle vragen zijn beantwoord");
            }

            if (profile.MeasurementStale)
            {
                why.Add("de meting is oud");
            }

            if (profile.SelfReportDiffers)
            {
                why.Add("de persoon ziet het zelf anders");
            }

            return $"Nog niet zeker. Volgens de vragenlijst {measured}, maar {string.Join(" en ", why)}. Bespreek het samen en leg uw eigen oordeel vast.";
        }

        var text = profile.IsLonely switch
        {
            null => "Nog niet gemeten.",
            false when profile.Judgement is not null => "Niet eenzaam volgens het oordeel van de professional.",
            false => "Niet eenzaam volgens de vragenlijst.",
            true when profile.Type is null => Sentence(Vocabulary.Label(Vocabulary.Severities, profile.Severity!)),
            true when profile.Severity is null => "Vooral: " + Vocabulary.Label(Vocabulary.LonelinessTypes, profile.Type) + ".",
            true => Sentence(Vocabulary.Label(Vocabulary.Severities, profile.Severity)) + " Vooral: " + Vocabulary.Label(Vocabulary.LonelinessTypes, profile.Type) + ".",
        };
        if (profile.IsLonely == true && profile.Judgement is null && profile.SeverityRange is { IsUncertain: true } range)
        {
            text += $" Niet alle vragen zijn beantwoord: de uitkomst ligt {range.DutchText}.";
        }

        if (profile.IsLonely == true && profile.Judgement is not null)
        {
            text += " Volgens het oordeel van de professional.";
        }

        if (profile.SelfReportDiffers && !profile.NeedsConfirmation)
        {
            text += " De persoon ziet het zelf anders; bespreek dat samen.";
        }

        return text;
    }

    private static string LifeEvent(LifeEventFinding e) => e.MonthsAgo switch
    {
        null => e.Label,
        0 => e.Label + " (deze maand)",
        1 => e.Label + " (1 maand geleden)",
        int months => e.Label + string.Create(System.Globalization.CultureInfo.InvariantCulture, $" ({months} maanden geleden)"),
    };

    private static string Causes(PersonProfile profile)
    {
        if (profile.PrimaryCause is not { } primary)
        {
            return "Nog geen oorzaak genoemd.";
        }

        var text = "Belangrijkste oorzaak: " + primary.Label + ".";
        var others = profile.SecondaryCauses;
        return others.Count == 0 ? text : text + " Ook: " + string.Join(", ", others.Select(c => c.Label)) + ".";
    }

    private static string? Wishes(PersonPreferences preferences)
    {
        var parts = new List<string>();
        if (preferences.Setting is not null)
        {
            parts.Add(Vocabulary.Label(Vocabulary.Settings, preferences.Setting));
        }

        if (preferences.Modes.Count > 0)
        {
            parts.Add(string.Join(" of ", preferences.Modes.Select(m => Vocabulary.Label(Vocabulary.Modes, m))));
        }

        if (preferences.Language is not null)
        {
            parts.Add("in de taal met code " + preferences.Language);
        }

        if (preferences.FewContactsWanted == true)
        {
            parts.Add("een paar mensen is genoeg");
        }

        return parts.Count == 0 ? null : "Voorkeur: " + string.Join("; ", parts) + ".";
    }

    private static string Sentence(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? string.Empty : ".");
}
