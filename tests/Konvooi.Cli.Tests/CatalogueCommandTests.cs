using Konvooi.Domain.Matching;

namespace Konvooi.Cli.Tests;

public sealed class CatalogueCommandTests
{
    [Fact]
    public async Task ExportThenImport_HsdsJson_GivesTheStarterCatalogueBack()
    {
        var exported = await CliRunner.RunAsync("catalogue", "export", "--format", "hsds-json");

        var imported = await CliRunner.RunWithInputAsync(exported.StdOut, "catalogue", "import", "--format", "hsds-json");

        Assert.Equal(0, exported.ExitCode);
        Assert.Equal(0, imported.ExitCode);
        Assert.Equal(CatalogueJson.Write(InterventionCatalogue.Starter), imported.StdOut);
    }

    [Fact]
    public async Task ExportThenImport_HsdsCsvDirectory_GivesTheStarterCatalogueBack()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"konvooi-hsds-{Guid.NewGuid():N}");
        try
        {
            var exported = await CliRunner.RunAsync("catalogue", "export", "--format", "hsds-csv", "--output", directory);
            var imported = await CliRunner.RunAsync("catalogue", "import", "--format", "hsds-csv", "--input", directory);

            Assert.Equal(0, exported.ExitCode);
            Assert.True(File.Exists(Path.Combine(directory, "datapackage.json")));
            Assert.True(File.Exists(Path.Combine(directory, "services.csv")));
            Assert.Equal(0, imported.ExitCode);
            Assert.Equal(CatalogueJson.Write(InterventionCatalogue.Starter), imported.StdOut);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Export_KonvooiFormat_WritesTheCatalogueJson()
    {
        var run = await CliRunner.RunAsync("catalogue", "export", "--format", "konvooi");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CatalogueJson.Write(InterventionCatalogue.Starter), run.StdOut);
    }

    [Fact]
    public async Task Import_BadHsdsJson_ExitsOneWithEveryProblemAndNoOutput()
    {
        var run = await CliRunner.RunWithInputAsync(
            """{"contents":[{"id":"x","name":"Soep"},{"id":"8f14e45f-ceea-467f-a0e7-7d3e1b4f0c11","description":"Soep"}]}""",
            "catalogue", "import", "--format", "hsds-json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StdOut);
        Assert.Contains("$.contents[0].id: must be a UUID (got \"x\")", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("$.contents[1].name: is required by Konvooi", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("$.contents[1]: has no konvooi-aim attribute", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_HsdsCsvToStandardOutput_ExitsOne()
    {
        var run = await CliRunner.RunAsync("catalogue", "export", "--format", "hsds-csv");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StdOut);
    }

    [Fact]
    public async Task Export_HsdsCsvIntoNonEmptyDirectory_ExitsOneAndLeavesItAlone()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"konvooi-hsds-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "keep.txt"), "mine");
        try
        {
            var run = await CliRunner.RunAsync("catalogue", "export", "--format", "hsds-csv", "--output", directory);

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(["keep.txt"], Directory.EnumerateFiles(directory).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Import_UnknownFormat_ExitsOne()
    {
        var run = await CliRunner.RunWithInputAsync("{}", "catalogue", "import", "--format", "xml");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("xml", run.StdErr, StringComparison.Ordinal);
    }
}
