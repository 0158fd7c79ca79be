namespace Konvooi.Domain.Matching;

/// <summary>What a rule does to an intervention.</summary>
public enum MatchingRuleKind
{
    /// <summary>Adds or subtracts points.</summary>
    Scores,

    /// <summary>Rules an intervention out.</summary>
    Excludes,

    /// <summary>Orders equal scores.</summary>
    Orders,

    /// <summary>Adds information to a suggestion without changing its points by default.</summary>
    Informs,
}

/// <summary>One matching rule with the insights it comes from and a Dutch description.</summary>
/// <param name="Code">Stable rule code.</param>
/// <param name="Kind">What the rule does.</param>
/// <param name="Insights">The insight ids the rule rests on.</param>
/// <param name="Description">What the rule does, in Dutch (B1).</param>
/// <param name="IsNeed">
/// True for rules about the person's need (cause, type, course, flags). Only points from a need rule can
/// make an intervention a suggestion; wishes and tie-breakers then order the suggestions.
/// </param>
public sealed record MatchingRule(string Code, MatchingRuleKind Kind, IReadOnlyList<string> Insights, string Description, bool IsNeed = false);

/// <summary>One kind of advice with the insights it comes from.</summary>
public sealed record AdviceDefinition(string Code, IReadOnlyList<string> Insights, string Text);

/// <summary>
/// Every rule and advice code of the matching engine. Codes are stable; docs/matching.md lists them.
/// </summary>
public static class MatchingRules
{
    /// <summary>Stored with every match run so a later reader knows which rules were in force.</summary>
    public const string Version = "2";

    public static MatchingRule CauseFit { get; } = new("cause_fit", MatchingRuleKind.Scores, ["TF-4"],
        "Aanbod dat ingaat op een oorzaak van de eenzaamheid van deze persoon krijgt punten per oorzaak.", IsNeed: true);

    public static MatchingRule TypeFit { get; } = new("type_fit", MatchingRuleKind.Scores, ["VT-1", "AM-4", "CC-2"],
        "Bij emotionele eenzaamheid telt persoonlijk contact één op één mee, en scoren groepsactiviteiten lager; bij sociale eenzaamheid telt aanbod dat mensen samenbrengt mee.", IsNeed: true);

    public static MatchingRule SeverityExcludesLight { get; } = new("severity_excludes_light", MatchingRuleKind.Excludes, ["VT-6", "RK-4"],
        "Bij ernstige of langdurige eenzaamheid valt licht aanbod af.");

    public static MatchingRule ChronicBelonging { get; } = new("chronic_belonging", MatchingRuleKind.Scores, ["RK-4", "RK-7"],
        "Bij langdurige eenzaamheid telt aanbod mee dat iemand een betekenisvolle rol geeft: laten ervaren dat je erbij hoort en iets waard bent.", IsNeed: true);

    public static MatchingRule InPersonFirst { get; } = new("in_person_first", MatchingRuleKind.Scores, ["AM-8"],
        "Bij emotionele eenzaamheid gaat persoonlijk contact in het echt voor telefoon of online, tenzij de persoon dat liever heeft of nodig heeft.");

    public static MatchingRule SettingPreference { get; } = new("setting_preference", MatchingRuleKind.Scores, ["TF-1", "ES-4"],
        "Aanbod dat past bij de voorkeur voor één op één of een groep krijgt punten; ander aanbod verliest punten.");

    public static MatchingRule ModePreference { get; } = new("mode_preference", MatchingRuleKind.Scores, ["TF-1", "ES-4"],
        "Aanbod in de manier van contact die de persoon wil (op een plek, thuis, telefonisch, online) krijgt punten; ander aanbod verliest punten.");

    public static MatchingRule LanguagePreference { get; } = new("language_preference", MatchingRuleKind.Scores, ["TF-1", "TF-7"],
        "Aanbod in de taal van de persoon krijgt punten; aanbod dat niet in die taal is, verliest punten.");

    public static MatchingRule FewContacts { get; } = new("few_contacts", MatchingRuleKind.Scores, ["TF-1", "AM-3"],
        "Wie weinig contacten wil, krijgt geen groep vol nieuwe mensen voorgesteld als eerste keus.");

    public static MatchingRule CopingFit { get; } = new("coping_fit", MatchingRuleKind.Scores, ["ES-4", "ES-7", "ES-8"],
        "Aanbod dat past bij hoe de persoon het liefst met eenzaamheid omgaat, krijgt punten.");

    public static MatchingRule MeaningSupport { get; } = new("meaning_support", MatchingRuleKind.Scores, ["VT-8", "AM-7"],
        "Zinvragen die niet uit gemis aan contact komen, vragen om aanbod over zingeving.", IsNeed: true);

