using System.Diagnostics;
using Konvooi.Features.Monitor;
using Konvooi.Features.Seeding;
using Konvooi.Web.Pages.Monitor;

namespace Konvooi.Web.Tests.Monitor;

/// <summary>The web monitor and <c>konvooi monitor estimate</c> give the same numbers for the same file (docs/monitor-web.md).</summary>
public sealed class MonitorEngineTests
{
    [Fact]
    public async Task WebRun_GivesTheCliOutput_ForTheDemoSurvey()
    {
        var path = Path.Combine(Path.GetTempPath(), "konvooi-demo-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            await using (var file = File.Create(path))
            {
                DemoSurvey.Write(file);
            }

            var settings = DemoSurvey.Settings with { By = ["wave", "wave,age_group"], ContrastVariable = null };
            var (result, problems) = MonitorEngine.Run(settings, path, "csv");
            Assert.Empty(problems);
            var web = System.Text.Encoding.UTF8.GetString(MonitorExports.Csv(MonitorExports.EstimateRows(result!)));

            var cli = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Konvooi.Cli", "bin", "Release", "net10.0", "konvooi.dll"));
            Assert.True(File.Exists(cli), cli);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[]
            {
                cli, "monitor", "estimate", "--input", path, "--instrument", "djg11", "--items", string.Join(',', settings.Items), "--codes", DemoSurvey.Codes,
                "--weight", "weight", "--strata", "wijk", "--psu", "psu", "--by", "wave", "--by", "wave,age_group", "--indicator", "lonely", "--indicator", "severely_lonely",
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            Assert.Equal(output.ReplaceLineEndings("\n"), web);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_ListsEveryProblemOfTheChoices()
    {
        var problems = MonitorEngine.Validate(DemoSurvey.Settings with { Weight = "gewicht", Indicators = ["nope"] }, DemoSurvey.Columns, "csv");
        Assert.Contains(problems, p => p.StartsWith("--indicator", StringComparison.Ordinal));
        Assert.NotNull(MonitorText.Explain(problems[0]));
    }

    [Fact]
    public void Inspect_RefusesAFileThatIsNotATable()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
            var (shape, problems) = MonitorEngine.Inspect(path, "xlsx", new MonitorOptions());
            Assert.Null(shape);
            Assert.NotEmpty(problems);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
