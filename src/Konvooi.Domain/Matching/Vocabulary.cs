namespace Konvooi.Domain.Matching;

/// <summary>
/// The stable codes shared by the profile, the catalogue, the matching engine and the exports,
/// with the Dutch label a person reads.
/// </summary>
/// <remarks>Documented in docs/vocabulary.md. Codes never change; labels may be reworded.</remarks>
public static class Vocabulary
{
    public static IReadOnlyDictionary<string, string> Causes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["partner_loss"] = "overlijden van de partner",
        ["other_bereavement"] = "overlijden van een naaste",
        ["relationship_quality"] = "de relatie met de partner schiet tekort",
        ["divorce_separation"] = "scheiding",
        ["health_decline"] = "minder gezond of minder mobiel",
        ["disability"] = "een lichamelijke, verstandelijke of psychische beperking",
        ["cognitive_decline"] = "geheugenproblemen",
        ["moved"] = "verhuisd of nieuw in de buurt",
        ["retirement_or_job_loss"] = "pensioen of verlies van werk",
        ["children_far_or_none"] = "geen kinderen of kinderen ver weg",
        ["caregiving_burden"] = "zware mantelzorg",
        ["financial_worries"] = "geldzorgen",
        ["migration_language"] = "migratie en een andere taal of cultuur",
        ["feeling_different"] = "het gevoel er niet bij te horen",
        ["social_skills"] = "moeite met contact maken of houden",
        ["unrealistic_expectations"] = "verwachtingen van contact sluiten niet aan",
        ["lost_daily_rhythm"] = "het dagritme is weggevallen",
        ["lost_meaningful_role"] = "geen betekenisvolle rol meer",
        ["digital_exclusion"] = "niet mee kunnen doen met digitale middelen",
        ["life_phase_identity"] = "zoeken naar wie je bent (jongeren)",
    };

    public static IReadOnlyDictionary<string, string> Coping { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["distraction"] = "afleiding zoeken",
        ["strengthen_existing_contacts"] = "contact met bekenden versterken",
        ["new_contacts"] = "nieuwe mensen leren kennen",
        ["adjust_expectations"] = "verwachtingen bijstellen",
        ["look_inward"] = "nadenken over zichzelf en het eigen leven",
    };

    public static IReadOnlyDictionary<string, string> Elements { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["activities"] = "bezigheden",
        ["meeting"] = "ontmoeten",
        ["practical_support"] = "praktisch ondersteunen",
        ["meaningful_contact"] = "betekenisvol contact",
        ["social_skills"] = "sociale vaardigheden",
        ["realistic_expectations"] = "realistische verwachtingen",
        ["meaningful_role"] = "betekenisvolle rol",
    };

    public static IReadOnlyDictionary<string, string> Aims { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["loneliness_emotional"] = "emotionele eenzaamheid verminderen",
        ["loneliness_social"] = "sociale eenzaamheid verminderen",
        ["loneliness_both"] = "eenzaamheid verminderen",
        ["meaning"] = "zingeving",
        ["social_cohesion"] = "samenhang in de buurt",
        ["participation"] = "meedoen",
        ["practical_help"] = "praktische hulp",
        ["prevention"] = "eenzaamheid voorkomen",
    };

    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["individual"] = "één op één",
        ["group"] = "in een groep",
    };

    public static IReadOnlyDictionary<string, string> Modes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["in_person"] = "samen op een plek",
        ["phone"] = "telefonisch",
        ["online"] = "online",
        ["home_visit"] = "bij de persoon thuis",
    };

    public static IReadOnlyDictionary<string, string> Intensities { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["light"] = "licht",
        ["medium"] = "gemiddeld",
        ["intensive"] = "intensief",
    };

    public static IReadOnlyDictionary<string, string> TargetGroups { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["youth"] = "jongeren (tot 25 jaar)",
        ["adults"] = "volwassenen",
        ["older_adults"] = "ouderen (65 jaar en ouder)",
        ["oldest_old"] = "ouderen van 75 jaar en ouder",
        ["living_alone"] = "alleenwonenden",
        ["older_migrants"] = "oudere migranten",
        ["people_with_disability"] = "mensen met een beperking",
        ["caregivers"] = "mantelzorgers",
        ["bereaved"] = "nabestaanden",
        ["single_parents"] = "alleenstaande ouders",
        ["everyone"] = "iedereen",
    };

    /// <summary>Recognition levels in ascending order of evidence (Movisie/RIVM/KCSB system).</summary>
    public static IReadOnlyList<string> RecognitionLevels { get; } =
        ["none", "well_described", "well_founded", "effective_first", "effective_good", "effective_strong"];

    public static IReadOnlyDictionary<string, string> RecognitionLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["none"] = "niet beoordeeld",
        ["well_described"] = "goed beschreven",
        ["well_founded"] = "goed onderbouwd",
        ["effective_first"] = "eerste aanwijzingen voor effectiviteit",
        ["effective_good"] = "goede aanwijzingen voor effectiviteit",
        ["effective_strong"] = "sterke aanwijzingen voor effectiviteit",
    };

    public static IReadOnlyDictionary<string, string> Flags { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["isolated_not_lonely"] = "weinig contact, maar niet eenzaam",
        ["meaning_not_contact"] = "zinvragen die niet uit gemis aan contact komen",
        ["recent_bereavement"] = "korter dan 6 maanden geleden iemand verloren",
        ["no_daily_contact"] = "woont alleen en heeft geen dagelijks contact met eigen netwerk",
        ["low_mastery"] = "weinig grip op het eigen leven",
        ["low_resilience"] = "weinig veerkracht",
        ["financial_worries"] = "geldzorgen",
        ["disability"] = "een beperking",
        ["older_migrant"] = "oudere migrant",
        ["youth"] = "jongere (tot 25 jaar)",
        ["memory_concerns"] = "zorgen over het geheugen",
    };

    public static IReadOnlyDictionary<string, string> DropoutReasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mismatch_expectations"] = "het was anders dan verwacht",
        ["did_not_feel_at_home"] = "voelde zich er niet thuis",
        ["health"] = "gezondheid",
        ["transport_or_distance"] = "vervoer of afstand",
        ["cost"] = "kosten",
        ["shame_or_stigma"] = "schaamte",
        ["waiting_list"] = "wachtlijst",
        ["moved"] = "verhuisd",
        ["no_longer_needed"] = "niet meer nodig",
        ["intervention_stopped"] = "het aanbod stopte",
        ["other"] = "een andere reden",
    };

    /// <summary>Dropout reasons that say the intervention did not fit the person (RK-5).</summary>
    public static IReadOnlySet<string> MisfitDropoutReasons { get; } =
        new HashSet<string>(["mismatch_expectations", "did_not_feel_at_home"], StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> LonelinessTypes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["none"] = "niet eenzaam",
        ["emotional"] = "emotionele eenzaamheid",
        ["social"] = "sociale eenzaamheid",
        ["both"] = "emotionele en sociale eenzaamheid",
        ["undifferentiated"] = "eenzaamheid, niet duidelijk emotioneel of sociaal",
    };

    /// <summary>Life events that put a person at risk of loneliness (JG-4, TF-6, AM-5; issue 16).</summary>
    public static IReadOnlyDictionary<string, string> LifeEvents { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bereaved"] = "iemand die dichtbij stond is overleden",
        ["moved"] = "verhuisd",
        ["retired_or_job_loss"] = "met pensioen of werk kwijtgeraakt",
        ["partner_to_care"] = "partner is naar een verpleeg- of verzorgingshuis verhuisd",
        ["became_carer"] = "mantelzorger geworden",
        ["children_left"] = "de kinderen zijn het huis uit",
    };

    /// <summary>The answers to the ONS direct question "Hoe vaak voelt u zich eenzaam?" (docs/instruments.md).</summary>
    public static IReadOnlyDictionary<string, string> SelfReports { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["often_always"] = "vaak of altijd",
        ["some_of_the_time"] = "soms",
        ["occasionally"] = "af en toe",
        ["hardly_ever"] = "bijna nooit",
        ["never"] = "nooit",
    };

    public static IReadOnlyDictionary<string, string> Severities { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["not_lonely"] = "niet eenzaam",
        ["moderately_lonely"] = "matig eenzaam",
        ["severely_lonely"] = "ernstig eenzaam",
        ["very_severely_lonely"] = "zeer ernstig eenzaam",
    };

    public static IReadOnlyDictionary<string, string> Courses { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["situational"] = "door een situatie of gebeurtenis",
        ["chronic"] = "al lang (chronisch)",
    };

    /// <summary>Codes an intervention may list as indication or contra-indication: profile flags and causes.</summary>
    public static IReadOnlySet<string> ConditionCodes { get; } =
        new HashSet<string>(Flags.Keys.Concat(Causes.Keys), StringComparer.Ordinal);

    /// <summary>The rank of a recognition level: 0 for <c>none</c> up to 5 for <c>effective_strong</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The code is not a recognition level.</exception>
    public static int RecognitionRank(string recognition)
    {
        for (var i = 0; i < RecognitionLevels.Count; i++)
        {
            if (string.Equals(RecognitionLevels[i], recognition, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(recognition), recognition, "Unknown recognition level.");
    }

    /// <summary>The Dutch label of a code in <paramref name="list"/>, or the code itself when unknown.</summary>
    public static string Label(IReadOnlyDictionary<string, string> list, string code)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.TryGetValue(code, out var label) ? label : code;
    }
}
