using System.Globalization;

namespace Konvooi.Domain.Matching;

/// <summary>
/// The matching engine: cause-first, explained suggestions for one profile (docs/matching.md; cause-first after TF-4).
/// Pure: the same profile, catalogue and weights always give the same result.
/// </summary>
public static class Matcher
{
    private static readonly Dictionary<string, string> LanguageNames = new(StringComparer.Ordinal)
    {
        ["nl"] = "Nederlands",
        ["en"] = "Engels",
        ["ar"] = "Arabisch",
        ["tr"] = "Turks",
        ["de"] = "Duits",
        ["fr"] = "Frans",
        ["es"] = "Spaans",
        ["pl"] = "Pools",
        ["uk"] = "Oekraïens",
        ["ru"] = "Russisch",
        ["zh"] = "Chinees",
        ["so"] = "Somalisch",
        ["ti"] = "Tigrinya",
        ["fa"] = "Perzisch",
        ["pt"] = "Portugees",
    };

    private static readonly string[] StrengthFlags = ["low_mastery", "low_resilience"];

    private static readonly HashSet<string> NeedRules =
        MatchingRules.All.Where(r => r.IsNeed).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>Matches a profile against a catalogue with the default weights.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static MatchResult Match(Profile profile, InterventionCatalogue catalogue) =>
        Match(profile, catalogue, MatchingWeights.Default);

    /// <summary>Matches a profile against a catalogue.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static MatchResult Match(Profile profile, InterventionCatalogue catalogue, MatchingWeights weights)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(weights);

        var facts = ProfileFacts.From(profile);
        var suggestions = new List<Suggestion>();
        var excluded = new List<Exclusion>();
        foreach (var intervention in catalogue.Interventions)
        {
            var exclusion = FirstExclusion(facts, intervention);
            if (exclusion is not null)
            {
                excluded.Add(exclusion);
                continue;
            }

            var reasons = Score(facts, intervention, catalogue, weights);
            var score = Math.Round(reasons.Sum(r => r.Points), 2, MidpointRounding.AwayFromZero);
            if (score > 0 && reasons.Any(r => r.Points > 0 && IsQualifying(r.Rule, profile)))
            {
                suggestions.Add(new Suggestion(intervention, score, reasons));
            }
        }

