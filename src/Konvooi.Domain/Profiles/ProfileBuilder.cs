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

        var loneliness = Loneliness(djg);
        var (course, courseEvidence) = loneliness.IsLonely == false ? (null, []) : Course(answers, input.ConversationDate, rules);
        var causes = loneliness.IsLonely == false ? [] : Causes(answers);
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
            Course = course,
            CourseEvidence = courseEvidence,
            Causes = causes,
            Coping = answers.Choice("coping.preferred"),
            Preferences = Preferences(answers),
            Flags = flags.OrderBy(f => f.Code, StringComparer.Ordinal).ToList(),
            WellbeingLevel = who5?.Score.Level?.Code,
            DroppedOut = input.DroppedOut,
        };
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
        var djg11 = djg.InstrumentId == "djg11" && emotional is int e11 && social is int s11 ? new Djg11Score(e11, s11) : null;
        return new LonelinessFinding(isLonely, type, level.Code, djg11, [evidence]);
    }

    /// <summary>The type by the subscale flags of the scorer, and otherwise the larger share of the subscale maximum.</summary>
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

        var (emotionalMax, socialMax) = djg.InstrumentId == "djg11" ? (6, 5) : (3, 3);
        var emotionalShare = e * socialMax;
        var socialShare = s * emotionalMax;
        return emotionalShare == socialShare ? "both" : emotionalShare > socialShare ? "emotional" : "social";
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

    private static List<CauseFinding> Causes(Reader answers)
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
