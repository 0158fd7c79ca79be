using System.Globalization;
using Konvooi.Domain.Conversations;
using Konvooi.Domain.Convoy;
using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Profiles;

/// <summary>
/// Builds a person's profile from the latest measurements, the conversation answers and the convoy
/// snapshot. Pure: the same input always gives the same profile. Every rule and threshold is in
/// docs/profile.md; values that were not answered or are malformed are treated as unknown.
/// </summary>
public static class ProfileBuilder
{
    // The insight ids behind each flag live in one place: the knowledge base.
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> FlagInsights => Knowledge.KnowledgeBase.FlagInsights;

    // Answers that name a known cause (docs/profile.md, "derived causes"), in the order they are listed.
    private static readonly (string Question, string Answer, string Cause)[] DerivedCauses =
    [
        ("life_events.loss", "partner", "partner_loss"),
        ("life_events.loss", "other_close", "other_bereavement"),
        ("partner.quality", "poor", "relationship_quality"),
        ("daily_life.lost_rhythm", ConversationGuide.Yes, "lost_daily_rhythm"),
        ("duration.feels_different", ConversationGuide.Yes, "feeling_different"),
        ("youth.identity", ConversationGuide.Yes, "life_phase_identity"),
        ("circumstances.money_worries", ConversationGuide.Yes, "financial_worries"),
        ("circumstances.heavy_care", ConversationGuide.Yes, "caregiving_burden"),
    ];

    // Life events that are a cause of the same meaning (docs/profile.md, "Life events").
    private static readonly Dictionary<string, string> LifeEventCauses = new(StringComparer.Ordinal)
    {
        ["moved"] = "moved",
        ["retired_or_job_loss"] = "retirement_or_job_loss",
    };

    public static PersonProfile Build(ProfileInput input) => Build(input, ProfileRules.Default);

