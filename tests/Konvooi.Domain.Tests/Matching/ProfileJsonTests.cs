using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Tests.Matching;

public sealed class ProfileJsonTests
{
    private static Profile ReadOk(string json) =>
        Assert.IsType<ReadResult<Profile>.Success>(ProfileJson.Read(json)).Value;

    private static List<string> ReadProblems(string json) =>
        Assert.IsType<ReadResult<Profile>.Failure>(ProfileJson.Read(json)).Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void Read_EveryField_FillsTheProfile()
    {
        var profile = ReadOk("""
            {"version":1,"age":82,"livesAlone":true,"dailyContact":false,"djg11":{"emotional":5,"social":4},
             "type":"both","severity":"severely_lonely","course":"chronic","causes":["partner_loss","moved"],
             "coping":"look_inward","preferences":{"setting":"individual","modes":["home_visit"],"language":"nl","fewContactsWanted":true},
             "flags":["no_daily_contact"],"droppedOut":[{"intervention":"buddy","reason":"did_not_feel_at_home"}]}
            """);

        Assert.Equal(82, profile.Age);
        Assert.True(profile.LivesAlone);
        Assert.False(profile.DailyContact);
        Assert.Equal(new Djg11Score(5, 4), profile.Djg11);
        Assert.Equal("both", profile.Type);
        Assert.Equal("severely_lonely", profile.Severity);
        Assert.Equal("chronic", profile.Course);
        Assert.Equal(["partner_loss", "moved"], profile.Causes);
        Assert.Equal("look_inward", profile.Coping);
        Assert.Equal("individual", profile.Preferences.Setting);
        Assert.Equal(["home_visit"], profile.Preferences.Modes);
        Assert.Equal("nl", profile.Preferences.Language);
        Assert.True(profile.Preferences.FewContactsWanted);
        Assert.Equal(["no_daily_contact"], profile.Flags);
        Assert.Equal([new Dropout("buddy", "did_not_feel_at_home")], profile.DroppedOut);
        Assert.True(profile.DroppedOut[0].IsMisfit);
    }

    [Fact]
    public void Read_EmptyObject_EverythingUnknown()
    {
        var profile = ReadOk("{}");

        Assert.Null(profile.Age);
        Assert.Null(profile.Djg11);
        Assert.Empty(profile.Causes);
        Assert.Null(profile.Preferences.Setting);
    }

    [Fact]
    public void Read_UnknownFieldsAndNulls_AreIgnored()
    {
        var profile = ReadOk("""{"name":"not used","coping":null,"preferences":{"setting":null,"colour":"blue"},"extra":{"a":[1]}}""");

        Assert.Null(profile.Coping);
        Assert.Null(profile.Preferences.Setting);
    }

