using static Konvooi.Domain.Questionnaires.Definitions.Texts;

namespace Konvooi.Domain.Questionnaires.Definitions;

/// <summary>De Jong Gierveld Loneliness Scale, 11-item and 6-item (docs/instruments.md; sources: De Jong Gierveld &amp; Kamphuis 1985, De Jong Gierveld &amp; Van Tilburg 1999, 2006, 2008).</summary>
internal static class DeJongGierveld
{
    private const string GgdSource = "GGD Gezondheidsmonitor Volwassenen en Ouderen, item wording as listed by RIVM (De Jong Gierveld & Kamphuis 1985)";
    private const string EnglishSource = "Van Tilburg (2021), Gerontologist 61(7), Table 1; LASA codebook";
    private const string ManualSource = "De Jong Gierveld & Van Tilburg (1999), Manual of the Loneliness Scale, §2";

    private static readonly IReadOnlySet<string> EmotionalLonely = new HashSet<string>(StringComparer.Ordinal) { "ja!", "ja", "min_of_meer" };
    private static readonly IReadOnlySet<string> SocialLonely = new HashSet<string>(StringComparer.Ordinal) { "min_of_meer", "nee", "nee!" };

    private static readonly IReadOnlyList<AnswerOption> Options =
    [
        Option("ja!", 5, Nl("ja!", ManualSource), EnWorking("yes!")),
        Option("ja", 4, Nl("ja", GgdSource), En("yes", EnglishSource)),
        Option("min_of_meer", 3, Nl("min of meer", GgdSource), En("more or less", EnglishSource), "min-of-meer", "somewhat"),
        Option("nee", 2, Nl("nee", GgdSource), En("no", EnglishSource)),
        Option("nee!", 1, Nl("nee!", ManualSource), EnWorking("no!")),
    ];

    private static readonly IReadOnlyList<AnswerScale> Scales =
    [
        new("three-category", ["ja", "min_of_meer", "nee"], new Dictionary<int, string> { [1] = "nee", [2] = "min_of_meer", [3] = "ja" }),
        new("five-category", ["ja!", "ja", "min_of_meer", "nee", "nee!"], new Dictionary<int, string> { [1] = "nee!", [2] = "nee", [3] = "min_of_meer", [4] = "ja", [5] = "ja!" }),
    ];

    private static readonly IReadOnlyList<Subscale> Subscales =
    [
        new(DjgSubscales.Emotional, [Nl("emotionele eenzaamheid", "Konvooi"), En("emotional loneliness", EnglishSource)]),
        new(DjgSubscales.Social, [Nl("sociale eenzaamheid", "Konvooi"), En("social loneliness", EnglishSource)]),
    ];

    private static readonly IReadOnlyList<LocalizedText> Introduction =
    [
        Nl("Wilt u van elk van de volgende uitspraken aangeven in hoeverre die op u, zoals u de laatste tijd bent, van toepassing is? U kunt antwoorden met nee, min of meer, ja.", "RIVM / VZinfo verantwoording eenzaamheid (GGD standard introduction)"),
        EnWorking("Please indicate for each of the following statements to what extent it applies to you, as you are lately. You can answer no, more or less, or yes."),
    ];

    private static readonly IReadOnlyList<LocalizedText> NotADiagnosis =
    [
        NlWorking("Deze uitkomst is geen diagnose. Gebruik haar om samen over eenzaamheid te praten."),
        EnWorking("This result is not a diagnosis. Use it as a starting point for a conversation about loneliness."),
    ];

    /// <summary>The 11 items in manual order: (Dutch GGD wording, English, emotional?).</summary>
    private static readonly (string Dutch, string English, bool IsEmotional)[] ElevenItems =
    [
        ("Er is altijd wel iemand in mijn omgeving bij wie ik met mijn dagelijkse probleempjes terecht kan.", "There is always someone I can talk to about my day-to-day problems", false),
        ("Ik mis een echt goede vriend of vriendin.", "I miss having a really close friend", true),
        ("Ik ervaar een leegte om mij heen.", "I experience a general sense of emptiness", true),
        ("Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen.", "There are plenty of people I can lean on when I have problems", false),
        ("Ik mis gezelligheid om mij heen.", "I miss the pleasure of the company of others", true),
        ("Ik vind mijn kring van kennissen te beperkt.", "I find my circle of friends and acquaintances too limited", true),
        ("Ik heb veel mensen op wie ik volledig kan vertrouwen.", "There are many people I can trust completely", false),
        ("Er zijn voldoende mensen met wie ik me nauw verbonden voel.", "There are enough people I feel close to", false),
        ("Ik mis mensen om mij heen.", "I miss having people around me", true),
        ("Vaak voel ik me in de steek gelaten.", "I often feel rejected", true),
        ("Wanneer ik daar behoefte aan heb, kan ik altijd bij mijn vrienden terecht.", "I can call on my friends whenever I need them", false),
    ];

    /// <summary>DJG-6 in CBS presentation order, as 11-item numbers 3, 4, 7, 9, 8, 10 (CBS technical notes 2020, 2023; docs/instruments.md).</summary>
    private static readonly int[] SixItemOrder = [3, 4, 7, 9, 8, 10];

