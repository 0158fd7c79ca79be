using System.Text.Json;

namespace Konvooi.Cli.Tests;

public sealed class MatchCommandTests
{
    private const string Widow = """
        {"age":82,"livesAlone":true,"dailyContact":false,"djg11":{"emotional":5,"social":4},
         "course":"situational","causes":["partner_loss","children_far_or_none"],"coping":"strengthen_existing_contacts",
         "preferences":{"setting":"individual","modes":["home_visit","in_person"],"language":"nl","fewContactsWanted":true},
         "flags":[],"droppedOut":[{"intervention":"telephone_circle","reason":"did_not_feel_at_home"}]}
        """;

    [Fact]
    public async Task Match_ProfileOnStandardInput_PrintsTheIssueJsonShape()
    {
        var run = await CliRunner.RunWithInputAsync(Widow, "match", "--profile", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.StdErr);
        using var json = JsonDocument.Parse(run.StdOut);
        var root = json.RootElement;
        Assert.Equal(["suggestions", "excluded", "advice"], root.EnumerateObject().Select(p => p.Name));
        var first = root.GetProperty("suggestions")[0];
        Assert.Equal(
            ["id", "name", "score", "aim", "setting", "mode", "intensity", "elements", "causes", "reasons"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("daily_contact_moment", first.GetProperty("id").GetString());
        Assert.Equal(["rule", "insights", "text"], first.GetProperty("reasons")[0].EnumerateObject().Select(p => p.Name));
        var excluded = root.GetProperty("excluded").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "telephone_circle");
        Assert.Equal(["id", "name", "rule", "insights", "reason"], excluded.EnumerateObject().Select(p => p.Name));
        Assert.Equal("misfit_dropout", excluded.GetProperty("rule").GetString());
        var advice = root.GetProperty("advice")[0];
        Assert.Equal(["code", "insights", "text"], advice.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Match_Top2_PrintsTwoSuggestionsAndAllExclusions()
    {
        var all = await CliRunner.RunWithInputAsync(Widow, "match", "--profile", "-");
        var run = await CliRunner.RunWithInputAsync(Widow, "match", "--profile", "-", "--top", "2");

        using var json = JsonDocument.Parse(run.StdOut);
        using var allJson = JsonDocument.Parse(all.StdOut);
        Assert.Equal(2, json.RootElement.GetProperty("suggestions").GetArrayLength());
        Assert.Equal(allJson.RootElement.GetProperty("excluded").GetArrayLength(), json.RootElement.GetProperty("excluded").GetArrayLength());
    }

    [Fact]
    public async Task Match_ProfileFile_ReadsTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"konvooi-profile-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"djg11":{"emotional":1,"social":4},"causes":["moved"]}""");
        try
        {
            var run = await CliRunner.RunAsync("match", "--profile", path);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("\"group_meeting_activity\"", run.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Match_InvalidProfile_ExitsOneWithEveryProblemAndNoOutput()
    {
        var run = await CliRunner.RunWithInputAsync("""{"age":-1,"djg11":{"emotional":9,"social":1},"flags":["sad"]}""", "match", "--profile", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StdOut);
        var lines = run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("$.age: must be between 0 and 120 (got -1)", lines[0]);
        Assert.Equal("$.djg11.emotional: must be between 0 and 6 (got 9)", lines[1]);
        Assert.StartsWith("$.flags[0]: must be a known flag code (", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("(got \"sad\")", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_NotJson_ExitsOne()
    {
        var run = await CliRunner.RunWithInputAsync("age=82", "match", "--profile", "-");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StdOut);
        Assert.StartsWith("$: not valid JSON", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_MissingProfileFile_ExitsOne()
    {
        var run = await CliRunner.RunAsync("match", "--profile", "/no/such/profile.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StdOut);
        Assert.Contains("not found", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_CustomCatalogue_UsesIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"konvooi-catalogue-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            {"version":"local-1","interventions":[{"id":"koffie-oost","name":"Koffie in Oost","description":"Elke dinsdag koffie in het buurthuis.",
             "aim":"loneliness_social","causes":["moved"],"elements":["meeting"],"setting":"group","mode":"in_person","intensity":"light",
             "recognition":"none","insights":["CC-5"],"capacity":4}]}
            """);
        try
        {
            var run = await CliRunner.RunWithInputAsync("""{"djg11":{"emotional":1,"social":4},"causes":["moved"]}""", "match", "--profile", "-", "--catalogue", path);

            Assert.Equal(0, run.ExitCode);
            using var json = JsonDocument.Parse(run.StdOut);
            var suggestion = Assert.Single(json.RootElement.GetProperty("suggestions").EnumerateArray());
            Assert.Equal("koffie-oost", suggestion.GetProperty("id").GetString());
            Assert.Contains(suggestion.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("rule").GetString() == "availability");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Match_InvalidCatalogueAndProfile_ReportsBothWithTheFileNamed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"konvooi-catalogue-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"version":"x","interventions":[{"id":"a"}]}""");
        try
        {
            var run = await CliRunner.RunWithInputAsync("""{"age":"old"}""", "match", "--profile", "-", "--catalogue", path);

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(string.Empty, run.StdOut);
            Assert.Contains("$.age: must be a whole number (got \"old\")", run.StdErr, StringComparison.Ordinal);
            Assert.Contains($"{path}: $.interventions[0].name: is required", run.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Match_NegativeTop_ExitsOne()
    {
        var run = await CliRunner.RunWithInputAsync("{}", "match", "--profile", "-", "--top", "-1");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StdOut);
    }

    [Fact]
    public async Task Match_WithoutProfileOption_ExitsOne()
    {
        var run = await CliRunner.RunAsync("match");

        Assert.Equal(1, run.ExitCode);
        Assert.NotEmpty(run.StdErr);
    }

    [Fact]
    public async Task Match_Weights_ChangeTheRanking()
    {
        const string profile = """{"djg11":{"emotional":4,"social":1},"causes":["partner_loss","children_far_or_none"],"preferences":{"modes":["phone"]}}""";
        var path = Path.Combine(Path.GetTempPath(), $"konvooi-weights-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"mode_preference": 0}""");
        try
        {
            var byDefault = await CliRunner.RunWithInputAsync(profile, "match", "--profile", "-", "--top", "1");
            var tuned = await CliRunner.RunWithInputAsync(profile, "match", "--profile", "-", "--top", "1", "--weights", path);

            Assert.Contains("\"weekly_phone_call\"", byDefault.StdOut, StringComparison.Ordinal);
            Assert.Equal(0, tuned.ExitCode);
            Assert.Contains("\"buddy\"", tuned.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Match_BadWeights_ExitsOneWithEveryProblem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"konvooi-weights-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"cause_fit": -1, "no_such_rule": 2, "type_fit": "high"}""");
        try
        {
            var run = await CliRunner.RunWithInputAsync("{}", "match", "--profile", "-", "--weights", path);

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(string.Empty, run.StdOut);
            var lines = run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length);
            Assert.Contains($"{path}: $.type_fit: must be a number of 0 or more (got \"high\")", lines);
            Assert.Contains($"{path}: $.no_such_rule: is not a weight key (see docs/matching.md)", lines);
            Assert.Contains($"{path}: $.cause_fit: must be a number of 0 or more (got -1)", lines);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Match_ProfileWithByteOrderMark_IsRead()
    {
        var run = await CliRunner.RunWithInputAsync("\uFEFF" + """{"djg11":{"emotional":1,"social":4},"causes":["moved"]}""", "match", "--profile", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"group_meeting_activity\"", run.StdOut, StringComparison.Ordinal);
    }
}
