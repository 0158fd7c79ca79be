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

    private static string Loneliness(PersonProfile profile) => profile.IsLonely switch
    {
        null => "Nog niet gemeten.",
        false => "Niet eenzaam volgens de vragenlijst.",
        true when profile.Type is null => Sentence(Vocabulary.Label(Vocabulary.Severities, profile.Severity!)),
        true => Sentence(Vocabulary.Label(Vocabulary.Severities, profile.Severity!)) + " Vooral: " + Vocabulary.Label(Vocabulary.LonelinessTypes, profile.Type) + ".",
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
