using static Konvooi.Domain.Questionnaires.Definitions.Texts;

namespace Konvooi.Domain.Questionnaires.Definitions;

/// <summary>WHO-5, Pearlin mastery and the Brief Resilience Scale (docs/instruments.md; Topp et al. 2015, Pearlin &amp; Schooler 1978, Smith et al. 2008).</summary>
internal static class Wellbeing
{
    private const string Who5Source = "WHO-5 Well-Being Index (Psychiatric Centre North Zealand); Topp et al. (2015)";
    private const string PearlinSource = "Pearlin & Schooler (1978); item wording as the CMU Common Cold Project measure page";
    private const string GgdRegieSource = "GGD Gezondheidsmonitor 'regie over eigen leven' as listed by RIVM SMAP 2020 / VZinfo (item 4 'hulpeloos' as the Maastricht text)";
    private const string BrsSource = "Smith et al. (2008), Int J Behav Med 15(3), 194-200, Box 1";

    public static Instrument Who5 { get; } = new()
    {
        Id = "who5",
        Version = "1.0",
        Names = [NlWorking("WHO-5 welbevinden-index"), En("WHO-5 Well-Being Index", Who5Source)],
        Citation = "Topp, C.W., Østergaard, S.D., Søndergaard, S. & Bech, P. (2015). The WHO-5 Well-Being Index: a systematic review of the literature. Psychother Psychosom 84(3), 167-176. Psychiatric Centre North Zealand, WHO-5 questionnaires.",
        Licence = "Free to use; the source must be mentioned; deviations from the posted language versions must be marked (the Dutch text here is a working translation).",
        Introduction =
        [
            NlWorking("Kies bij elke uitspraak het antwoord dat het best past bij hoe u zich de afgelopen twee weken voelde."),
            En("Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks.", Who5Source),
        ],
        Items =
        [
            Item("who5-1", 1, "Ik was blij en in een goede bui.", "I have felt cheerful and in good spirits.", Who5Source),
            Item("who5-2", 2, "Ik voelde me rustig en ontspannen.", "I have felt calm and relaxed.", Who5Source),
            Item("who5-3", 3, "Ik voelde me actief en vol energie.", "I have felt active and vigorous.", Who5Source),
            Item("who5-4", 4, "Ik werd fris en uitgerust wakker.", "I woke up feeling fresh and rested.", Who5Source),
            Item("who5-5", 5, "Mijn dagelijks leven was gevuld met dingen die mij interesseren.", "My daily life has been filled with things that interest me.", Who5Source),
        ],
        Options =
        [
            Option("all_of_the_time", 5, NlWorking("altijd"), En("All of the time", Who5Source)),
            Option("most_of_the_time", 4, NlWorking("meestal"), En("Most of the time", Who5Source)),
            Option("more_than_half", 3, NlWorking("meer dan de helft van de tijd"), En("More than half of the time", Who5Source)),
            Option("less_than_half", 2, NlWorking("minder dan de helft van de tijd"), En("Less than half of the time", Who5Source)),
            Option("some_of_the_time", 1, NlWorking("af en toe"), En("Some of the time", Who5Source)),
            Option("at_no_time", 0, NlWorking("nooit"), En("At no time", Who5Source)),
        ],
        AnswerScales =
        [
            new(
                "six-point",
                ["all_of_the_time", "most_of_the_time", "more_than_half", "less_than_half", "some_of_the_time", "at_no_time"],
                new Dictionary<int, string>
                {
                    [0] = "at_no_time", [1] = "some_of_the_time", [2] = "less_than_half",
                    [3] = "more_than_half", [4] = "most_of_the_time", [5] = "all_of_the_time",
                }),
        ],
        MissingRule = new MissingDataRule(0, 0, IsConfigurable: false, Source: "No official rule; not scored when any item is missing (Millisecond implementation; docs/instruments.md, WHO-5)"),
        Levels =
        [
            new("likely_depression", 0, 7, [NlWorking("aanwijzing voor depressieve klachten"), En("likely depression (≤ 28 %)", "Omani-Samani et al. (2019)")]),
            new("poor_wellbeing", 8, 12, [NlWorking("laag welbevinden"), En("poor well-being (≤ 50 %)", "Topp et al. (2015)")]),
            new("not_flagged", 13, 25, [NlWorking("geen signaal"), EnWorking("not flagged")]),
        ],
        Shape = ResultShape.Who5,
    };