        var ranked = suggestions
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => Vocabulary.RecognitionRank(s.Intervention.Recognition))
            .ThenBy(s => s.Intervention.Id, StringComparer.Ordinal)
            .ToList();
        var advice = AdviceFor(facts, ranked);
        return new MatchResult(ranked, excluded, advice, catalogue.Version, MatchingRules.Version);
    }

    private static Exclusion? FirstExclusion(ProfileFacts facts, Intervention i)
    {
        var profile = facts.Profile;
        var misfit = profile.DroppedOut.FirstOrDefault(d => d.IsMisfit && d.Intervention == i.Id);
        if (misfit is not null)
        {
            return Exclude(i, MatchingRules.MisfitDropout,
                $"De persoon stopte eerder met dit aanbod omdat het niet paste ({Vocabulary.Label(Vocabulary.DropoutReasons, misfit.Reason)}). Het wordt niet opnieuw voorgesteld.");
        }

        var contra = i.ContraIndications.Where(facts.Conditions.Contains).ToList();
        if (contra.Count > 0)
        {
            return Exclude(i, MatchingRules.ContraIndication,
                $"Niet geschikt bij {Join(contra.Select(ConditionLabel))}.");
        }

        if (i.IsLonelinessIntervention && facts.Flags.Contains("isolated_not_lonely"))
        {
            return Exclude(i, MatchingRules.IsolatedContent,
                "De persoon heeft weinig contact maar voelt zich niet eenzaam; een aanbod tegen eenzaamheid is niet nodig.");
        }

        if (i.IsLonelinessIntervention && facts.Type == "none")
        {
            return Exclude(i, MatchingRules.NotLonely,
                "Er is geen eenzaamheid gemeten; dit aanbod is gericht op eenzaamheid.");
        }

        if (i.Intensity == "light" && facts.IsSevereOrChronic)
        {
            return Exclude(i, MatchingRules.SeverityExcludesLight,
                profile.Course == "chronic"
                    ? "De eenzaamheid duurt al lang; een licht aanbod helpt dan niet genoeg."
                    : "De eenzaamheid is ernstig; een licht aanbod helpt dan niet genoeg.");
        }

        if (facts.IsOutsideAll(i.TargetGroups))
        {
            return Exclude(i, MatchingRules.TargetGroupFit,
                $"Dit aanbod is voor {Join(i.TargetGroups.Select(g => Vocabulary.Label(Vocabulary.TargetGroups, g)))}; daar hoort de persoon niet bij.");
        }

        return null;
    }

    private static List<MatchReason> Score(ProfileFacts facts, Intervention i, InterventionCatalogue catalogue, MatchingWeights w)
    {
        var profile = facts.Profile;
        var reasons = new List<MatchReason>();
        void Add(MatchingRule rule, double points, string text) => reasons.Add(new MatchReason(rule.Code, rule.Insights, text, points));

        var causes = profile.Causes.Where(c => i.Causes.Contains(c)).ToList();
        if (causes.Count > 0)
        {
            Add(MatchingRules.CauseFit, w["cause_fit"] * causes.Count,
                $"Richt zich op {(causes.Count == 1 ? "een oorzaak die bij deze persoon speelt" : "oorzaken die bij deze persoon spelen")}: {Join(causes.Select(c => Vocabulary.Label(Vocabulary.Causes, c)))}.");
        }

        ScoreType(facts, i, w, Add);
        ScoreInPerson(facts, i, w, Add);

        if (profile.Course == "chronic" && i.Elements.Contains("meaningful_role"))
        {
            Add(MatchingRules.ChronicBelonging, w["chronic_belonging"],
                "De eenzaamheid duurt al lang; een betekenisvolle rol laat iemand ervaren dat hij of zij erbij hoort en iets waard is.");
        }

        ScorePreferences(profile, i, w, Add);

        if (profile.Coping is { } coping && i.Coping.Contains(coping))
        {
            Add(MatchingRules.CopingFit, w["coping_fit"],
                $"Past bij hoe de persoon het liefst met eenzaamheid omgaat: {Vocabulary.Label(Vocabulary.Coping, coping)}.");
        }

        if (facts.Flags.Contains("meaning_not_contact") && (i.Aim == "meaning" || i.Indications.Contains("meaning_not_contact")))
        {
            Add(MatchingRules.MeaningSupport, w["meaning_support"],
                "De persoon heeft zinvragen die niet uit gemis aan contact komen; dit aanbod gaat over zingeving.");
        }

        if (facts.Flags.Contains("no_daily_contact") && i.Indications.Contains("no_daily_contact"))
        {
            Add(MatchingRules.DailyContact, w["daily_contact"],
                "De persoon woont alleen en heeft niet elke dag contact met mensen uit het eigen netwerk; dit aanbod zorgt dat er elke dag iemand is.");
        }

        if (facts.Flags.Contains("recent_bereavement") && i.Indications.Contains("recent_bereavement"))
        {
            Add(MatchingRules.Bereavement, w["bereavement"],
                "De persoon verloor kort geleden iemand; dit aanbod geeft steun bij rouw.");
        }

        var strengthens = StrengthFlags.Where(f => facts.Flags.Contains(f) && i.Indications.Contains(f)).ToList();
        if (strengthens.Count > 0)
        {
            Add(MatchingRules.MasteryResilience, w["mastery_resilience"],
                $"Versterkt wat nu laag is: {Join(strengthens.Select(f => Vocabulary.Label(Vocabulary.Flags, f)))}.");
        }

        if (facts.Flags.Contains("memory_concerns") && i.Indications.Contains("memory_concerns"))
        {
            Add(MatchingRules.MemorySupport, w["memory_support"],
                "Er zijn zorgen over het geheugen; dit aanbod is voor mensen met geheugenproblemen en hun naasten.");
        }

        ScoreMoney(facts, i, w, Add);
        ScoreTargetGroups(facts, i, w, Add);
        ScoreDropouts(profile, i, catalogue, w, Add);

        if (Vocabulary.RecognitionRank(i.Recognition) >= Vocabulary.RecognitionRank("well_described"))
        {
            Add(MatchingRules.Recognition, w["recognition"],
                $"Beoordeeld in de landelijke databank: {Vocabulary.Label(Vocabulary.RecognitionLabels, i.Recognition)}.");
        }

        ScoreAvailability(i, w, Add);
        return reasons;
    }

    private static void ScoreType(ProfileFacts facts, Intervention i, MatchingWeights w, Action<MatchingRule, double, string> add)
    {
        var personal = i.Elements.Contains("meaningful_contact");
        if (!i.IsLonelinessIntervention)
        {
            // Other aims (meaning, cohesion, participation, practical help) are chosen for their cause (ES-6).
        }
        else if (facts.IsEmotional && ((i.Setting == "individual" && personal) || i.Aim == "loneliness_emotional"))
        {
            add(MatchingRules.TypeFit, w["type_fit"],
                "Bij emotionele eenzaamheid helpt vooral persoonlijk contact met aandacht; dit aanbod biedt dat.");
        }
        else if (facts.IsSocial && (i.Elements.Contains("meeting") || i.Aim == "loneliness_social"))
        {
            add(MatchingRules.TypeFit, w["type_fit"],
                "Bij sociale eenzaamheid helpt een grotere kring; dit aanbod brengt mensen samen.");
        }

        var meetingActivity = i.Setting == "group" && !personal && i.MainElement is "meeting" or "activities";
        if (facts.Type == "emotional" && meetingActivity)
        {
            add(MatchingRules.TypeFit, -w["type_mismatch"],
                "Bij emotionele eenzaamheid helpt een groepsactiviteit meestal minder dan persoonlijk contact.");
        }
    }

    private static void ScoreInPerson(ProfileFacts facts, Intervention i, MatchingWeights w, Action<MatchingRule, double, string> add)
    {
        if (!facts.IsEmotional || !(i.IsLonelinessIntervention || i.Elements.Contains("meaningful_contact")))
        {
            return;
        }

        var modes = facts.Profile.Preferences.Modes;
        var prefersRemote = modes.Contains("phone") || modes.Contains("online");
        if (i.Mode is "phone" or "online")
        {
            if (!prefersRemote)
            {
                add(MatchingRules.InPersonFirst, -w["in_person_first"],
                    "Bij emotionele eenzaamheid is contact in het echt meestal nodig; telefoon of online geeft maar een deel daarvan.");
            }
        }
        else if (i.Elements.Contains("meaningful_contact"))
        {
            add(MatchingRules.InPersonFirst, w["in_person_first"],
                "Bij emotionele eenzaamheid helpt contact in het echt; dit aanbod is niet via telefoon of scherm.");
        }
    }

    private static void ScorePreferences(Profile profile, Intervention i, MatchingWeights w, Action<MatchingRule, double, string> add)
    {
        var preferences = profile.Preferences;
        if (preferences.Setting is { } setting)
        {
            var wanted = Vocabulary.Label(Vocabulary.Settings, setting);
            if (setting == i.Setting)
            {
                add(MatchingRules.SettingPreference, w["setting_preference"], $"De persoon wil contact {wanted}; dit aanbod is {wanted}.");
            }
            else
            {
                add(MatchingRules.SettingPreference, -w["setting_preference"],
                    $"De persoon wil liever contact {wanted}; dit aanbod is {Vocabulary.Label(Vocabulary.Settings, i.Setting)}.");
            }
        }

        if (preferences.Modes.Count > 0)
        {
            var fits = preferences.Modes.Any(m => SameMode(m, i.Mode));
            var mode = Vocabulary.Label(Vocabulary.Modes, i.Mode);
            if (fits)
            {
                add(MatchingRules.ModePreference, w["mode_preference"], $"Past bij hoe de persoon contact wil: {mode}.");
            }
            else
            {
                add(MatchingRules.ModePreference, -w["mode_preference"],
                    $"De persoon wil contact {Join(preferences.Modes.Select(m => Vocabulary.Label(Vocabulary.Modes, m)), "of")}; dit aanbod is {mode}.");
            }
        }

        if (preferences.Language is { } language && i.Languages.Count > 0)
        {
            var name = LanguageName(language);
            if (!i.Languages.Contains(language))
            {
                add(MatchingRules.LanguagePreference, -w["language_preference"],
                    $"Dit aanbod is niet in het {name}, de taal van de persoon.");
            }
            else if (language != "nl")
            {
                add(MatchingRules.LanguagePreference, w["language_preference"], $"Dit aanbod is ook in het {name}.");
            }
        }

        if (preferences.FewContactsWanted == true && i.Setting == "group" && i.Elements.Contains("meeting"))
        {
            add(MatchingRules.FewContacts, -w["few_contacts"],
                "De persoon wil maar weinig contacten; een groep met nieuwe mensen past daar minder bij.");
        }
    }

    private static void ScoreMoney(ProfileFacts facts, Intervention i, MatchingWeights w, Action<MatchingRule, double, string> add)
    {
        if (!facts.Conditions.Contains("financial_worries"))
        {
            return;
        }

        if (i.Indications.Contains("financial_worries"))
        {
            add(MatchingRules.MoneyWorries, w["money_worries"],
                "De persoon heeft geldzorgen; die maken eenzaamheid erger, en dit aanbod helpt daarbij.");
        }

        if (i.CostEuros > 0)
        {
            add(MatchingRules.MoneyWorries, -w["money_worries_cost"],
                $"Dit aanbod kost {i.CostEuros.Value.ToString("0.00", CultureInfo.GetCultureInfo("nl-NL"))} euro; de persoon heeft geldzorgen.");
        }
    }

    private static void ScoreTargetGroups(ProfileFacts facts, Intervention i, MatchingWeights w, Action<MatchingRule, double, string> add)
    {
        var specific = i.TargetGroups.Where(g => g is not ("everyone" or "adults") && facts.TargetGroups.Contains(g)).ToList();
        if (specific.Count > 0)
        {
            add(MatchingRules.TargetGroupFit, w["target_group_fit"],
                $"Speciaal voor {Join(specific.Select(g => Vocabulary.Label(Vocabulary.TargetGroups, g)))}, en daar hoort de persoon bij.");
        }
    }

    private static void ScoreDropouts(Profile profile, Intervention i, InterventionCatalogue catalogue, MatchingWeights w, Action<MatchingRule, double, string> add)
    {
        var similarTo = profile.DroppedOut
            .Where(d => d.IsMisfit && d.Intervention != i.Id)
            .Select(d => catalogue.Find(d.Intervention))
            .OfType<Intervention>()
            .FirstOrDefault(d => d.Setting == i.Setting && d.MainElement == i.MainElement);
        if (similarTo is not null)
        {
            add(MatchingRules.MisfitSimilar, -w["misfit_similar"],
                $"Let op: dit lijkt op '{similarTo.Name}', waarmee de persoon stopte omdat het niet paste. Bespreek dit eerst.");
        }

        var earlier = profile.DroppedOut.FirstOrDefault(d => !d.IsMisfit && d.Intervention == i.Id);
        if (earlier is not null)
        {
            add(MatchingRules.EarlierDropout, 0,
                $"De persoon stopte eerder met dit aanbod ({Vocabulary.Label(Vocabulary.DropoutReasons, earlier.Reason)}). Bespreek of dat nu anders is.");
        }
    }

    private static void ScoreAvailability(Intervention i, MatchingWeights w, Action<MatchingRule, double, string> add)
    {
        var penalty = -w["availability"];
        if (i.WaitingListWeeks > 0)
        {
            add(MatchingRules.Availability, penalty, string.Create(CultureInfo.InvariantCulture, $"Er is een wachtlijst van ongeveer {i.WaitingListWeeks} weken."));
        }
        else if (i.Capacity == 0)
        {
            add(MatchingRules.Availability, penalty, "Er is op dit moment geen plaats vrij.");
        }
        else if (i.Capacity > 0)
        {
            add(MatchingRules.Availability, 0, string.Create(CultureInfo.InvariantCulture, $"Er {(i.Capacity == 1 ? "is 1 plaats" : $"zijn {i.Capacity} plaatsen")} vrij."));
        }
    }

    private static List<Advice> AdviceFor(ProfileFacts facts, List<Suggestion> suggestions)
    {
        var profile = facts.Profile;
        var advice = new List<AdviceDefinition>();
        void AddIf(bool condition, AdviceDefinition definition)
        {
            if (condition)
            {
                advice.Add(definition);
            }
        }

        var isolatedContent = facts.Flags.Contains("isolated_not_lonely");
        AddIf(facts.Flags.Contains("recent_bereavement"), MatchingRules.WatchfulWaiting);
        AddIf(isolatedContent, MatchingRules.IsolatedContentAdvice);
        AddIf(!isolatedContent && facts.Type == "none", MatchingRules.NotLonelyAdvice);
        AddIf(facts.Flags.Contains("meaning_not_contact"), MatchingRules.MeaningSupportAdvice);
        AddIf(facts.Conditions.Contains("memory_concerns") || facts.Conditions.Contains("cognitive_decline"), MatchingRules.MemoryReferral);
        AddIf(facts.IsSevereOrChronic && facts.Type != "none", MatchingRules.IntensiveGuidance);
        AddIf(facts.Type is null, MatchingRules.MeasureLoneliness);
        AddIf(profile.Causes.Count == 0 && facts.Type != "none" && !isolatedContent, MatchingRules.ExploreCauses);
        AddIf(profile.DroppedOut.Any(d => d.IsMisfit), MatchingRules.FollowUpDropout);
        AddIf(suggestions.Count == 0 && facts.Type is not (null or "none") && !isolatedContent, MatchingRules.NoMatch);
        return advice.Select(a => new Advice(a.Code, a.Insights, a.Text)).ToList();
    }

    /// <summary>
    /// Cause-first (TF-4): once causes are known, a suggestion needs a cause or a flag behind it; the
    /// loneliness type alone qualifies only while the causes are still unknown.
    /// </summary>
    private static bool IsQualifying(string rule, Profile profile) =>
        NeedRules.Contains(rule) && (rule != MatchingRules.TypeFit.Code || profile.Causes.Count == 0);

    private static Exclusion Exclude(Intervention i, MatchingRule rule, string reason) => new(i, rule.Code, rule.Insights, reason);

    /// <summary>In-person and home visits are both face to face, so either satisfies a wish for the other.</summary>
    private static bool SameMode(string wanted, string offered) =>
        wanted == offered || (wanted is "in_person" or "home_visit" && offered is "in_person" or "home_visit");

    private static string ConditionLabel(string code) =>
        Vocabulary.Flags.TryGetValue(code, out var flag) ? flag : Vocabulary.Label(Vocabulary.Causes, code);

    private static string LanguageName(string code) => LanguageNames.TryGetValue(code, out var name) ? name : code;

    /// <summary>Joins Dutch list items: "a, b en c".</summary>
    internal static string Join(IEnumerable<string> items, string last = "en")
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => $"{string.Join(", ", list.Take(list.Count - 1))} {last} {list[^1]}",
        };
    }
}
