namespace Konvooi.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public async Task Help_PrintsUsageAndExitsZero()
    {
        var run = await CliRunner.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("konvooi", run.StdOut, StringComparison.OrdinalIgnoreCase);
        foreach (var group in new[] { "db", "coalitions", "organisations", "users", "audit", "backup", "score", "match", "catalogue", "referrals", "monitor" })
        {
            Assert.Contains("\n  " + group + " ", run.StdOut, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("monitor", "estimate")]
    [InlineData("users", "create")]
    [InlineData("catalogue", "export")]
    [InlineData("referrals", "import")]
    public async Task GroupHelp_OnlyThatGroupIsBuiltAndItsCommandsAreListed(string group, string command)
    {
        var run = await CliRunner.RunAsync(group, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\n  " + command + " ", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ExitsOneWithMessageOnStandardError()
    {
        var run = await CliRunner.RunAsync("no-such-command");

        Assert.Equal(1, run.ExitCode);
        Assert.NotEmpty(run.StdErr);
    }
}