    public static Instrument Mastery7 { get; } = new()
    {
        Id = "mastery7",
        Version = "1.0",
        Names = [NlWorking("Pearlin mastery-schaal (7 vragen, 4 antwoorden)"), En("Pearlin Mastery Scale", PearlinSource)],
        Citation = "Pearlin, L.I. & Schooler, C. (1978). The structure of coping. Journal of Health and Social Behavior 19, 2-21. doi:10.2307/2136319.",
        Licence = "Public domain (CMU Common Cold Project).",
        Items =
        [
            // Original order; Dutch texts are the GGD wording of the same Pearlin items.
            Mastery("mastery7-1", 1, "Sommige van mijn problemen kan ik met geen mogelijkheid oplossen.", "There is really no way I can solve some of the problems I have.", reversed: true),
            Mastery("mastery7-2", 2, "Soms voel ik dat ik een speelbal van het leven ben.", "Sometimes I feel that I am being pushed around in life.", reversed: true),
            Mastery("mastery7-3", 3, "Ik heb weinig controle over de dingen die me overkomen.", "I have little control over the things that happen to me.", reversed: true),
            Mastery("mastery7-4", 4, "Ik kan ongeveer alles als ik m'n zinnen erop gezet heb.", "I can do just about anything I really set my mind to do.", reversed: false),
            Mastery("mastery7-5", 5, "Ik voel me vaak hulpeloos bij het omgaan met de problemen van het leven.", "I often feel helpless in dealing with the problems of life.", reversed: true),
            Mastery("mastery7-6", 6, "Wat er in de toekomst met me gebeurt, hangt voor het grootste deel van mezelf af.", "What happens to me in the future mostly depends on me.", reversed: false),
            Mastery("mastery7-7", 7, "Er is weinig dat ik kan doen om belangrijke dingen in mijn leven te veranderen.", "There is little I can do to change many of the important things in my life.", reversed: true),
        ],
        Options =
        [
            Option("strongly_disagree", 1, NlWorking("helemaal mee oneens"), En("Strongly disagree", PearlinSource)),
            Option("disagree", 2, NlWorking("mee oneens"), En("Disagree", PearlinSource)),
            Option("agree", 3, NlWorking("mee eens"), En("Agree", PearlinSource)),
            Option("strongly_agree", 4, NlWorking("helemaal mee eens"), En("Strongly agree", PearlinSource)),
        ],
        AnswerScales =
        [
            new(
                "four-point",
                ["strongly_disagree", "disagree", "agree", "strongly_agree"],
                new Dictionary<int, string> { [1] = "strongly_disagree", [2] = "disagree", [3] = "agree", [4] = "strongly_agree" }),
        ],
        MissingRule = new MissingDataRule(0, 0, IsConfigurable: false, Source: "No rule in any source; all 7 items required (docs/instruments.md, mastery)"),
        Shape = ResultShape.Total,
    };

