using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Conversations;

/// <summary>
/// The good conversation (goed gesprek, ES-5) as data: sections with Dutch questions at B1 level,
/// written by Konvooi, each naming the insights it serves (ids as in docs/knowledge.md).
/// The structured answers carry the meaning; notes add context. See docs/profile.md.
/// </summary>
public static class ConversationGuide
{
    /// <summary>Version of the sections, questions and option codes; stored with every profile.</summary>
    public const string Version = "2";

    public const int ShortTextLength = 300;

    public const int NotesLength = 2000;

    public const string Yes = "yes";

    public const string No = "no";

    public static GuideSection DailyLife { get; } = new(
        "daily_life",
        "Dagelijks leven en ritme",
        "We praten over hoe uw dagen eruitzien.",
        ["AM-9"],
        [
            Choice("daily_life.rhythm", "Heeft u een vast ritme in uw dag?",
                ("regular", "ja, mijn dagen hebben een vast ritme"),
                ("partly", "een beetje"),
                ("none", "nee, mijn dagen lopen door elkaar")),
            YesNo("daily_life.lost_rhythm", "Is er iets weggevallen dat uw dag vorm gaf? Denk aan werk, hulp in huis, boodschappen of een vaste activiteit."),
            Text("daily_life.good_moment", "Wat is voor u een fijn moment op een dag?"),
            Notes("daily_life.notes"),
        ]);

    public static GuideSection Living { get; } = new(
        "living",
        "Woonsituatie",
        "We praten over waar en met wie u woont.",
        ["RK-1"],
        [
            YesNo("living.lives_alone", "Woont u alleen?"),
            Multi("living.household", "Met wie woont u samen?",
                ("partner", "partner"),
                ("children", "kinderen"),
                ("parents", "ouders"),
                ("housemates", "huisgenoten"),
                ("other", "iemand anders")),
            Choice("living.home", "Waar woont u?",
                ("own_home", "in een eigen huis of huurhuis"),
                ("sheltered", "in een woning met zorg in de buurt"),
                ("care_home", "in een verpleeg- of verzorgingshuis"),
                ("student_room", "op een studentenkamer"),
                ("other", "ergens anders")),
            YesNo("living.moved_recently", "Bent u de laatste twee jaar verhuisd?"),
            Notes("living.notes"),
        ]);

    public static GuideSection Contacts { get; } = new(
        "contacts",
        "Wie ziet u en hoe vaak",
        "We praten over de mensen die u spreekt of ziet. Ook korte contacten tellen mee, zoals met een buur of in de winkel.",
        ["JG-6", "CC-2", "AM-2"],
        [
            YesNo("contacts.daily_contact", "Spreekt of ziet u elke dag iemand uit uw eigen kring? Denk aan familie, vrienden of buren."),
            Number("contacts.weekly_count", "Met hoeveel mensen heeft u minstens één keer per week contact?", 0, 200),
            YesNo("contacts.light_contacts", "Heeft u weleens een kort praatje, bijvoorbeeld met een buur of in de winkel?"),
            Notes("contacts.notes"),
        ]);

    public static GuideSection Relationships { get; } = new(
        "relationships",
        "Contact dat u heeft en contact dat u wilt",
        "Eenzaamheid gaat over het verschil tussen het contact dat u heeft en het contact dat u wilt. Niet iedereen wil veel mensen om zich heen.",
        ["ES-8", "CC-2", "TF-1", "AM-3"],
        [
            Choice("relationships.satisfied", "Bent u tevreden met het contact dat u nu heeft?",
                ("yes", "ja"),
                ("partly", "een beetje"),
                ("no", "nee")),
            Multi("relationships.missing", "Wat mist u?",
                ("close_bond", "iemand die echt dichtbij staat"),
                ("someone_to_talk", "iemand om mee te praten over wat mij bezighoudt"),
                ("company", "gezelschap"),
                ("people_to_do_things", "mensen om dingen mee te doen"),
                ("being_useful", "iets betekenen voor een ander")),
            Choice("relationships.wanted_amount", "Met hoeveel mensen wilt u contact?",
                ("few", "een paar mensen is genoeg"),
                ("some_more", "graag wat meer mensen"),
                ("many_more", "graag veel meer mensen")),
            Choice("relationships.quality", "Wat is voor u het belangrijkst?",
                ("deeper", "dat het contact dat ik heb, beter of dieper wordt"),
                ("more", "dat ik meer mensen leer kennen"),
                ("both", "allebei")),
            Notes("relationships.notes"),
        ]);