    [Fact]
    public void Read_ByteOrderMark_IsAccepted()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes("""{"age":40}""")).ToArray();

        var result = ProfileJson.Read(bytes);

        Assert.Equal(40, Assert.IsType<ReadResult<Profile>.Success>(result).Value.Age);
    }

    [Fact]
    public void Read_ManyProblems_ReportsEveryOneWithPathReasonAndValue()
    {
        var problems = ReadProblems("""
            {"version":3,"age":130,"livesAlone":"yes","djg11":{"emotional":7},"course":"sometimes",
             "causes":["partner_loss","loneliness"],"coping":["distraction"],
             "preferences":{"setting":"both","modes":"phone","language":"NL","fewContactsWanted":1},
             "flags":["youth",3],"droppedOut":[{"intervention":"buddy","reason":"bored"},{"reason":"cost"},"x"]}
            """);

        Assert.Equal(
        [
            "$.version: must be between 1 and 2 (got 3)",
            "$.age: must be between 0 and 120 (got 130)",
            "$.livesAlone: must be true or false (got \"yes\")",
            "$.djg11.emotional: must be between 0 and 6 (got 7)",
            "$.djg11.social: is required",
            "$.course: must be a known course code (situational, chronic) (got \"sometimes\")",
            "$.causes[1]: must be a known cause code (partner_loss, other_bereavement, relationship_quality, divorce_separation, health_decline, disability, cognitive_decline, moved, retirement_or_job_loss, children_far_or_none, caregiving_burden, financial_worries, migration_language, feeling_different, social_skills, unrealistic_expectations, lost_daily_rhythm, lost_meaningful_role, digital_exclusion, life_phase_identity) (got \"loneliness\")",
            "$.coping: must be a known coping code (distraction, strengthen_existing_contacts, new_contacts, adjust_expectations, look_inward) (got [\"distraction\"])",
            "$.preferences.setting: must be a known setting code (individual, group) (got \"both\")",
            "$.preferences.modes: must be an array of mode codes (got \"phone\")",
            "$.preferences.language: must be a two-letter ISO 639-1 code in lower case, such as nl (got \"NL\")",
            "$.preferences.fewContactsWanted: must be true or false (got 1)",
            "$.flags[1]: must be a known flag code (isolated_not_lonely, meaning_not_contact, recent_bereavement, no_daily_contact, low_mastery, low_resilience, financial_worries, disability, older_migrant, youth, memory_concerns) (got 3)",
            "$.droppedOut[0].reason: must be a known dropout reason code (mismatch_expectations, did_not_feel_at_home, health, transport_or_distance, cost, shame_or_stigma, waiting_list, moved, no_longer_needed, intervention_stopped, other) (got \"bored\")",
            "$.droppedOut[1].intervention: is required",
            "$.droppedOut[2]: must be an object (got \"x\")",
        ], problems);
    }

    [Fact]
    public void Read_BadV2Fields_ReportsEveryOne()
    {
        // Issue 16: bad v2 input names every bad field, as v1 does.
        var problems = ReadProblems("""
            {"version":2,"djg11":{"emotional":2,"social":1,"missingEmotional":2,"missingSocial":-1},
             "who5":{"raw":26},"deathWish":"yes","selfReport":"sometimes","recognisesScore":0,
             "lifeEvents":[{"event":"divorce","monthsAgo":3},{"event":"moved"},{"event":"moved","monthsAgo":-1}],
             "misfitOverrides":[{"intervention":"buddy","reason":" "},{"reason":"x"}],"type":"mixed"}
            """);

        Assert.Equal(
        [
            "$.djg11.missingEmotional: must be between 0 and 1 (got 2)",
            "$.djg11.missingSocial: must be between 0 and 1 (got -1)",
            "$.type: must be a known loneliness type code (none, emotional, social, both, undifferentiated) (got \"mixed\")",
            "$.who5.raw: must be between 0 and 25 (got 26)",
            "$.deathWish: must be true or false (got \"yes\")",
            "$.selfReport: must be a known ONS direct answer code (often_always, some_of_the_time, occasionally, hardly_ever, never) (got \"sometimes\")",
            "$.recognisesScore: must be true or false (got 0)",
            "$.lifeEvents[0].event: must be a known life event code (bereaved, moved, retired_or_job_loss, partner_to_care, became_carer, children_left) (got \"divorce\")",
            "$.lifeEvents[1].monthsAgo: is required",
            "$.lifeEvents[2].monthsAgo: must be between 0 and 1200 (got -1)",
            "$.misfitOverrides[0].reason: must not be empty (got \" \")",
            "$.misfitOverrides[1].intervention: is required",
        ], problems);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"version\":1,\"djg11\":{\"emotional\":1,\"social\":1}}")]
    [InlineData("{\"version\":2,\"djg11\":{\"emotional\":1,\"social\":1,\"missingEmotional\":1,\"missingSocial\":1}}")]
    public void Read_NoVersionV1OrV2_Accepted(string json)
    {
        Assert.IsType<ReadResult<Profile>.Success>(ProfileJson.Read(json));
    }

    [Fact]
    public void Write_V2Fields_RoundTrip()
    {
        var profile = new Profile
        {
            Djg11 = new Djg11Score(1, 1) { MissingEmotional = 1, MissingSocial = 1 },
            Who5 = new Who5Score(6),
            DeathWish = true,
            SelfReport = "often_always",
            RecognisesScore = false,
            LifeEvents = [new LifeEvent("bereaved", 10), new LifeEvent("moved", 0)],
            MisfitOverrides = [new MisfitOverride("buddy_lindenhaven", "Andere vrijwilliger.")],
        };

        var json = ProfileJson.Write(profile);
        var read = Assert.IsType<ReadResult<Profile>.Success>(ProfileJson.Read(json)).Value;

        Assert.Equal(json, ProfileJson.Write(read));
        Assert.Equal(1, read.Djg11!.MissingSocial);
        Assert.Equal(6, read.Who5!.Raw);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Konvooi.Domain.Tests.Profiles.SchemaAssert.Conforms(document.RootElement);
    }

    [Theory]
    [InlineData("[]", "$: must be an object (got [])")]
    [InlineData("{\"age\":", "$: not valid JSON at line 1, position 8")]
    [InlineData("{\"age\": 4.5}", "$.age: must be a whole number (got 4.5)")]
    [InlineData("{\"djg11\": [1,2]}", "$.djg11: must be an object (got [1,2])")]
    [InlineData("{\"age\": 40,}", "$: not valid JSON at line 1, position 12")]
    public void Read_BadShape_ReportsProblem(string json, string expected)
    {
        Assert.Equal([expected], ReadProblems(json));
    }

    [Fact]
    public void Write_ThenRead_GivesAnEqualProfile()
    {
        var profile = new Profile
        {
            Age = 58,
            Djg11 = new Djg11Score(5, 3),
            Course = "chronic",
            Causes = ["feeling_different"],
            Preferences = new ProfilePreferences { Modes = ["in_person"], FewContactsWanted = false },
            Flags = ["disability"],
            DroppedOut = [new Dropout("friendship_course", "health")],
        };

        var again = ReadOk(ProfileJson.Write(profile));

        Assert.Equal(ProfileJson.Write(profile), ProfileJson.Write(again));
        Assert.Equal(profile.Djg11, again.Djg11);
    }

    [Fact]
    public void SchemaFile_ListsEveryCodeTheReaderAccepts()
    {
        var schema = File.ReadAllText(TestData.Repository("docs", "profile.schema.json"));

        foreach (var code in Vocabulary.Causes.Keys.Concat(Vocabulary.Coping.Keys).Concat(Vocabulary.Flags.Keys)
                     .Concat(Vocabulary.DropoutReasons.Keys).Concat(Vocabulary.Modes.Keys).Concat(Vocabulary.Severities.Keys))
        {
            Assert.Contains($"\"{code}\"", schema, StringComparison.Ordinal);
        }
    }
}
