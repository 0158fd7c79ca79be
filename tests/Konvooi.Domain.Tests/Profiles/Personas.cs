using Konvooi.Domain.Conversations;
using Konvooi.Domain.Convoy;
using Konvooi.Domain.Profiles;

namespace Konvooi.Domain.Tests.Profiles;

/// <summary>A realistic, fictional person with the profile docs/profile.md says they must get.</summary>
internal sealed record Persona(
    string Name,
    ProfileInput Input,
    string? Type,
    string? Severity,
    string? Course,
    string[] Causes,
    string[] Flags);

/// <summary>
/// The persona table. Conversation date 2 March 2026 for everyone; measurements a week earlier.
/// Expected values follow the thresholds of docs/profile.md.
/// </summary>
internal static class Personas
{
    public static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateOnly Measured = new(2026, 2, 23);

    public static IReadOnlyList<Persona> All { get; } =
    [
        new(
            "widow_82_alone_without_daily_contact",
            new ProfileInput
            {
                ConversationDate = Today,
                Age = 82,
                Measurements = [Measure.Djg11(5, 4, Measured), Measure.Who5("less_than_half", Measured)],
                Answers = Answers(
                    ("living.lives_alone", "yes"),
                    ("contacts.daily_contact", "no"),
                    ("life_events.loss", "partner"),
                    ("life_events.loss_date", "2025-06-10"), // almost 9 months: not recent (TF-6, 6 months)
                    ("life_events.primary_cause", "partner_loss"),
                    ("life_events.causes", "partner_loss,children_far_or_none,health_decline"),
                    ("duration.since", "6_to_24_months"),
                    ("coping.preferred", "strengthen_existing_contacts"),
                    ("preferences.setting", "individual"),
                    ("preferences.modes", "home_visit,in_person")),
                Convoy = new ConvoySnapshot(Today,
                [
                    Member("1", "Ineke", "child", ConvoyCodes.Close, "weekly", received: ["emotional"]),
                    Member("2", "buurvrouw", "neighbour", ConvoyCodes.Further, "weekly", light: true),
                    Member("3", "thuishulp", "professional", ConvoyCodes.Further, "daily"),
                ]),
            },
            "both", "severely_lonely", "situational",
            ["partner_loss", "children_far_or_none", "health_decline"],
            ["no_daily_contact"]),

        new(
            "student_20_identity",
            new ProfileInput
            {
                ConversationDate = Today,
                Age = 20,
                Measurements = [Measure.Djg11(2, 4, Measured)],
                Answers = Answers(
                    ("living.lives_alone", "yes"),
                    ("living.home", "student_room"),
                    ("contacts.daily_contact", "yes"),
                    ("youth.daytime", "study"),
                    ("youth.identity", "yes"),
                    ("youth.fits_in", "no"),
                    ("life_events.primary_cause", "life_phase_identity"),
                    ("life_events.causes", "moved"),
                    ("duration.since", "under_6_months"),
                    ("coping.preferred", "new_contacts"),
                    ("preferences.setting", "group")),
            },
            "social", "moderately_lonely", "situational",
            ["life_phase_identity", "moved"],
            ["youth"]),

        new(
            "man_58_glass_wall_psychiatric_disability",
            new ProfileInput
            {
                ConversationDate = Today,
                Age = 58,
                Measurements = [Measure.Djg11(5, 3, Measured), Measure.MasteryGgd("strongly_agree", Measured)],
                Answers = Answers(
                    ("living.lives_alone", "yes"),
                    ("contacts.daily_contact", "yes"),
                    ("duration.since", "always"),
                    ("duration.feels_different", "yes"),
                    ("health.has_disability", "yes"),
                    ("health.disability_kinds", "psychiatric"),
                    ("life_events.primary_cause", "feeling_different"),
                    ("life_events.causes", "disability"),
                    ("interests.topics", "creative,music"),
                    ("coping.preferred", "look_inward")),
            },
            "both", "moderately_lonely", "chronic",
            ["feeling_different", "disability"],
            ["disability", "low_mastery"]),

        new(
            "woman_70_many_contacts_poor_marriage",
            new ProfileInput
            {
                ConversationDate = Today,
                Age = 70,
                Measurements = [Measure.Djg11(4, 0, Measured)],
                Answers = Answers(
                    ("living.lives_alone", "no"),
                    ("living.household", "partner"),
                    ("contacts.daily_contact", "yes"),
                    ("contacts.weekly_count", "12"),
                    ("partner.has_partner", "yes"),
                    ("partner.quality", "poor"),
                    ("partner.alone_together", "yes"),
                    ("relationships.quality", "deeper"),
                    ("duration.start_date", "2023-01-15")), // more than 24 months ago
            },
            "emotional", "moderately_lonely", "chronic",
            ["relationship_quality"],
            []),

        new(
            "moroccan_migrant_68_money_worries",
            new ProfileInput
            {
                ConversationDate = Today,
                Age = 68,
                Measurements = [Measure.Djg11(4, 3, Measured), Measure.Who5("less_than_half", Measured)],
                Answers = Answers(
                    ("living.lives_alone", "no"),
                    ("living.household", "partner"),
                    ("circumstances.money_worries", "yes"),
                    ("circumstances.migration_background", "yes"),
                    ("circumstances.country", "Marokko"),
                    ("circumstances.dutch_difficult", "yes"),
                    ("life_events.primary_cause", "migration_language"),
                    ("life_events.causes", "migration_language,financial_worries"),
                    ("duration.since", "over_2_years"),
                    ("preferences.language", "ar"),
                    ("preferences.setting", "group")),
            },
            "both", "moderately_lonely", "chronic",
            ["migration_language", "financial_worries"],
            ["financial_worries", "older_migrant"]),

        new(
            "isolated_but_content_75",
            new ProfileInput
            {
                ConversationDate = Today,
                Age = 75,
                Measurements = [Measure.Djg11(1, 1, Measured)],
                Answers = Answers(
                    ("living.lives_alone", "yes"),
                    ("contacts.daily_contact", "no"),
                    ("contacts.weekly_count", "1"),
                    ("relationships.satisfied", "yes"),
                    ("relationships.wanted_amount", "few"),
                    ("life_events.causes", "moved"), // not lonely: the profile names no causes
                    ("duration.since", "over_2_years")),
                Convoy = new ConvoySnapshot(Today,
                [
                    Member("1", "broer", "sibling", ConvoyCodes.Close, "monthly"),
                    Member("2", "bakker", "shopkeeper", ConvoyCodes.Further, "weekly", light: true),
                ]),
            },
            "none", "not_lonely", null,
            [],
            ["isolated_not_lonely", "no_daily_contact"]),

        new(
            "recent_widower_66",
            new ProfileInput
            {
                ConversationDate = Today,
                Age = 66,
                Measurements = [Measure.Djg11(4, 1, Measured)],
                Answers = Answers(
                    ("living.lives_alone", "yes"),
                    ("life_events.loss", "partner"),
                    ("life_events.loss_date", "2026-01-10"),
                    ("duration.since", "under_6_months"),
                    ("coping.preferred", "distraction")),
                Convoy = new ConvoySnapshot(Today,
                [
                    Member("1", "Tom", "child", ConvoyCodes.Closest, "daily", received: ["emotional", "practical"]),
                ]),
            },
            "emotional", "moderately_lonely", "situational",
            ["partner_loss"],
            ["recent_bereavement"]),

        new(
            "young_carer_17",
            new ProfileInput
            {
                ConversationDate = Today,
                Age = 17,
                Measurements = [Measure.Djg11(3, 3, Measured), Measure.Brs(low: true, Measured)],
                Answers = Answers(
                    ("living.lives_alone", "no"),
                    ("living.household", "parents"),
                    ("circumstances.heavy_care", "yes"),
                    ("youth.daytime", "school"),
                    ("youth.fits_in", "no"),
                    ("life_events.primary_cause", "caregiving_burden"),
                    ("duration.since", "6_to_24_months")),
            },
            "both", "moderately_lonely", "situational",
            ["caregiving_burden"],
            ["low_resilience", "youth"]),

        new(
            "man_79_memory_concerns",
            new ProfileInput
            {
                ConversationDate = Today,
                Age = 79,
                Measurements = [Measure.Djg11(3, 1, Measured)],
                Answers = Answers(
                    ("living.lives_alone", "no"),
                    ("health.memory_concerns", "yes"),
                    ("daily_life.lost_rhythm", "yes"),
                    ("life_events.primary_cause", "cognitive_decline"),
                    ("life_events.causes", "health_decline")),
            },
            "emotional", "moderately_lonely", null,
            ["cognitive_decline", "health_decline", "lost_daily_rhythm"],
            ["memory_concerns"]),

        new(
            "woman_85_meaning_not_contact",
            new ProfileInput
            {
                ConversationDate = Today,
                Age = 85,
                // Total 3: lonely, but neither subscale reaches 3: undifferentiated (issue 16 replaced the share rule).
                Measurements = [Measure.Djg11(2, 1, Measured)],
                Answers = Answers(
                    ("living.lives_alone", "yes"),
                    ("contacts.daily_contact", "yes"),
                    ("meaning.has_questions", "yes"),
                    ("meaning.from_missing_contact", "no"),
                    ("meaning.topics", "decline,purpose"),
                    ("life_events.causes", "lost_meaningful_role"),
                    ("duration.since", "over_2_years")),
            },
            "undifferentiated", "moderately_lonely", "chronic",
            ["lost_meaningful_role"],
            ["meaning_not_contact"]),

        new(
            "single_parent_38_djg6",
            new ProfileInput
            {
                ConversationDate = Today,
                Age = 38,
                Measurements = [Measure.Djg6(1, 2, Measured)],
                Answers = Answers(
                    ("living.lives_alone", "no"),
                    ("living.household", "children"),
                    ("circumstances.money_worries", "yes"),
                    ("life_events.causes", "divorce_separation,financial_worries"),
                    ("duration.start_date", "2025-05-01")),
            },
            "both", "moderately_lonely", "situational",
            ["divorce_separation", "financial_worries"],
            ["financial_worries"]),

        new(
            "retired_man_67_low_mastery_and_resilience",
            new ProfileInput
            {
                ConversationDate = Today,
                Age = 67,
                Measurements = [Measure.Djg11(0, 4, Measured), Measure.MasteryGgd("strongly_agree", Measured), Measure.Brs(low: true, Measured)],
                Answers = Answers(
                    ("living.lives_alone", "yes"),
                    ("contacts.daily_contact", "no"), // the convoy shows a daily friend, so daily contact is known
                    ("life_events.primary_cause", "retirement_or_job_loss"),
                    ("duration.since", "6_to_24_months")),
                Convoy = new ConvoySnapshot(Today,
                [
                    Member("1", "Henk", "friend", ConvoyCodes.Close, "daily"),
                ]),
            },
            "social", "moderately_lonely", "situational",
            ["retirement_or_job_loss"],
            ["low_mastery", "low_resilience"]),

        new(
            "woman_90_very_severe_chronic",
            new ProfileInput
            {
                ConversationDate = Today,
                Age = 90,
                Measurements = [Measure.Djg11(6, 5, Measured)],
                Answers = Answers(
                    ("living.lives_alone", "yes"),
                    ("life_events.causes", "children_far_or_none"),
                    ("duration.since", "always")),
                Convoy = new ConvoySnapshot(Today, []),
            },
            "both", "very_severely_lonely", "chronic",
            ["children_far_or_none"],
            ["no_daily_contact"]),

        new(
            "man_45_before_any_measurement",
            new ProfileInput { ConversationDate = Today, Age = 45 },
            null, null, null,
            [],
            []),
    ];

    public static Persona Get(string name) => All.Single(p => p.Name == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var persona in All)
        {
            data.Add(persona.Name);
        }

        return data;
    }

    private static ConversationAnswers Answers(params (string Code, string Value)[] values) =>
        ConversationAnswers.From(values.Select(v => KeyValuePair.Create(v.Code, v.Value)));

    private static ConvoyMember Member(string id, string name, string relation, string circle, string frequency, bool light = false, string[]? received = null) =>
        new(id, name)
        {
            Relation = relation,
            Circle = circle,
            Frequency = frequency,
            Modes = ["in_person"],
            SupportReceived = received ?? [],
            IsLightContact = light,
        };
}