    public static GuideSection Partner { get; } = new(
        "partner",
        "Relatie met de partner",
        "Alleen als de persoon een partner heeft. Ook in een relatie kun je je eenzaam voelen.",
        ["ES-3"],
        [
            YesNo("partner.has_partner", "Heeft u een partner?"),
            Choice("partner.quality", "Hoe gaat het tussen u en uw partner?",
                ("good", "goed"),
                ("mixed", "soms goed, soms niet"),
                ("poor", "niet goed")),
            YesNo("partner.alone_together", "Voelt u zich weleens alleen, ook als uw partner bij u is?"),
            Notes("partner.notes"),
        ]);

    public static GuideSection LifeEvents { get; } = new(
        "life_events",
        "Gebeurtenissen en oorzaken",
        "We praten over wat er in uw leven is gebeurd, nu en vroeger. Samen kiezen we wat volgens u de belangrijkste oorzaak is.",
        ["TF-4", "TF-6", "RK-6", "JG-4"],
        [
            Multi("life_events.causes", "Wat heeft volgens u te maken met hoe u zich voelt?", CauseOptions()),
            Choice("life_events.primary_cause", "Wat is daarvan het belangrijkste?", CauseOptions()),
            Date("life_events.event_date", "Wanneer gebeurde dat?"),
            Choice("life_events.loss", "Is er iemand overleden die dicht bij u stond?",
                ("none", "nee"),
                ("partner", "ja, mijn partner"),
                ("other_close", "ja, iemand anders die dicht bij mij stond")),
            Date("life_events.loss_date", "Wanneer is die persoon overleden?"),
            Multi("life_events.recent", "Is er de laatste tijd iets veranderd in uw leven?", LifeEventOptions()),
            .. Vocabulary.LifeEvents.Keys.Select(e => Date(RecentDatePrefix + e, RecentDateText(e)) with { FollowUpOf = "life_events.recent" }),
            Multi("life_events.earlier_life", "Speelt er iets uit uw leven van vroeger mee?",
                ("no_children", "ik heb geen kinderen"),
                ("hard_youth", "een moeilijke jeugd"),
                ("always_few_contacts", "ik had altijd al weinig contacten"),
                ("shy", "ik ben altijd verlegen geweest"),
                ("earlier_loss", "een groot verlies van vroeger"),
                ("other", "iets anders")),
            Notes("life_events.notes"),
        ]);

    public static GuideSection Duration { get; } = new(
        "duration",
        "Hoe lang al",
        "We praten over hoe lang u zich al zo voelt.",
        ["RK-4"],
        [
            Choice("duration.since", "Hoe lang voelt u zich al zo?",
                ("under_6_months", "korter dan een half jaar"),
                ("6_to_24_months", "een half jaar tot twee jaar"),
                ("over_2_years", "twee jaar of langer"),
                ("always", "zo lang als ik me kan herinneren")),
            Date("duration.start_date", "Weet u ongeveer wanneer het begon?"),
            YesNo("duration.feels_different", "Heeft u vaak het gevoel dat u anders bent dan anderen, alsof er een glazen wand tussen u en de mensen staat?"),
            Notes("duration.notes"),
        ]);

    public static GuideSection Coping { get; } = new(
        "coping",
        "Hoe gaat u ermee om",
        "Iedereen gaat op een eigen manier om met alleen zijn. Afleiding zoeken is ook een goede manier.",
        ["ES-4", "ES-7", "ES-8"],
        [
            Multi("coping.current", "Wat doet u nu als u zich alleen voelt?", CopingOptions()),
            Choice("coping.preferred", "Wat zou u het liefst doen?", CopingOptions()),
            Notes("coping.notes"),
        ]);

