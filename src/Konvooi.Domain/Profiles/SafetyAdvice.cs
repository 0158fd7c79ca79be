using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Profiles;

/// <summary>A number to call on the safety panel.</summary>
/// <param name="Name">Who answers, in Dutch.</param>
/// <param name="Number">The number as dialled.</param>
/// <param name="Text">When to call, in plain Dutch (B1).</param>
public sealed record SafetyContact(string Name, string Number, string Text);

/// <summary>
/// The safety routes of issue 16: which advice codes are about safety, and the text of the safety panel that
/// the profile and plan pages show first when a death wish was raised. In our own words, after the Dutch
/// multidisciplinary guideline on suicidal behaviour and the public information of 113 Zelfmoordpreventie.
/// The panel is for the professional's pages only: never in hand-over mode or volunteer views.
/// </summary>
public static class SafetyAdvice
{
    /// <summary>A death wish or thoughts of suicide were raised (<c>meaning.death_wish</c> = yes).</summary>
    public const string SafetyFirst = "safety_first";

    /// <summary>WHO-5 raw score 7 or less: discuss with the GP or POH-GGZ (VT-2).</summary>
    public const string MoodReferral = "mood_referral";

    /// <summary>Advice codes that are about safety; a plan cannot be closed while one is open without a recorded follow-up.</summary>
    public static IReadOnlyList<string> Codes { get; } = [SafetyFirst, MoodReferral];

    public const string PanelTitle = "Veiligheid gaat voor";

    public const string PanelIntro =
        "Deze persoon vertelde over een doodswens of gedachten aan zelfdoding. Neem dat altijd serieus, ook als het niet acuut lijkt. " +
        "Praat er rustig over, bespreek het vandaag nog met de huisarts en laat de persoon weten waar hij of zij dag en nacht terecht kan.";

    /// <summary>The crisis route: 113, 0800-0113, the GP and 112.</summary>
    public static IReadOnlyList<SafetyContact> PanelContacts { get; } =
    [
        new("113 Zelfmoordpreventie", "113", "Dag en nacht bellen of chatten (113.nl) met iemand die luistert, ook als u zich zorgen maakt om een ander."),
        new("113 Zelfmoordpreventie, gratis", "0800-0113", "Hetzelfde, gratis en anoniem."),
        new("Huisarts", "huisarts of huisartsenpost", "Bespreek het dezelfde dag. 's Avonds, 's nachts en in het weekend: de huisartsenpost."),
        new("Alarmnummer", "112", "Bij direct gevaar, als iemand zichzelf iets wil aandoen en niet alleen kan blijven."),
    ];

    /// <summary>What the professional does next, shown with the panel.</summary>
    public const string ProfessionalGuidance =
        "Vraag door naar gedachten, plannen en middelen. Leg vast wat u heeft afgesproken en met wie. " +
        "Een plan kan pas worden afgesloten als er een vervolg is vastgelegd.";

    /// <summary>Whether <paramref name="code"/> is a safety advice (<c>safety_first</c>, <c>mood_referral</c>).</summary>
    public static bool IsSafetyAdvice(string code) => Codes.Contains(code, StringComparer.Ordinal);

    /// <summary>The safety advice codes for a matching profile, <c>safety_first</c> first.</summary>
    public static IReadOnlyList<string> For(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var codes = new List<string>();
        if (profile.DeathWish == true)
        {
            codes.Add(SafetyFirst);
        }

        if (profile.Who5?.SuggestsDepression == true)
        {
            codes.Add(MoodReferral);
        }

        return codes;
    }
}
