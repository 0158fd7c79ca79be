namespace Konvooi.Cli.Tests;

/// <summary>
/// Database commands on a throwaway SQLite file. The database is chosen by environment variable,
/// as in production, so these tests run one after another in this class.
/// </summary>
public sealed class SetupCommandsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "konvooi-cli-tests", Guid.NewGuid().ToString("N"));

    public SetupCommandsTests()
    {
        Directory.CreateDirectory(_folder);
        Environment.SetEnvironmentVariable("Konvooi__Database__Provider", "Sqlite");
        Environment.SetEnvironmentVariable("Konvooi__Database__ConnectionString", $"Data Source={Path.Combine(_folder, "konvooi.db")}");
    }

    [Fact]
    public async Task CreateCoalitionOrganisationUser_ThenVerifyAndBackup_AllSucceed()
    {
        var coalition = await CliRunner.RunAsync("coalitions", "create", "--name", "Coalitie Test", "--municipality-code", "GM0363");
        var organisation = await CliRunner.RunAsync("organisations", "create", "--coalition", coalition.StdOut.Trim(), "--name", "Welzijn Test", "--kind", "welzijnsorganisatie");
        var user = await CliRunner.RunWithInputAsync("Sterk-wachtwoord-2026\n", "users", "create", "--email", "beheer@test.example", "--role", "administrator", "--organisation", organisation.StdOut.Trim(), "--password-stdin");
        var verify = await CliRunner.RunAsync("audit", "verify");
        var backupPath = Path.Combine(_folder, "backup.db");
        var backup = await CliRunner.RunAsync("backup", "--output", backupPath);
        var again = await CliRunner.RunAsync("backup", "--output", backupPath);

        Assert.Equal(0, coalition.ExitCode);
        Assert.True(Guid.TryParse(coalition.StdOut.Trim(), out _));
        Assert.Equal(0, organisation.ExitCode);
        Assert.Equal(0, user.ExitCode);
        Assert.True(Guid.TryParse(user.StdOut.Trim(), out _));
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith("audit chain intact:", verify.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, backup.ExitCode);
        Assert.Empty(backup.StdOut);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backupPath));
        }

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCoalition_BadMunicipalityCode_ExitsOneWithMessageAndNoOutput()
    {
        var run = await CliRunner.RunAsync("coalitions", "create", "--name", "X", "--municipality-code", "363");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.StdOut);
        Assert.Contains("municipality code", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_WeakPasswordAndUnknownOrganisation_ExitOne()
    {
        var unknown = await CliRunner.RunWithInputAsync("Sterk-wachtwoord-2026\n", "users", "create", "--email", "a@test.example", "--role", "analyst", "--organisation", Guid.NewGuid().ToString(), "--password-stdin");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("organisation: not found", unknown.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersCreate_MissingRequiredOption_PrintsUsageOnStandardErrorAndExitsOne()
    {
        var run = await CliRunner.RunAsync("users", "create", "--email", "a@test.example");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.StdOut);
        Assert.Contains("--role", run.StdErr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Environment.SetEnvironmentVariable("Konvooi__Database__Provider", null);
        Environment.SetEnvironmentVariable("Konvooi__Database__ConnectionString", null);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner if a handle is still open.
        }
    }
}