    public static PersonProfile Build(ProfileInput input, ProfileRules rules)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rules);
        var answers = new Reader(input.Answers);
        var djg = Latest(input, "djg11", "djg6");
        var mastery = Latest(input, "mastery7-ggd", "mastery7");
        var brs = Latest(input, "brs", null);
        var who5 = Latest(input, "who5", null);
        var used = new[] { djg, mastery, brs, who5 }
            .OfType<ProfileMeasurement>()
            .Select(m => new InstrumentUsed(m.InstrumentId, m.InstrumentVersion, m.TakenOn))
            .ToList();

        var measured = Loneliness(djg);
        var assessment = Assess(input, answers, rules, djg, measured);
        var loneliness = assessment.Finding;
        var (course, courseEvidence) = loneliness.IsLonely == false ? (null, []) : Course(answers, input.ConversationDate, rules);
        var lifeEvents = LifeEvents(answers, input.ConversationDate);
        var causes = loneliness.IsLonely == false ? [] : Causes(answers, lifeEvents);
        var (dailyContact, dailyEvidence) = DailyContact(answers, input.Convoy);
        var flags = new List<ProfileFlag>();
        Flags(flags, input, answers, rules, loneliness, dailyContact, dailyEvidence, mastery, brs);

        return new PersonProfile
        {
            BuiltOn = input.ConversationDate,
            RulesVersion = rules.Version,
            Instruments = used,
            Age = input.Age,
            LivesAlone = answers.YesNo("living.lives_alone"),
            DailyContact = dailyContact,
            Djg11 = loneliness.Djg11,
            IsLonely = loneliness.IsLonely,
            Type = loneliness.Type,
            Severity = loneliness.Severity,
            LonelinessEvidence = loneliness.Evidence,
            SeverityRange = assessment.Range,
            SeverityUncertain = assessment.Range?.IsUncertain == true,
            MeasurementStale = assessment.Stale,
            SelfReport = assessment.SelfReport,
            RecognisesResult = assessment.Recognises,
            SelfReportDiffers = assessment.Differs,
            NeedsConfirmation = assessment.NeedsConfirmation,
            Judgement = input.Judgement,
            Course = course,
            CourseEvidence = courseEvidence,
            Causes = causes,
            Coping = answers.Choice("coping.preferred"),
            Preferences = Preferences(answers),
            Flags = flags.OrderBy(f => f.Code, StringComparer.Ordinal).ToList(),
            WellbeingLevel = who5?.Score.Level?.Code,
            Who5Raw = who5?.Score.Total,
            DeathWish = answers.YesNo("meaning.death_wish"),
            DeathWishThoughts = answers.YesNo("meaning.death_wish_thoughts"),
            DeathWishPlan = answers.YesNo("meaning.death_wish_plan"),
            DeathWishMeans = answers.YesNo("meaning.death_wish_means"),
            LifeEvents = lifeEvents,
            DroppedOut = input.DroppedOut,
        };
    }

    private sealed record Assessment(
        LonelinessFinding Finding,
        Questionnaires.DjgLevelRange? Range,
        bool Stale,
        string? SelfReport,
        bool? Recognises,
        bool Differs,
        bool NeedsConfirmation);

    /// <summary>
    /// The DJG finding weighed against missing answers, age of the measurement, the person's own view and the
    /// professional's judgement (issue 16, docs/profile.md "Uncertainty, the person's view and the judgement").
    /// Never concludes "not lonely" from an uncertain, stale or disputed measurement without a judgement.
    /// </summary>
    private static Assessment Assess(ProfileInput input, Reader answers, ProfileRules rules, ProfileMeasurement? djg, LonelinessFinding measured)
    {
        var range = djg is null ? null : Questionnaires.DjgUncertainty.Of(djg.Score);
        var stale = djg is not null && djg.TakenOn.AddMonths(rules.StaleAfterMonths) < input.ConversationDate;
        var selfReport = answers.Choice("measurements.ons_direct");
        var recognises = answers.YesNo("measurements.recognised");
        var differs = measured.Severity is { } level && SelfReportRule.Differs(level, selfReport, recognises);
        var evidence = new List<Evidence>(measured.Evidence);
        if (djg is not null && range is { IsUncertain: true })
        {
            evidence.Add(new Evidence("score:" + djg.InstrumentId, string.Create(CultureInfo.InvariantCulture,
                $"{djg.Score.MissingItems} vragen zonder antwoord: de uitkomst ligt {range.DutchText} (totaal {range.LowTotal} tot {range.HighTotal}).")));
        }

        if (djg is not null && stale)
        {
            evidence.Add(new Evidence("score:" + djg.InstrumentId, string.Create(CultureInfo.InvariantCulture,
                $"De meting van {Dutch(djg.TakenOn)} is ouder dan {rules.StaleAfterMonths} maanden. Meet opnieuw of leg uw eigen oordeel vast.")));
        }

        if (differs)
        {
            if (recognises == false)
            {
                evidence.Add(answers.Evidence("measurements.recognised"));
            }

            if (selfReport is not null)
            {
                evidence.Add(answers.Evidence("measurements.ons_direct"));
            }
        }

        var finding = measured with { Evidence = evidence };
        var doubtful = measured.IsLonely == false && (range?.IsUncertain == true || stale || differs);
        if (input.Judgement is { } judgement)
        {
            finding = Judged(finding, judgement);
        }
        else if (doubtful)
        {
            finding = finding with { IsLonely = null, Type = null, Severity = null };
        }

        return new Assessment(finding, range, stale, selfReport, recognises, differs, doubtful && input.Judgement is null);
    }

    /// <summary>The professional's judgement overrides the derived type and severity and is kept as evidence.</summary>
    private static LonelinessFinding Judged(LonelinessFinding finding, ProfessionalJudgement judgement)
    {
        var type = judgement.Type ?? finding.Type;
        var severity = judgement.Severity ?? finding.Severity;
        if (judgement.Type == "none" && judgement.Severity is null)
        {
            severity = "not_lonely";
        }

        if (judgement.Severity == "not_lonely" && judgement.Type is null)
        {
            type = "none";
        }

        bool? isLonely = type == "none" || severity == "not_lonely" ? false : type is not null || severity is not null ? true : finding.IsLonely;
        var parts = new List<string>();
        if (judgement.Type is not null)
        {
            parts.Add(Vocabulary.Label(Vocabulary.LonelinessTypes, judgement.Type));
        }

        if (judgement.Severity is not null)
        {
            parts.Add(Vocabulary.Label(Vocabulary.Severities, judgement.Severity));
        }

        var what = parts.Count == 0 ? "bevestigt de uitkomst van de vragenlijst" : string.Join(", ", parts);
        var fact = $"Oordeel professional op {Dutch(judgement.Date)}: {what}. Reden: {judgement.Reason}";
        return finding with
        {
            IsLonely = isLonely,
            Type = type,
            Severity = severity,
            Evidence = [new Evidence("judgement", fact), .. finding.Evidence],
        };
    }

    /// <summary>
    /// Recent life events with their dates (JG-4, TF-6): <c>life_events.recent</c> with
    /// <c>life_events.recent_date.EVENT</c>, and a loss (<c>life_events.loss</c>) with its date as <c>bereaved</c>.
    /// </summary>
    private static List<LifeEventFinding> LifeEvents(Reader answers, DateOnly today)
    {
        var events = new List<LifeEventFinding>();
        foreach (var code in answers.Choices("life_events.recent"))
        {
            var dateCode = ConversationGuide.RecentDatePrefix + code;
            var date = answers.Date(dateCode) is { } d && d <= today ? d : (DateOnly?)null;
            List<Evidence> evidence = date is null ? [answers.Evidence("life_events.recent")] : [answers.Evidence("life_events.recent"), answers.Evidence(dateCode)];
            events.Add(new LifeEventFinding(code, date, date is { } known ? MonthsBetween(known, today) : null, evidence));
        }

        if (answers.Choice("life_events.loss") is "partner" or "other_close"
            && answers.Date("life_events.loss_date") is { } loss && loss <= today
            && !events.Any(e => e.Event == "bereaved" && e.Date is not null))
        {
            events.RemoveAll(e => e.Event == "bereaved");
            events.Add(new LifeEventFinding("bereaved", loss, MonthsBetween(loss, today), [answers.Evidence("life_events.loss"), answers.Evidence("life_events.loss_date")]));
        }

        return events;
    }

    /// <summary>Whole calendar months from <paramref name="from"/> to <paramref name="to"/>.</summary>
    internal static int MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return to.Day < from.Day ? months - 1 : months;
    }

    private sealed record LonelinessFinding(bool? IsLonely, string? Type, string? Severity, Djg11Score? Djg11, IReadOnlyList<Evidence> Evidence);

    /// <summary>
    /// The latest measurement with a total of either instrument, taken no later than the conversation (so a
    /// profile rebuilt later shows what was known then); on the same day <paramref name="preferred"/>.
    /// </summary>
    private static ProfileMeasurement? Latest(ProfileInput input, string preferred, string? alternative) =>
        input.Measurements
            .Where(m => m.InstrumentId == preferred || m.InstrumentId == alternative)
            .Where(m => m.TakenOn <= input.ConversationDate)
            .Where(m => m.Score.Total is not null)
            .OrderByDescending(m => m.TakenOn)
            .ThenBy(m => m.InstrumentId == preferred ? 0 : 1)
            .FirstOrDefault();

    private static LonelinessFinding Loneliness(ProfileMeasurement? djg)
    {
        if (djg is null || djg.Score.Total is not int total || djg.Score.Level is not { } level)
        {
            return new LonelinessFinding(null, null, null, null, []);
        }

        var isLonely = level.Code != "not_lonely";
        var emotional = djg.Score["emotional"] as int?;
        var social = djg.Score["social"] as int?;
        var name = djg.InstrumentId == "djg11" ? "De Jong Gierveld (11 vragen)" : "De Jong Gierveld (6 vragen)";
        var subscales = emotional is int e && social is int s
            ? string.Create(CultureInfo.InvariantCulture, $"; emotioneel {e}, sociaal {s}")
            : "; een deelscore ontbreekt";
        var evidence = new Evidence(
            "score:" + djg.InstrumentId,
            string.Create(CultureInfo.InvariantCulture, $"{name} op {Dutch(djg.TakenOn)}: totaal {total} ({Vocabulary.Label(Vocabulary.Severities, level.Code)}){subscales}."));
        var type = !isLonely ? "none" : TypeOf(djg, emotional, social);
        var djg11 = djg.InstrumentId == "djg11" && emotional is int e11 && social is int s11
            ? new Djg11Score(e11, s11)
            {
                MissingEmotional = djg.Score.MissingBySubscale.GetValueOrDefault("emotional"),
                MissingSocial = djg.Score.MissingBySubscale.GetValueOrDefault("social"),
            }
            : null;
        return new LonelinessFinding(isLonely, type, level.Code, djg11, [evidence]);
    }

    /// <summary>The type by the subscale flags of the scorer; lonely with neither subscale flagged is <c>undifferentiated</c>.</summary>
    private static string? TypeOf(ProfileMeasurement djg, int? emotional, int? social)
    {
        if (djg.Score["emotionally_lonely"] is not bool emotionallyLonely || djg.Score["socially_lonely"] is not bool sociallyLonely
            || emotional is not int e || social is not int s)
        {
            return null;
        }

        if (emotionallyLonely || sociallyLonely)
        {
            return emotionallyLonely && sociallyLonely ? "both" : emotionallyLonely ? "emotional" : "social";
        }

        // Issue 16 finding 5: below both subscale thresholds there is no type to read (VT-1).
        return "undifferentiated";
    }

    private static (string?, IReadOnlyList<Evidence>) Course(Reader answers, DateOnly today, ProfileRules rules)
    {
        var since = answers.Choice("duration.since");
        if (since is not null)
        {
            var chronic = since is "over_2_years" or "always";
            return (chronic ? "chronic" : "situational", [answers.Evidence("duration.since")]);
        }

        if (answers.Date("duration.start_date") is { } start && start <= today)
        {
            var chronic = start.AddMonths(rules.ChronicAfterMonths) <= today;
            return (chronic ? "chronic" : "situational", [answers.Evidence("duration.start_date")]);
        }

        return (null, []);
    }

    private static List<CauseFinding> Causes(Reader answers, List<LifeEventFinding> lifeEvents)
    {
        var codes = new List<(string Code, Evidence Evidence)>();
        var primary = answers.Choice("life_events.primary_cause");
        if (primary is not null)
        {
            codes.Add((primary, answers.Evidence("life_events.primary_cause")));
        }

        foreach (var chosen in answers.Choices("life_events.causes"))
        {
            codes.Add((chosen, answers.Evidence("life_events.causes")));
        }

        foreach (var (question, answer, cause) in DerivedCauses)
        {
            if (answers.Choice(question) == answer)
            {
                codes.Add((cause, answers.Evidence(question)));
            }
        }

        // A recorded move or retirement is the cause of the same name (issue 16 reconciles life events with causes).
        foreach (var lifeEvent in lifeEvents)
        {
            if (LifeEventCauses.TryGetValue(lifeEvent.Event, out var cause))
            {
                codes.Add((cause, lifeEvent.Evidence[0]));
            }
        }

        return codes
            .GroupBy(c => c.Code, StringComparer.Ordinal)
            .Select((g, index) => new CauseFinding(g.Key, index == 0, g.Select(c => c.Evidence).Distinct().ToList()))
            .ToList();
    }

    private static (bool?, IReadOnlyList<Evidence>) DailyContact(Reader answers, ConvoySnapshot? convoy)
    {
        var said = answers.YesNo("contacts.daily_contact");
        var evidence = new List<Evidence>();
        if (said is not null)
        {
            evidence.Add(answers.Evidence("contacts.daily_contact"));
        }

        bool? onMap = null;
        if (convoy is not null)
        {
            var dailyMembers = convoy.Members.Where(m => m.IsOwnNetwork && m.IsDaily).ToList();
            onMap = dailyMembers.Count > 0;
            evidence.Add(new Evidence(
                "convoy:" + Iso(convoy.Date),
                dailyMembers.Count > 0
                    ? $"Konvooikaart van {Dutch(convoy.Date)}: elke dag contact met {string.Join(", ", dailyMembers.Select(m => m.Name))}."
                    : $"Konvooikaart van {Dutch(convoy.Date)}: niemand uit de eigen kring heeft elke dag contact."));
        }

        bool? daily = said == true || onMap == true ? true : said is not null || onMap is not null ? false : null;
        return (daily, evidence);
    }

    private static void Flags(
        List<ProfileFlag> flags,
        ProfileInput input,
        Reader answers,
        ProfileRules rules,
        LonelinessFinding loneliness,
        bool? dailyContact,
        IReadOnlyList<Evidence> dailyEvidence,
        ProfileMeasurement? mastery,
        ProfileMeasurement? brs)
    {
        void Raise(string code, params Evidence[] evidence) => flags.Add(new ProfileFlag(code, FlagInsights[code], evidence));

        if (loneliness.IsLonely == false && WeeklyContacts(answers, input.Convoy) is { } weekly && weekly.Count <= rules.IsolatedMaxWeeklyContacts)
        {
            Raise("isolated_not_lonely", [.. loneliness.Evidence, .. weekly.Evidence]);
        }

        if (answers.YesNo("meaning.has_questions") == true && answers.Choice("meaning.from_missing_contact") == "no")
        {
            Raise("meaning_not_contact", answers.Evidence("meaning.has_questions"), answers.Evidence("meaning.from_missing_contact"));
        }

        if (answers.Choice("life_events.loss") is "partner" or "other_close"
            && answers.Date("life_events.loss_date") is { } lossDate
            && lossDate <= input.ConversationDate
            && lossDate.AddMonths(rules.RecentBereavementMonths) > input.ConversationDate)
        {
            Raise("recent_bereavement", answers.Evidence("life_events.loss"), answers.Evidence("life_events.loss_date"));
        }

        if (answers.YesNo("living.lives_alone") == true && dailyContact == false)
        {
            Raise("no_daily_contact", [answers.Evidence("living.lives_alone"), .. dailyEvidence]);
        }

        if (mastery is { InstrumentId: "mastery7-ggd", Score.Total: int masteryTotal } && masteryTotal <= rules.LowMasteryMaxTotal)
        {
            Raise("low_mastery", new Evidence(
                "score:mastery7-ggd",
                string.Create(CultureInfo.InvariantCulture, $"Regie over eigen leven op {Dutch(mastery.TakenOn)}: totaal {masteryTotal}; {rules.LowMasteryMaxTotal} of minder is onvoldoende eigen regie.")));
        }

        if (brs is { Score.Level.Code: "low" })
        {
            var mean = brs.Score["mean"] is double m ? m.ToString("0.00", CultureInfo.InvariantCulture) : "?";
            Raise("low_resilience", new Evidence("score:brs", $"Veerkracht (BRS) op {Dutch(brs.TakenOn)}: gemiddeld {mean}; onder 3,00 is lage veerkracht."));
        }

        RaiseIfYes(flags, answers, "financial_worries", "circumstances.money_worries");
        RaiseIfYes(flags, answers, "disability", "health.has_disability");
        RaiseIfYes(flags, answers, "memory_concerns", "health.memory_concerns");

        if (input.Age is int age)
        {
            var ageEvidence = new Evidence("person:age", string.Create(CultureInfo.InvariantCulture, $"Leeftijd: {age} jaar."));
            if (age < rules.YouthBelowAge)
            {
                Raise("youth", ageEvidence);
            }

            if (age >= rules.OlderMigrantFromAge && answers.YesNo("circumstances.migration_background") == true)
            {
                Raise("older_migrant", ageEvidence, answers.Evidence("circumstances.migration_background"));
            }
        }
    }

    private static void RaiseIfYes(List<ProfileFlag> flags, Reader answers, string flag, string question)
    {
        if (answers.YesNo(question) == true)
        {
            flags.Add(new ProfileFlag(flag, FlagInsights[flag], [answers.Evidence(question)]));
        }
    }

    /// <summary>The higher of the two weekly-contact counts that are known, so a known contact is never ignored.</summary>
    private static (int Count, List<Evidence> Evidence)? WeeklyContacts(Reader answers, ConvoySnapshot? convoy)
    {
        int? count = null;
        var evidence = new List<Evidence>();
        if (answers.Number("contacts.weekly_count") is int said && said >= 0)
        {
            count = said;
            evidence.Add(answers.Evidence("contacts.weekly_count"));
        }

        if (convoy is not null)
        {
            var onMap = convoy.Metrics.WeeklyContacts;
            count = Math.Max(count ?? 0, onMap);
            evidence.Add(new Evidence(
                "convoy:" + Iso(convoy.Date),
                string.Create(CultureInfo.InvariantCulture, $"Konvooikaart van {Dutch(convoy.Date)}: {onMap} mensen uit de eigen kring met minstens elke week contact.")));
        }

        return count is int c ? (c, evidence) : null;
    }

    private static PersonPreferences Preferences(Reader answers)
    {
        var wanted = answers.Choice("relationships.wanted_amount");
        return new PersonPreferences
        {
            Setting = answers.Choice("preferences.setting") is "individual" or "group" ? answers.Choice("preferences.setting") : null,
            Modes = answers.Choices("preferences.modes"),
            Times = answers.Choices("preferences.times"),
            Transport = answers.Choice("preferences.transport"),
            Language = answers.Language("preferences.language"),
            FewContactsWanted = wanted is null ? null : wanted == "few",
        };
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Dutch(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>Reads answers through the guide, so a malformed value counts as not answered.</summary>
    private sealed class Reader(ConversationAnswers answers)
    {
        public bool? YesNo(string code) => answers.YesNo(code);

        public string? Choice(string code) =>
            answers.Text(code) is { } value && Question(code).HasOption(value) ? value : null;

        public List<string> Choices(string code)
        {
            var question = Question(code);
            return answers.Choices(code).Where(question.HasOption).ToList();
        }

        public DateOnly? Date(string code) => answers.Date(code);

        public int? Number(string code)
        {
            var question = Question(code);
            return answers.Number(code) is int n && n >= question.Min && n <= question.Max ? n : null;
        }

        public string? Language(string code) =>
            answers.Text(code) is { Length: 2 } value && value.All(c => c is >= 'a' and <= 'z') ? value : null;

        /// <summary>The question and the given answer in plain Dutch, with option labels.</summary>
        public Evidence Evidence(string code)
        {
            var question = Question(code);
            var shown = answers.Raw(code).Select(v => question.Options.FirstOrDefault(o => o.Code == v)?.Label ?? v);
            return new Evidence("answer:" + code, $"{question.Text} Antwoord: {string.Join(", ", shown)}.");
        }

        private static GuideQuestion Question(string code) =>
            ConversationGuide.FindQuestion(code) ?? throw new InvalidOperationException($"The guide has no question '{code}'.");
    }
}