    public static MatchingRule DailyContact { get; } = new("daily_contact", MatchingRuleKind.Scores, ["JG-6", "RK-1"],
        "Wie alleen woont en geen dagelijks contact heeft met het eigen netwerk, krijgt een dagelijks contactmoment voorgesteld.", IsNeed: true);

    public static MatchingRule TargetGroupFit { get; } = new("target_group_fit", MatchingRuleKind.Scores, ["TF-7", "RK-3", "AM-6", "CC-1"],
        "Aanbod voor een doelgroep waar de persoon bij hoort, krijgt punten; aanbod alleen voor groepen waar de persoon zeker niet bij hoort (bijvoorbeeld door leeftijd), valt af.");

    public static MatchingRule MasteryResilience { get; } = new("mastery_resilience", MatchingRuleKind.Scores, ["VT-9", "CC-6", "TF-2"],
        "Bij weinig grip op het leven of weinig veerkracht telt aanbod mee dat juist dat versterkt.", IsNeed: true);

    public static MatchingRule MoneyWorries { get; } = new("money_worries", MatchingRuleKind.Scores, ["TF-8"],
        "Bij geldzorgen telt hulp bij geldzaken mee, en verliest betaald aanbod punten.", IsNeed: true);

    public static MatchingRule Bereavement { get; } = new("bereavement", MatchingRuleKind.Scores, ["TF-6", "AM-5"],
        "Na een recent verlies telt steun bij rouw mee.", IsNeed: true);

    public static MatchingRule MemorySupport { get; } = new("memory_support", MatchingRuleKind.Scores, ["VT-7"],
        "Bij zorgen over het geheugen telt aanbod voor mensen met geheugenproblemen mee.", IsNeed: true);

    public static MatchingRule ContraIndication { get; } = new("contra_indication", MatchingRuleKind.Excludes, ["RK-5", "VT-5"],
        "Aanbod dat niet geschikt is bij een kenmerk of oorzaak van de persoon, valt af.");

    public static MatchingRule MisfitDropout { get; } = new("misfit_dropout", MatchingRuleKind.Excludes, ["RK-5"],
        "Aanbod waarmee de persoon stopte omdat het niet paste, en ander aanbod van dezelfde soort, wordt niet opnieuw voorgesteld, tenzij de professional met een reden anders besluit.");

    public static MatchingRule Prevention { get; } = new("prevention", MatchingRuleKind.Scores, ["JG-4", "AM-5", "TF-6"],
        "Wie niet eenzaam is maar kort geleden iets ingrijpends meemaakte, of 75 jaar of ouder is en alleen woont, krijgt aanbod voorgesteld dat eenzaamheid helpt voorkomen.", IsNeed: true);

    public static MatchingRule EarlierDropout { get; } = new("earlier_dropout", MatchingRuleKind.Informs, ["RK-5"],
        "Stopte de persoon eerder om een andere reden, dan staat dat bij het aanbod.");

    public static MatchingRule IsolatedContent { get; } = new("isolated_content", MatchingRuleKind.Excludes, ["VT-4", "TF-1", "ES-6"],
        "Wie weinig contact heeft maar zich niet eenzaam voelt, krijgt geen aanbod tegen eenzaamheid.");

    public static MatchingRule NotLonely { get; } = new("not_lonely", MatchingRuleKind.Excludes, ["AM-5", "ES-6"],
        "Wie niet eenzaam is, krijgt geen aanbod tegen eenzaamheid; ander aanbod kan wel.");

    public static MatchingRule Recognition { get; } = new("recognition", MatchingRuleKind.Orders, ["TF-5"],
        "Bij gelijke punten gaat aanbod met een hogere erkenning in de landelijke databanken voor.");

    public static MatchingRule Availability { get; } = new("availability", MatchingRuleKind.Informs, ["RK-5"],
        "Vrije plaatsen en wachtlijst staan bij het aanbod, zodat niemand onverwacht hoeft te wachten.");

    /// <summary>Every rule, in the order the engine applies them.</summary>
    public static IReadOnlyList<MatchingRule> All { get; } =
    [
        MisfitDropout, ContraIndication, IsolatedContent, NotLonely, SeverityExcludesLight, TargetGroupFit,
        CauseFit, TypeFit, InPersonFirst, ChronicBelonging, SettingPreference, ModePreference, LanguagePreference,
        FewContacts, CopingFit, MeaningSupport, DailyContact, Bereavement, MasteryResilience, MemorySupport,
        MoneyWorries, Prevention, EarlierDropout, Recognition, Availability,
    ];

    public static AdviceDefinition SafetyFirst { get; } = new("safety_first", ["VT-8", "AM-7"],
        "De persoon noemde een doodswens of gedachten aan zelfdoding. Veiligheid gaat voor: vraag door naar gedachten, plannen en middelen, bespreek het dezelfde dag met de huisarts en noem 113 Zelfmoordpreventie. Bij direct gevaar: 112.");

