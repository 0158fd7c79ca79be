using static Konvooi.Domain.Questionnaires.Definitions.Texts;

namespace Konvooi.Domain.Questionnaires.Definitions;

/// <summary>UCLA 3-item Loneliness Scale and the ONS direct question (docs/instruments.md; Hughes et al. 2004, ONS 2018).</summary>
internal static class Loneliness
{
    private const string OnsSource = "ONS (2018) Measuring loneliness: guidance for use of the national indicators on surveys; GSS loneliness harmonised principle (2020)";
    private const string HughesSource = "Hughes, Waite, Hawkley & Cacioppo (2004), Research on Aging 26(6); wording as ONS (2018)";

    public static Instrument Ucla3 { get; } = new()
    {
        Id = "ucla3",
        Version = "1.0",
        // LOINC panel "Three-Item Loneliness scale [Three-Item Loneliness Scale]"; item 3 is LOINC 66867-3
        // (loinc.org/66867-3, "Member of these Panels"). No LOINC codes are verified for the other instruments.
        LoincCode = "106418-7",
        Names = [NlWorking("UCLA eenzaamheidsschaal (3 vragen)"), En("Three-item UCLA Loneliness Scale", HughesSource)],
        Citation = "Hughes, M.E., Waite, L.J., Hawkley, L.C. & Cacioppo, J.T. (2004). A short scale for measuring loneliness in large surveys: results from two population-based studies. Research on Aging 26(6), 655-672. doi:10.1177/0164027504268574.",
        Licence = "No explicit licence found; ONS guidance text is Crown copyright under the Open Government Licence.",
        Introduction = [NlWorking("Hoe vaak heeft u de volgende gevoelens? Kies bij elke vraag één antwoord.")],
        Items =
        [
            Item("ucla3-1", 1, "Hoe vaak heeft u het gevoel dat u gezelschap mist?", "How often do you feel that you lack companionship?"),
            Item("ucla3-2", 2, "Hoe vaak voelt u zich buitengesloten?", "How often do you feel left out?"),
            Item("ucla3-3", 3, "Hoe vaak voelt u zich geïsoleerd van anderen?", "How often do you feel isolated from others?"),
        ],
        Options =
        [
            Option("hardly_ever", 1, NlWorking("(bijna) nooit"), En("Hardly ever or never", OnsSource), "hardly ever", "bijna nooit"),
            Option("some_of_the_time", 2, NlWorking("soms"), En("Some of the time", OnsSource)),
            Option("often", 3, NlWorking("vaak"), En("Often", OnsSource)),
        ],
        AnswerScales =
        [
            new("three-point", ["hardly_ever", "some_of_the_time", "often"], new Dictionary<int, string> { [1] = "hardly_ever", [2] = "some_of_the_time", [3] = "often" }),
        ],
        MissingRule = new MissingDataRule(0, 0, IsConfigurable: false, Source: "No official rule; three items, no proration (docs/instruments.md, UCLA-3)"),
        Levels =
        [
            new("not_lonely", 3, 5, [NlWorking("niet eenzaam"), En("not lonely", "Campaign to End Loneliness (2015), practice cut-off")]),
            new("lonely", 6, 9, [NlWorking("eenzaam"), En("lonely", "Campaign to End Loneliness (2015), practice cut-off")]),
        ],
        Shape = ResultShape.Ucla3,
    };

    public static Instrument OnsDirect { get; } = new()
    {
        Id = "ons-direct",
        Version = "1.0",
        Names = [NlWorking("Directe vraag naar eenzaamheid (ONS)"), En("ONS direct loneliness question", OnsSource)],
        Citation = "Office for National Statistics (2018). Measuring loneliness: guidance for use of the national indicators on surveys.",
        Licence = "ONS guidance is Crown copyright under the Open Government Licence (general ONS terms).",
        Items =
        [
            new ScaleItem(
                "ons-direct-1",
                1,
                [NlWorking("Hoe vaak voelt u zich eenzaam?"), En("How often do you feel lonely?", OnsSource)],
                new ItemKey.Weighted(IsReversed: false)),
        ],
        Options =
        [
            Option("often_always", 1, NlWorking("vaak of altijd"), En("Often/always", OnsSource), "often", "always", "often or always", "vaak", "altijd", "vaak/altijd"),
            Option("some_of_the_time", 2, NlWorking("soms"), En("Some of the time", OnsSource), "sometimes"),
            Option("occasionally", 3, NlWorking("af en toe"), En("Occasionally", OnsSource)),
            Option("hardly_ever", 4, NlWorking("bijna nooit"), En("Hardly ever", OnsSource)),
            Option("never", 5, NlWorking("nooit"), En("Never", OnsSource)),
        ],
        AnswerScales =
        [
            new(
                "five-point",
                ["often_always", "some_of_the_time", "occasionally", "hardly_ever", "never"],
                new Dictionary<int, string> { [1] = "often_always", [2] = "some_of_the_time", [3] = "occasionally", [4] = "hardly_ever", [5] = "never" }),
        ],
        MissingRule = new MissingDataRule(0, 0, IsConfigurable: false, Source: "A single question: no answer, no result"),
        Levels =
        [
            new("chronic", 1, 1, [NlWorking("vaak of altijd eenzaam"), En("chronic loneliness", OnsSource)]),
            new("not_chronic", 2, 5, [NlWorking("niet vaak eenzaam"), EnWorking("not chronically lonely")]),
        ],
        Shape = ResultShape.OnsDirect,
    };

    private static ScaleItem Item(string code, int number, string dutchWorking, string english) =>
        new(code, number, [NlWorking(dutchWorking), En(english, OnsSource)], new ItemKey.Weighted(IsReversed: false));
}