    public static Instrument Mastery7Ggd { get; } = new()
    {
        Id = "mastery7-ggd",
        Version = "1.0",
        Names = [Nl("Regie over eigen leven (Pearlin, GGD-versie)", GgdRegieSource), EnWorking("Pearlin Mastery Scale, Dutch GGD 5-point version")],
        Citation = "Pearlin, L.I. & Schooler, C. (1978). The structure of coping. Journal of Health and Social Behavior 19, 2-21. Dutch wording and cut-off: GGD Gezondheidsmonitor, RIVM SMAP 'Voldoende regie over het eigen leven' (2020).",
        Licence = "Public domain (CMU Common Cold Project); Dutch wording from the GGD Gezondheidsmonitor.",
        Items =
        [
            Ggd("mastery7-ggd-1", 1, 3, "Ik heb weinig controle over de dingen die me overkomen.", "I have little control over the things that happen to me.", reversed: false),
            Ggd("mastery7-ggd-2", 2, 1, "Sommige van mijn problemen kan ik met geen mogelijkheid oplossen.", "There is really no way I can solve some of the problems I have.", reversed: false),
            Ggd("mastery7-ggd-3", 3, 7, "Er is weinig dat ik kan doen om belangrijke dingen in mijn leven te veranderen.", "There is little I can do to change many of the important things in my life.", reversed: false),
            Ggd("mastery7-ggd-4", 4, 5, "Ik voel me vaak hulpeloos bij het omgaan met de problemen van het leven.", "I often feel helpless in dealing with the problems of life.", reversed: false),
            Ggd("mastery7-ggd-5", 5, 2, "Soms voel ik dat ik een speelbal van het leven ben.", "Sometimes I feel that I am being pushed around in life.", reversed: false),
            Ggd("mastery7-ggd-6", 6, 6, "Wat er in de toekomst met me gebeurt, hangt voor het grootste deel van mezelf af.", "What happens to me in the future mostly depends on me.", reversed: true),
            Ggd("mastery7-ggd-7", 7, 4, "Ik kan ongeveer alles als ik m'n zinnen erop gezet heb.", "I can do just about anything I really set my mind to do.", reversed: true),
        ],
        Options =
        [
            Option("strongly_agree", 1, Nl("Helemaal mee eens", GgdRegieSource), EnWorking("Strongly agree")),
            Option("agree", 2, Nl("Mee eens", "RIVM SMAP prints 'Meestal'; 'Mee eens' as the answer scale requires (docs/instruments.md, mastery)"), EnWorking("Agree"), "meestal"),
            Option("neutral", 3, Nl("Niet mee eens, niet mee oneens", GgdRegieSource), EnWorking("Neither agree nor disagree")),
            Option("disagree", 4, Nl("Niet mee eens", GgdRegieSource), EnWorking("Disagree")),
            Option("strongly_disagree", 5, Nl("Helemaal mee oneens", GgdRegieSource), EnWorking("Strongly disagree")),
        ],
        AnswerScales =
        [
            new(
                "five-point",
                ["strongly_agree", "agree", "neutral", "disagree", "strongly_disagree"],
                new Dictionary<int, string> { [1] = "strongly_agree", [2] = "agree", [3] = "neutral", [4] = "disagree", [5] = "strongly_disagree" }),
        ],
        MissingRule = new MissingDataRule(0, 0, IsConfigurable: false, Source: "No rule in any source; all 7 items required (docs/instruments.md, mastery)"),
        Levels =
        [
            new("insufficient_mastery", 7, 19, [Nl("onvoldoende eigen regie", "RIVM SMAP 2020"), EnWorking("insufficient control over own life")]),
            new("sufficient_mastery", 20, 35, [Nl("matig of veel eigen regie", "RIVM SMAP 2020 / VZinfo"), EnWorking("moderate or high control over own life")]),
        ],
        Shape = ResultShape.TotalAndLevel,
    };