    public static AdviceDefinition MoodReferral { get; } = new("mood_referral", ["VT-2"],
        "Het welbevinden is erg laag (WHO-5 ruwe score 7 of lager). Dat kan op een depressie wijzen. Bespreek met de persoon een gesprek met de huisarts of de praktijkondersteuner GGZ (POH-GGZ).");

    public static AdviceDefinition SeverityUncertain { get; } = new("severity_uncertain", ["VT-1", "VT-5"],
        "Niet alle vragen over eenzaamheid zijn beantwoord. Daardoor is niet zeker hoe eenzaam de persoon is. Bespreek de uitkomst samen en leg uw eigen oordeel vast.");

    public static AdviceDefinition SelfReportDiffers { get; } = new("self_report_differs", ["VT-1", "AM-1"],
        "Hoe de persoon zich zelf voelt, past niet bij de uitkomst van de vragenlijst. De vragenlijst is geen diagnose: praat erover en leg uw eigen oordeel vast.");

    public static AdviceDefinition PreventionOffer { get; } = new("prevention_offer", ["JG-4", "AM-5", "TF-6"],
        "De persoon is nu niet eenzaam, maar maakte kort geleden iets ingrijpends mee of is 75 jaar of ouder en woont alleen. Bespreek wat helpt om contacten te houden, zoals een preventief huisbezoek.");

    public static AdviceDefinition WatchfulWaiting { get; } = new("watchful_waiting", ["TF-6", "AM-5"],
        "Het verlies is recent. Rouw heeft tijd nodig: kijk samen of wachten en een vinger aan de pols nu beter is dan een aanbod. Spreek af wanneer u weer contact hebt.");

    public static AdviceDefinition IsolatedContentAdvice { get; } = new("isolated_content", ["VT-4", "TF-1", "ES-6"],
        "Deze persoon heeft weinig contact, maar voelt zich niet eenzaam. Een aanbod tegen eenzaamheid is niet nodig. Respecteer de wens; praktische hulp kan wel.");

    public static AdviceDefinition NotLonelyAdvice { get; } = new("not_lonely", ["AM-5", "ES-6"],
        "Er is nu geen eenzaamheid gemeten. Een aanbod tegen eenzaamheid is niet nodig; vraag later nog eens hoe het gaat.");

    public static AdviceDefinition MeaningSupportAdvice { get; } = new("meaning_support", ["VT-8", "AM-7"],
        "De zinvragen komen niet uit gemis aan contact. Verwijs naar steun bij zingeving, zoals een geestelijk verzorger, en niet alleen naar aanbod tegen eenzaamheid.");

    public static AdviceDefinition MemoryReferral { get; } = new("memory_referral", ["VT-7", "RK-8"],
        "Er zijn zorgen over het geheugen. Bespreek met de persoon een bezoek aan de huisarts om dit te laten onderzoeken.");

    public static AdviceDefinition IntensiveGuidance { get; } = new("intensive_guidance", ["VT-6", "RK-4"],
        "De eenzaamheid is ernstig of duurt al lang. Een licht aanbod is niet genoeg: zorg voor vaste begeleiding en laat de persoon ervaren dat hij of zij erbij hoort.");

    public static AdviceDefinition MeasureLoneliness { get; } = new("measure_loneliness", ["VT-1", "VT-5"],
        "Soort en ernst van de eenzaamheid zijn niet bekend. Neem de eenzaamheidsschaal af, dan kan het voorstel beter passen.");

    public static AdviceDefinition ExploreCauses { get; } = new("explore_causes", ["TF-4", "ES-5"],
        "De oorzaken zijn nog niet bekend. Voer eerst een goed gesprek: een aanbod werkt alleen als het bij de oorzaak past.");

    public static AdviceDefinition FollowUpDropout { get; } = new("follow_up_dropout", ["RK-5"],
        "De persoon stopte eerder met een aanbod dat niet paste. Bespreek wat er misging, zodat het volgende aanbod beter past.");

    public static AdviceDefinition NoMatch { get; } = new("no_match", ["VT-5", "AM-5"],
        "Er is geen passend aanbod in de catalogus gevonden. Zoek samen met de persoon naar iets op maat.");

    /// <summary>Every advice, in the order a result lists them: safety first (issue 16).</summary>
    public static IReadOnlyList<AdviceDefinition> AllAdvice { get; } =
    [
        SafetyFirst, MoodReferral, SeverityUncertain, SelfReportDiffers,
        WatchfulWaiting, IsolatedContentAdvice, NotLonelyAdvice, PreventionOffer, MeaningSupportAdvice, MemoryReferral,
        IntensiveGuidance, MeasureLoneliness, ExploreCauses, FollowUpDropout, NoMatch,
    ];
}
