using System.Text.Json;

namespace Konvooi.Cli.Tests;

/// <summary>
/// Profile contract v2 through <c>konvooi match</c> (issue 16; docs/profile.schema.json, docs/matching.md):
/// the personas give the same advice as in the domain tests.
/// </summary>
public sealed class MatchCommandV2Tests
{
    [Theory]
    // Two refused DJG-11 answers: "tussen niet eenzaam en matig eenzaam" (VT-1; issue finding 2).
    [InlineData("""{"version":2,"djg11":{"emotional":1,"social":0,"missingEmotional":1,"missingSocial":1},"causes":["moved"]}""", "severity_uncertain")]
    // A WHO-5 of 6: likely depression, discuss with the GP or POH-GGZ (VT-2).
    [InlineData("""{"version":2,"djg11":{"emotional":4,"social":1},"who5":{"raw":6}}""", "mood_referral")]
    // The ONS direct answer "vaak of altijd" against DJG "niet eenzaam" (AM-1).
    [InlineData("""{"version":2,"djg11":{"emotional":1,"social":1},"selfReport":"often_always"}""", "self_report_differs")]
    [InlineData("""{"version":2,"djg11":{"emotional":5,"social":4},"recognisesScore":false}""", "self_report_differs")]
    // A 79-year-old, partner died 10 months ago, just moved, not lonely (JG-4, AM-5, TF-6).
    [InlineData("""{"version":2,"age":79,"livesAlone":true,"djg11":{"emotional":1,"social":0},"lifeEvents":[{"event":"bereaved","monthsAgo":10},{"event":"moved","monthsAgo":0}]}""", "prevention_offer")]
    public async Task Match_V2Persona_GivesTheAdvice(string profile, string advice)
    {
        var run = await CliRunner.RunWithInputAsync(profile, "match", "--profile", "-");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StdOut);
        Assert.Contains(advice, AdviceCodes(json));
    }

    [Fact]
    public async Task Match_DeathWish_SafetyFirstIsTheFirstAdvice()
    {
        var run = await CliRunner.RunWithInputAsync(
            """{"version":2,"djg11":{"emotional":5,"social":4},"who5":{"raw":4},"deathWish":true,"causes":["partner_loss"]}""",
            "match", "--profile", "-");

        using var json = JsonDocument.Parse(run.StdOut);
        Assert.Equal(["safety_first", "mood_referral"], AdviceCodes(json).Take(2));
    }

    [Fact]
    public async Task Match_UncertainNotLonely_LonelinessOffersNotExcluded()
    {
        var run = await CliRunner.RunWithInputAsync(
            """{"version":2,"djg11":{"emotional":1,"social":0,"missingEmotional":1,"missingSocial":1},"causes":["moved"]}""",
            "match", "--profile", "-");

        using var json = JsonDocument.Parse(run.StdOut);
        Assert.DoesNotContain(json.RootElement.GetProperty("excluded").EnumerateArray(), e => e.GetProperty("rule").GetString() == "not_lonely");
        Assert.NotEqual(0, json.RootElement.GetProperty("suggestions").GetArrayLength());
    }

    [Fact]
    public async Task Match_Prevention_OnlyPreventionAimedSuggestions()
    {
        var run = await CliRunner.RunWithInputAsync(
            """{"version":2,"age":79,"livesAlone":true,"djg11":{"emotional":1,"social":0},"lifeEvents":[{"event":"bereaved","monthsAgo":10},{"event":"moved","monthsAgo":0}]}""",
            "match", "--profile", "-");

        using var json = JsonDocument.Parse(run.StdOut);
        var aims = json.RootElement.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("aim").GetString()).ToList();
        Assert.True(aims.Count >= 3);
        Assert.All(aims, aim => Assert.Equal("prevention", aim));
    }

    [Fact]
    public async Task Match_PreventionButFewerContactsWanted_NothingOffered()
    {
        // VT-4: the wish for fewer contacts is respected.
        var run = await CliRunner.RunWithInputAsync(
            """{"version":2,"age":79,"livesAlone":true,"djg11":{"emotional":1,"social":0},"preferences":{"fewContactsWanted":true},"lifeEvents":[{"event":"moved","monthsAgo":1}]}""",
            "match", "--profile", "-");

        using var json = JsonDocument.Parse(run.StdOut);
        Assert.Equal(0, json.RootElement.GetProperty("suggestions").GetArrayLength());
        Assert.DoesNotContain("prevention_offer", AdviceCodes(json));
    }

    [Fact]
    public async Task Match_BelowBothSubscaleThresholds_UndifferentiatedWithoutTypeFit()
    {
        // Issue finding 5: emotional 2 / social 2 is not "social"; no type_fit points.
        var run = await CliRunner.RunWithInputAsync("""{"version":2,"djg11":{"emotional":2,"social":2}}""", "match", "--profile", "-");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.StdOut);
        Assert.DoesNotContain(
            json.RootElement.GetProperty("suggestions").EnumerateArray().SelectMany(s => s.GetProperty("reasons").EnumerateArray()),
            r => r.GetProperty("rule").GetString() == "type_fit");
    }

    [Fact]
    public async Task Match_SameCatalogueTypeAsAMisfitDropout_ExcludedUnlessOverridden()
    {
        // RK-5: the catalogue's type field; an override needs a reason.
        var catalogue = Path.Combine(Path.GetTempPath(), $"konvooi-catalogue-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(catalogue, """
            {"version":"t1","interventions":[
             {"id":"buddy","name":"Maatje","description":"Een vaste vrijwilliger.","aim":"loneliness_emotional","causes":["partner_loss"],
              "elements":["meaningful_contact"],"setting":"individual","mode":"home_visit","intensity":"medium","recognition":"none"},
             {"id":"buddy_west","type":"buddy","name":"Maatje West","description":"Een vaste vrijwilliger in West.","aim":"loneliness_emotional","causes":["partner_loss"],
              "elements":["meaningful_contact"],"setting":"individual","mode":"home_visit","intensity":"medium","recognition":"none"}]}
            """);
        const string Dropped = """{"version":2,"djg11":{"emotional":4,"social":1},"causes":["partner_loss"],"droppedOut":[{"intervention":"buddy","reason":"did_not_feel_at_home"}]""";
        try
        {
            var excluded = await CliRunner.RunWithInputAsync(Dropped + "}", "match", "--profile", "-", "--catalogue", catalogue);
            var overridden = await CliRunner.RunWithInputAsync(
                Dropped + ""","misfitOverrides":[{"intervention":"buddy_west","reason":"Andere vrijwilliger."}]}""", "match", "--profile", "-", "--catalogue", catalogue);

            using var excludedJson = JsonDocument.Parse(excluded.StdOut);
            using var overriddenJson = JsonDocument.Parse(overridden.StdOut);
            Assert.Equal(["buddy", "buddy_west"], excludedJson.RootElement.GetProperty("excluded").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
            Assert.Equal("buddy_west", overriddenJson.RootElement.GetProperty("suggestions")[0].GetProperty("id").GetString());
        }
        finally
        {
            File.Delete(catalogue);
        }
    }

    [Fact]
    public async Task Match_BadV2Input_ExitsOneNamingEveryBadField()
    {
        var run = await CliRunner.RunWithInputAsync(
            """{"version":2,"djg11":{"emotional":1,"social":1,"missingEmotional":2},"who5":{"raw":30},"deathWish":"ja","selfReport":"vaak","lifeEvents":[{"event":"divorce","monthsAgo":3}]}""",
            "match", "--profile", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StdOut);
        Assert.Contains("$.djg11.missingEmotional: must be between 0 and 1 (got 2)", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("$.who5.raw: must be between 0 and 25 (got 30)", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("$.deathWish: must be true or false (got \"ja\")", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("$.selfReport:", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("$.lifeEvents[0].event:", run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"djg11":{"emotional":4,"social":1}}""")]
    [InlineData("""{"version":1,"djg11":{"emotional":4,"social":1}}""")]
    public async Task Match_NoVersionOrVersion1_StillAccepted(string profile)
    {
        var run = await CliRunner.RunWithInputAsync(profile, "match", "--profile", "-");

        Assert.Equal(0, run.ExitCode);
    }

    private static List<string?> AdviceCodes(JsonDocument json) =>
        json.RootElement.GetProperty("advice").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
}