    public static Instrument Brs { get; } = new()
    {
        Id = "brs",
        Version = "1.0",
        Names = [NlWorking("Korte veerkrachtschaal (BRS)"), En("Brief Resilience Scale", BrsSource)],
        Citation = "Smith, B.W., Dalen, J., Wiggins, K., Tooley, E., Christopher, P. & Bernard, J. (2008). The brief resilience scale: assessing the ability to bounce back. International Journal of Behavioral Medicine 15(3), 194-200. doi:10.1080/10705500802222972. Bands: Smith et al. (2013).",
        Licence = "May be used for research and education when properly cited; other use not addressed by the source.",
        Introduction =
        [
            NlWorking("Geef bij elke uitspraak aan in hoeverre u het ermee eens bent."),
            En("Please indicate the extent to which you agree with each of the following statements.", BrsSource),
        ],
        Items =
        [
            Item("brs-1", 1, "Na moeilijke tijden ben ik meestal snel weer de oude.", "I tend to bounce back quickly after hard times.", BrsSource),
            Item("brs-2", 2, "Ik vind het moeilijk om stressvolle gebeurtenissen door te komen.", "I have a hard time making it through stressful events.", BrsSource, reversed: true),
            Item("brs-3", 3, "Het duurt niet lang voordat ik hersteld ben van een stressvolle gebeurtenis.", "It does not take me long to recover from a stressful event.", BrsSource),
            Item("brs-4", 4, "Als er iets ergs gebeurt, kom ik moeilijk weer overeind.", "It is hard for me to snap back when something bad happens.", BrsSource, reversed: true),
            Item("brs-5", 5, "Ik kom moeilijke tijden meestal zonder veel moeite door.", "I usually come through difficult times with little trouble.", BrsSource),
            Item("brs-6", 6, "Het duurt meestal lang voordat ik over tegenslagen in mijn leven heen ben.", "I tend to take a long time to get over set-backs in my life.", BrsSource, reversed: true),
        ],
        Options =
        [
            Option("strongly_disagree", 1, NlWorking("helemaal mee oneens"), En("strongly disagree", BrsSource)),
            Option("disagree", 2, NlWorking("mee oneens"), En("disagree", BrsSource)),
            Option("neutral", 3, NlWorking("neutraal"), En("neutral", BrsSource)),
            Option("agree", 4, NlWorking("mee eens"), En("agree", BrsSource)),
            Option("strongly_agree", 5, NlWorking("helemaal mee eens"), En("strongly agree", BrsSource)),
        ],
        AnswerScales =
        [
            new(
                "five-point",
                ["strongly_disagree", "disagree", "neutral", "agree", "strongly_agree"],
                new Dictionary<int, string> { [1] = "strongly_disagree", [2] = "disagree", [3] = "neutral", [4] = "agree", [5] = "strongly_agree" }),
        ],
        MissingRule = new MissingDataRule(0, 0, IsConfigurable: false, Source: "No rule in the sources; all 6 items required (docs/instruments.md, BRS)"),
        Levels =
        [
            // Bands on the mean (1.00-2.99 low, 3.00-4.30 normal, 4.31-5.00 high) expressed exactly on the sum of 6 items.
            new("low", 6, 17, [NlWorking("lage veerkracht"), En("low resilience (mean 1.00-2.99)", "Smith et al. (2013), via PsyToolkit")]),
            new("normal", 18, 25, [NlWorking("gemiddelde veerkracht"), En("normal resilience (mean 3.00-4.30)", "Smith et al. (2013), via PsyToolkit")]),
            new("high", 26, 30, [NlWorking("hoge veerkracht"), En("high resilience (mean 4.31-5.00)", "Smith et al. (2013), via PsyToolkit")]),
        ],
        Shape = ResultShape.MeanAndBand,
    };

    private static ScaleItem Item(string code, int number, string dutchWorking, string english, string source, bool reversed = false) =>
        new(code, number, [NlWorking(dutchWorking), En(english, source)], new ItemKey.Weighted(reversed));

    private static ScaleItem Mastery(string code, int number, string dutchGgd, string english, bool reversed) =>
        new(code, number, [Nl(dutchGgd, GgdRegieSource), En(english, PearlinSource)], new ItemKey.Weighted(reversed));

    private static ScaleItem Ggd(string code, int number, int pearlinNumber, string dutch, string english, bool reversed) =>
        new(code, number, [Nl(dutch, GgdRegieSource), En(english, PearlinSource)], new ItemKey.Weighted(reversed), SourceNumber: pearlinNumber);
}