    public static GuideSection Meaning { get; } = new(
        "meaning",
        "Zingeving",
        "Soms gaat het gevoel over de zin van het leven. Dat hoeft niet met contact te maken te hebben.",
        ["VT-8", "AM-7"],
        [
            YesNo("meaning.has_questions", "Vraagt u zich weleens af wat uw leven nog voor zin heeft?"),
            Choice("meaning.from_missing_contact", "Komt dat vooral doordat u mensen mist?",
                ("yes", "ja"),
                ("partly", "voor een deel"),
                ("no", "nee")),
            Multi("meaning.topics", "Waar gaan die vragen over?",
                ("loss", "verlies"),
                ("decline", "achteruitgang"),
                ("control", "minder zelf kunnen bepalen"),
                ("self_worth", "wat ik nog waard ben"),
                ("purpose", "waar ik het voor doe")),
            YesNo("meaning.death_wish", "Sommige mensen denken weleens: het hoeft voor mij niet meer. Of ze denken aan de dood. Herkent u dat?") with
            {
                Guidance = DeathWishGuidance,
            },
            YesNo("meaning.death_wish_thoughts", "Denkt u er weleens aan om zelf een einde aan uw leven te maken?") with { FollowUpOf = "meaning.death_wish" },
            YesNo("meaning.death_wish_plan", "Heeft u erover nagedacht hoe u dat zou doen?") with { FollowUpOf = "meaning.death_wish" },
            YesNo("meaning.death_wish_means", "Heeft u al iets geregeld of klaargelegd om dat te doen?") with { FollowUpOf = "meaning.death_wish" },
            Notes("meaning.notes"),
        ]);

    public static GuideSection Health { get; } = new(
        "health",
        "Gezondheid, beperking en geheugen",
        "We praten over uw gezondheid. Lichaam en gevoel hebben invloed op elkaar.",
        ["RK-3", "VT-7", "RK-8"],
        [
            Choice("health.rating", "Hoe is uw gezondheid?",
                ("good", "goed"),
                ("fair", "gaat wel"),
                ("poor", "slecht")),
            YesNo("health.has_disability", "Heeft u een beperking?"),
            Multi("health.disability_kinds", "Wat voor beperking?",
                ("physical", "lichamelijk"),
                ("sensory", "zien of horen"),
                ("intellectual", "verstandelijk"),
                ("psychiatric", "psychisch"),
                ("chronic_illness", "een langdurige ziekte")),
            YesNo("health.memory_concerns", "Merkt u, of merken mensen om u heen, dat u vaker dingen vergeet?"),
            YesNo("health.mobility_limits", "Kunt u minder goed de deur uit dan vroeger?"),
            Notes("health.notes"),
        ]);

    public static GuideSection Circumstances { get; } = new(
        "circumstances",
        "Geld, afkomst, taal en zorg voor een ander",
        "We praten over dingen in uw leven die ook invloed kunnen hebben.",
        ["TF-8", "TF-7"],
        [
            YesNo("circumstances.money_worries", "Maakt u zich zorgen over geld, voor uzelf of voor uw kinderen?"),
            YesNo("circumstances.migration_background", "Bent u of is een van uw ouders in een ander land geboren?"),
            Text("circumstances.country", "In welk land?"),
            YesNo("circumstances.dutch_difficult", "Vindt u het moeilijk om Nederlands te spreken of te lezen?"),
            YesNo("circumstances.heavy_care", "Zorgt u voor iemand, en is dat zwaar voor u?"),
            Notes("circumstances.notes"),
        ]);

