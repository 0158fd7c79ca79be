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
            var exclusion = FirstExclusion(facts, intervention, catalogue);
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

    private static Exclusion? FirstExclusion(ProfileFacts facts, Intervention i, InterventionCatalogue catalogue)
    {
        var profile = facts.Profile;
        if (MisfitDropoutFor(profile, i, catalogue) is { } misfit)
        {
            return Exclude(i, MatchingRules.MisfitDropout, misfit.Dropout.Intervention == i.Id
                ? $"De persoon stopte eerder met dit aanbod omdat het niet paste ({Vocabulary.Label(Vocabulary.DropoutReasons, misfit.Dropout.Reason)}). Het wordt niet opnieuw voorgesteld."
                : $"De persoon stopte eerder met '{misfit.Name}' omdat het niet paste ({Vocabulary.Label(Vocabulary.DropoutReasons, misfit.Dropout.Reason)}). Dit aanbod is van dezelfde soort en wordt daarom niet voorgesteld, tenzij u met een reden anders besluit.");
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
        ScorePrevention(facts, i, w, Add);
        ScoreTargetGroups(facts, i, w, Add);
        ScoreEarlierDropout(profile, i, Add);

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

    /// <summary>
    /// The misfit dropout that rules <paramref name="i"/> out (RK-5): the same intervention, or another one of the
    /// same catalogue type (<see cref="Intervention.TypeCode"/>) unless the professional overrode it with a reason.
    /// </summary>
    private static (Dropout Dropout, string Name)? MisfitDropoutFor(Profile profile, Intervention i, InterventionCatalogue catalogue)
    {
        var overridden = profile.MisfitOverrides.Any(o => o.Intervention == i.Id);
        foreach (var dropout in profile.DroppedOut.Where(d => d.IsMisfit))
        {
            var left = catalogue.Find(dropout.Intervention);
            if (dropout.Intervention == i.Id)
            {
                return (dropout, left?.Name ?? dropout.Intervention);
            }

            var leftType = left?.TypeCode ?? dropout.Intervention;
            if (!overridden && leftType == i.TypeCode)
            {
                return (dropout, left?.Name ?? dropout.Intervention);
            }
        }

        return null;
    }

    private static void ScoreEarlierDropout(Profile profile, Intervention i, Action<MatchingRule, double, string> add)
    {
        var earlier = profile.DroppedOut.FirstOrDefault(d => !d.IsMisfit && d.Intervention == i.Id);
        if (earlier is not null)
        {
            add(MatchingRules.EarlierDropout, 0,
                $"De persoon stopte eerder met dit aanbod ({Vocabulary.Label(Vocabulary.DropoutReasons, earlier.Reason)}). Bespreek of dat nu anders is.");
        }

        if (profile.MisfitOverrides.FirstOrDefault(o => o.Intervention == i.Id) is { } chosen
            && profile.DroppedOut.Any(d => d.IsMisfit && d.Intervention != i.Id))
        {
            add(MatchingRules.MisfitDropout, 0,
                $"De persoon stopte eerder met aanbod van dezelfde soort omdat het niet paste. De professional stelt dit toch voor: {chosen.Reason}");
        }
    }

    /// <summary>Causes a life event can lead to, so prevention offers aimed at that cause rank first (JG-4, TF-6).</summary>
    private static readonly Dictionary<string, string[]> LifeEventCauses = new(StringComparer.Ordinal)
    {
        ["bereaved"] = ["partner_loss", "other_bereavement"],
        ["moved"] = ["moved"],
        ["retired_or_job_loss"] = ["retirement_or_job_loss"],
        ["partner_to_care"] = ["caregiving_burden"],
        ["became_carer"] = ["caregiving_burden"],
        ["children_left"] = ["children_far_or_none"],
    };

    private static void ScorePrevention(ProfileFacts facts, Intervention i, MatchingWeights w, Action<MatchingRule, double, string> add)
    {
        if (!facts.IsPreventionCandidate || i.Aim != "prevention")
        {
            return;
        }

        var events = facts.PreventionReasons.Where(Vocabulary.LifeEvents.ContainsKey).ToList();
        var why = events.Count > 0
            ? $"De persoon maakte het afgelopen jaar iets ingrijpends mee ({Join(events.Select(e => Vocabulary.Label(Vocabulary.LifeEvents, e)))})"
            : "De persoon is 75 jaar of ouder en woont alleen";
        add(MatchingRules.Prevention, w["prevention"], why + "; dit aanbod helpt eenzaamheid voorkomen.");

        var aimed = events.SelectMany(e => LifeEventCauses.TryGetValue(e, out var causes) ? causes : []).Distinct().Where(i.Causes.Contains).ToList();
        if (aimed.Count > 0)
        {
            add(MatchingRules.Prevention, w["prevention"],
                $"Dit aanbod richt zich op wat er gebeurde: {Join(aimed.Select(c => Vocabulary.Label(Vocabulary.Causes, c)))}.");
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
        AddIf(profile.DeathWish == true, MatchingRules.SafetyFirst);
        AddIf(profile.Who5?.SuggestsDepression == true, MatchingRules.MoodReferral);
        AddIf(facts.IsSeverityUncertain, MatchingRules.SeverityUncertain);
        AddIf(facts.SelfReportDiffers, MatchingRules.SelfReportDiffers);
        AddIf(facts.Flags.Contains("recent_bereavement"), MatchingRules.WatchfulWaiting);
        AddIf(isolatedContent, MatchingRules.IsolatedContentAdvice);
        AddIf(!isolatedContent && facts.Type == "none", MatchingRules.NotLonelyAdvice);
        AddIf(facts.IsPreventionCandidate, MatchingRules.PreventionOffer);
        AddIf(facts.Flags.Contains("meaning_not_contact"), MatchingRules.MeaningSupportAdvice);
        AddIf(facts.Conditions.Contains("memory_concerns") || facts.Conditions.Contains("cognitive_decline"), MatchingRules.MemoryReferral);
        AddIf(facts.IsSevereOrChronic && facts.Type != "none", MatchingRules.IntensiveGuidance);
        AddIf(facts.Type is null && !facts.LonelinessNeedsConfirmation, MatchingRules.MeasureLoneliness);
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