    public static Instrument Djg11 { get; } = new()
    {
        Id = "djg11",
        Version = "1.0",
        Names = [Nl("De Jong Gierveld eenzaamheidsschaal (11 vragen)", ManualSource), En("De Jong Gierveld Loneliness Scale (11 items)", ManualSource)],
        Citation = "De Jong Gierveld, J. & Kamphuis, F. (1985). The development of a Rasch-type loneliness scale. Applied Psychological Measurement 9, 289-299. De Jong Gierveld, J. & Van Tilburg, T.G. (1999). Manual of the Loneliness Scale. VU Amsterdam. Cut-offs: Van Tilburg, T.G. & De Jong Gierveld, J. (1999). Tijdschr Gerontol Geriatr 30(4), 158-163.",
        Licence = "Manual §1: available for scientific research programmes when the source is cited; use outside research needs the authors' permission. Not suitable for diagnosing individuals.",
        Introduction = Introduction,
        Items = Build("djg11", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], sourceNumbers: false),
        Options = Options,
        AnswerScales = Scales,
        Subscales = Subscales,
        MissingRule = new MissingDataRule(
            MaxMissingItems: 2,
            MaxMissingPerSubscale: 1,
            IsConfigurable: true,
            Source: "LASA derived variables lo/loemo/losoc (waves H-J: total missing when > 2 items missing; subscales when > 1); counts over answered items as the manual's 6-item syntax (docs/instruments.md, DJG-11)"),
        Levels =
        [
            new("not_lonely", 0, 2, [Nl("niet eenzaam", "GGD / VZinfo"), En("not lonely", "Van Tilburg & De Jong Gierveld 1999")]),
            new("moderately_lonely", 3, 8, [Nl("matig eenzaam", "GGD / VZinfo"), En("moderately lonely", "Van Tilburg & De Jong Gierveld 1999")]),
            new("severely_lonely", 9, 10, [Nl("sterk eenzaam", "VZinfo"), En("severely lonely", "Van Tilburg & De Jong Gierveld 1999")]),
            new("very_severely_lonely", 11, 11, [Nl("zeer sterk eenzaam", "VZinfo"), En("very severely lonely", "Van Tilburg & De Jong Gierveld 1999")]),
        ],
        Shape = ResultShape.DeJongGierveld,
        SubscaleLonelyThreshold = 3,
        IsSubscaleThresholdConfigurable = true,
        Notes = NotADiagnosis,
    };

    public static Instrument Djg6 { get; } = new()
    {
        Id = "djg6",
        Version = "1.0",
        Names = [Nl("De Jong Gierveld eenzaamheidsschaal (6 vragen)", ManualSource), En("De Jong Gierveld 6-item Loneliness Scale", ManualSource)],
        Citation = "De Jong Gierveld, J. & Van Tilburg, T. (2006). A 6-item scale for overall, emotional, and social loneliness: confirmatory tests on survey data. Research on Aging 28(5), 582-598. De Jong Gierveld, J. & Van Tilburg, T.G. (1999). Manual of the Loneliness Scale, §8.",
        Licence = "Manual §1: available for scientific research programmes when the source is cited; use outside research needs the authors' permission. Not suitable for diagnosing individuals.",
        Introduction = Introduction,
        Items = Build("djg6", SixItemOrder, sourceNumbers: true),
        Options = Options,
        AnswerScales = Scales,
        Subscales = Subscales,
        MissingRule = new MissingDataRule(
            MaxMissingItems: 1,
            MaxMissingPerSubscale: 0,
            IsConfigurable: true,
            Source: "Manual §8 SPSS syntax: total missing when > 1 item missing, a subscale missing when any of its items is missing"),
        Levels =
        [
            new("not_lonely", 0, 1, [Nl("niet eenzaam", "CBS 2023"), En("not lonely", "Manual §8 (lonescat)")]),
            new("moderately_lonely", 2, 4, [Nl("enigszins eenzaam", "CBS 2023"), En("moderately lonely", "Manual §8 (lonescat)")]),
            new("severely_lonely", 5, 6, [Nl("sterk eenzaam", "CBS 2023"), En("severely lonely", "Manual §8 (lonescat)")]),
        ],
        Shape = ResultShape.DeJongGierveld,
        SubscaleLonelyThreshold = 1,
        IsSubscaleThresholdConfigurable = false,
        Notes = NotADiagnosis,
    };

    private static List<ScaleItem> Build(string prefix, int[] elevenItemNumbers, bool sourceNumbers)
    {
        var items = new List<ScaleItem>(elevenItemNumbers.Length);
        for (var i = 0; i < elevenItemNumbers.Length; i++)
        {
            var n = elevenItemNumbers[i];
            var (dutch, english, isEmotional) = ElevenItems[n - 1];
            items.Add(new ScaleItem(
                Code: $"{prefix}-{i + 1}",
                Number: i + 1,
                Texts: [Nl(dutch, GgdSource), En(english, EnglishSource)],
                Key: new ItemKey.Count(isEmotional ? EmotionalLonely : SocialLonely),
                Subscale: isEmotional ? DjgSubscales.Emotional : DjgSubscales.Social,
                SourceNumber: sourceNumbers ? n : null));
        }

        return items;
    }
}