    public static GuideSection Youth { get; } = new(
        "youth",
        "Voor jongeren",
        "Alleen voor jongeren tot 25 jaar. Op deze leeftijd gaat eenzaamheid vaak over wie je bent en waar je bij hoort.",
        ["AM-6", "CC-1"],
        [
            Choice("youth.daytime", "Wat doe je overdag?",
                ("school", "school"),
                ("study", "studie"),
                ("work", "werk"),
                ("none", "nu niets")),
            YesNo("youth.identity", "Ben je aan het uitzoeken wie je bent en waar je bij hoort?"),
            YesNo("youth.fits_in", "Heb je het gevoel dat je erbij hoort op school, studie of werk?"),
            YesNo("youth.social_media_only", "Heb je vooral online contact met leeftijdgenoten?"),
            Notes("youth.notes"),
        ]);

    public static GuideSection Interests { get; } = new(
        "interests",
        "Interesses en talenten",
        "We praten over wat u graag doet en goed kunt. Daar kan een activiteit of een rol uit komen.",
        ["RK-7", "CC-3"],
        [
            Multi("interests.topics", "Wat doet u graag?",
                ("creative", "iets maken, zoals tekenen of handwerken"),
                ("music", "muziek"),
                ("sport", "sport en bewegen"),
                ("nature", "natuur en tuin"),
                ("culture", "museum, theater of film"),
                ("games", "spelletjes"),
                ("cooking", "koken en samen eten"),
                ("faith", "geloof of levensbeschouwing"),
                ("technology", "computers en techniek"),
                ("reading", "lezen")),
            Text("interests.talents", "Waar bent u goed in?"),
            YesNo("interests.wants_role", "Zou u iets willen doen voor anderen, bijvoorbeeld als vrijwilliger?"),
            Notes("interests.notes"),
        ]);

    public static GuideSection Preferences { get; } = new(
        "preferences",
        "Wensen voor contact en steun",
        "We praten over hoe u het liefst contact heeft.",
        ["TF-1", "ES-4", "AM-8"],
        [
            Choice("preferences.setting", "Heeft u liever contact met één persoon of in een groep?",
                ("individual", "met één persoon"),
                ("group", "in een groep"),
                ("no_preference", "maakt niet uit")),
            Multi("preferences.modes", "Hoe heeft u het liefst contact?",
                ("in_person", "samen op een plek"),
                ("home_visit", "bij mij thuis"),
                ("phone", "telefonisch"),
                ("online", "online, bijvoorbeeld met beeldbellen")),
            Multi("preferences.times", "Wanneer komt het u het beste uit?",
                ("morning", "ochtend"),
                ("afternoon", "middag"),
                ("evening", "avond"),
                ("weekend", "weekend")),
            Choice("preferences.transport", "Hoe komt u ergens?",
                ("walk_or_bike", "lopend of met de fiets"),
                ("public_transport", "met het openbaar vervoer"),
                ("car", "met de auto"),
                ("needs_transport", "ik heb vervoer nodig"),
                ("stays_home", "ik kan de deur niet uit")),
            Text("preferences.language", "In welke taal wilt u het liefst praten? Vul de code van twee letters in, zoals nl, ar of tr.", 2) with { IsLanguageCode = true },
            Notes("preferences.notes"),
        ]);

    public static GuideSection Measurements { get; } = new(
        "measurements",
        "Vragenlijsten",
        "De uitkomsten van de vragenlijsten over eenzaamheid, regie, veerkracht en welbevinden. Een uitkomst is geen diagnose, maar een begin van het gesprek.",
        ["VT-1", "VT-2", "VT-9", "CC-6"],
        [
            YesNo("measurements.discussed", "Heeft u de uitkomsten samen besproken?"),
            YesNo("measurements.recognised", "Herkent de persoon zich in de uitkomst?"),
            Choice("measurements.ons_direct", "Hoe vaak voelt u zich eenzaam?", SelfReportOptions()) with
            {
                Guidance = "Vraag dit in de woorden van de persoon zelf. Het antwoord telt mee naast de vragenlijst: past het niet bij de uitkomst, dan bespreekt u dat samen.",
            },
            Notes("measurements.notes"),
        ])
    {
        LinkedInstruments = ["djg11", "djg6", "mastery7-ggd", "mastery7", "brs", "who5"],
    };

    /// <summary>Date questions per recent life event: <c>life_events.recent_date.EVENT</c> (docs/profile.md).</summary>
    public const string RecentDatePrefix = "life_events.recent_date.";

