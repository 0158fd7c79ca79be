namespace Konvooi.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public async Task Help_PrintsUsageAndExitsZero()
    {
        var run = await CliRunner.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("konvooi", run.StdOut, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownCommand_ExitsOneWithMessageOnStandardError()
    {
        var run = await CliRunner.RunAsync("no-such-command");

        Assert.Equal(1, run.ExitCode);
        Assert.NotEmpty(run.StdErr);
    }
}