    /// <summary>
    /// Guidance with <c>meaning.death_wish</c>, after the Dutch multidisciplinary guideline on suicidal behaviour
    /// (Multidisciplinaire richtlijn Diagnostiek en behandeling van suïcidaal gedrag): ask openly, go on
    /// step by step, and act on the answers. In our own words.
    /// </summary>
    public const string DeathWishGuidance =
        "Vraag rustig en open door. Bij ouderen komt een doodswens vaak voor, en vaak is die niet acuut: 'het hoeft niet meer' is iets anders dan plannen maken. " +
        "Is het antwoord ja, vraag dan stap voor stap naar gedachten aan zelfdoding, naar een plan en naar middelen. " +
        "Bespreek een ja altijd dezelfde dag met de huisarts, en geef het nummer van 113 Zelfmoordpreventie (113 of gratis 0800-0113). " +
        "Zijn er plannen of middelen, blijf dan bij de persoon en bel de huisarts of huisartsenpost; bij direct gevaar 112.";

    /// <summary>Every section in the order of the conversation.</summary>
    public static IReadOnlyList<GuideSection> Sections { get; } =
    [
        DailyLife, Living, Contacts, Relationships, Partner, LifeEvents, Duration, Coping, Meaning, Health,
        Circumstances, Youth, Interests, Preferences, Measurements,
    ];

    /// <summary>The section with <paramref name="code"/>, or null.</summary>
    public static GuideSection? Find(string code) =>
        Sections.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal));

    /// <summary>The question with <paramref name="code"/> in any section, or null.</summary>
    public static GuideQuestion? FindQuestion(string code) =>
        Sections.Select(s => s.Find(code)).FirstOrDefault(q => q is not null);

    private static GuideQuestion YesNo(string code, string text) =>
        new(code, text, AnswerType.YesNo) { Options = [new(Yes, "ja"), new(No, "nee")] };

    private static GuideQuestion Choice(string code, string text, params (string Code, string Label)[] options) =>
        new(code, text, AnswerType.Choice) { Options = [.. options.Select(o => new GuideOption(o.Code, o.Label))] };

    private static GuideQuestion Choice(string code, string text, IReadOnlyList<GuideOption> options) =>
        new(code, text, AnswerType.Choice) { Options = options };

    private static GuideQuestion Multi(string code, string text, params (string Code, string Label)[] options) =>
        new(code, text, AnswerType.MultiChoice) { Options = [.. options.Select(o => new GuideOption(o.Code, o.Label))] };

    private static GuideQuestion Multi(string code, string text, IReadOnlyList<GuideOption> options) =>
        new(code, text, AnswerType.MultiChoice) { Options = options };

    private static GuideQuestion Date(string code, string text) => new(code, text, AnswerType.Date);

    private static GuideQuestion Number(string code, string text, int min, int max) =>
        new(code, text, AnswerType.Number) { Min = min, Max = max };

    private static GuideQuestion Text(string code, string text, int maxLength = ShortTextLength) =>
        new(code, text, AnswerType.ShortText) { MaxLength = maxLength };

    private static GuideQuestion Notes(string code) =>
        new(code, "Aantekeningen", AnswerType.ShortText) { MaxLength = NotesLength };

    private static List<GuideOption> CauseOptions() =>
        [.. Vocabulary.Causes.Select(c => new GuideOption(c.Key, c.Value))];

    private static List<GuideOption> LifeEventOptions() =>
        [.. Vocabulary.LifeEvents.Select(c => new GuideOption(c.Key, c.Value))];

    private static List<GuideOption> SelfReportOptions() =>
        [.. Vocabulary.SelfReports.Select(c => new GuideOption(c.Key, c.Value))];

    private static string RecentDateText(string lifeEvent) =>
        $"Wanneer was dat ({Vocabulary.Label(Vocabulary.LifeEvents, lifeEvent)})?";

    private static List<GuideOption> CopingOptions() =>
        [.. Vocabulary.Coping.Select(c => new GuideOption(c.Key, c.Value))];
}
