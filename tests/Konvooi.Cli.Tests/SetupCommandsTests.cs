namespace Konvooi.Cli.Tests;

/// <summary>
/// Database commands on a throwaway SQLite file. The database is chosen by environment variable,
/// as in production, so these tests run one after another in this class.
/// </summary>
public sealed partial class SetupCommandsTests : IDisposable
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
    public async Task CatalogueLoad_ProvidersMatchedByName_AllOrNothing()
    {
        var coalition = (await CliRunner.RunAsync("coalitions", "create", "--name", "Coalitie Catalogus")).StdOut.Trim();
        await CliRunner.RunAsync("organisations", "create", "--coalition", coalition, "--name", "Welzijn Test", "--kind", "welzijnsorganisatie");
        await CliRunner.RunAsync("organisations", "create", "--coalition", coalition, "--name", "Zorg Test", "--kind", "zorgaanbieder");
        var starter = Konvooi.Domain.Matching.InterventionCatalogue.Starter;
        var noProviders = Path.Combine(_folder, "starter.hsds.json");
        await File.WriteAllTextAsync(noProviders, Konvooi.Domain.Matching.Hsds.HsdsCatalogue.ExportJson(starter));
        var withProviders = Path.Combine(_folder, "local.json");
        await File.WriteAllTextAsync(withProviders, Konvooi.Domain.Matching.CatalogueJson.Write(new Konvooi.Domain.Matching.InterventionCatalogue("local", [
            starter.Interventions[0] with { Provider = "Zorg Test", Capacity = 2 },
            starter.Interventions[1] with { Id = "maatje_oost", Provider = "Welzijn Test" },
        ])));
        var localHsds = Path.Combine(_folder, "local.hsds.json");
        var export = await CliRunner.RunAsync("catalogue", "export", "--catalogue", withProviders, "--format", "hsds-json", "--output", localHsds);

        var rejected = await CliRunner.RunAsync("catalogue", "load", "--coalition", "Coalitie Catalogus", "--file", noProviders);
        var unknownCoalition = await CliRunner.RunAsync("catalogue", "load", "--coalition", "Bestaat niet", "--file", localHsds);
        var loaded = await CliRunner.RunAsync("catalogue", "load", "--coalition", "Coalitie Catalogus", "--file", localHsds);
        var again = await CliRunner.RunAsync("catalogue", "load", "--coalition", "Coalitie Catalogus", "--file", withProviders, "--format", "konvooi");

        Assert.Equal(0, export.ExitCode);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Empty(rejected.StdOut);
        Assert.Equal(starter.Interventions.Count, rejected.StdErr.Split('\n').Count(l => l.Contains("provider: must name the provider organisation", StringComparison.Ordinal)));
        Assert.Equal(1, unknownCoalition.ExitCode);
        Assert.Contains("no coalition has this name", unknownCoalition.StdErr, StringComparison.Ordinal);
        Assert.Equal(0, loaded.ExitCode);
        Assert.Equal($"{{\"created\":1,\"updated\":1,\"unchanged\":0,\"catalogueVersion\":\"coalition-r{starter.Interventions.Count + 2}\"}}", loaded.StdOut.Trim());
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("\"unchanged\":2", again.StdOut, StringComparison.Ordinal);
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

    [Fact]
    public async Task CoalitionsSetLead_MemberBecomesLead_OutsiderIsRefused()
    {
        var coalition = (await CliRunner.RunAsync("coalitions", "create", "--name", "Coalitie Penvoerder")).StdOut.Trim();
        var other = (await CliRunner.RunAsync("coalitions", "create", "--name", "Andere coalitie")).StdOut.Trim();
        var welzijn = (await CliRunner.RunAsync("organisations", "create", "--coalition", coalition, "--name", "Welzijn", "--kind", "welzijnsorganisatie")).StdOut.Trim();
        var physio = (await CliRunner.RunAsync("organisations", "create", "--coalition", other, "--name", "Fysio", "--kind", "fysiotherapie")).StdOut.Trim();

        var set = await CliRunner.RunAsync("coalitions", "set-lead", "--coalition", coalition, "--organisation", welzijn);
        var refused = await CliRunner.RunAsync("coalitions", "set-lead", "--coalition", coalition, "--organisation", physio);

        Assert.Equal(0, set.ExitCode);
        Assert.Empty(set.StdOut);
        Assert.True(Guid.TryParse(physio, out _));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("not a member of this coalition", refused.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbMigrate_QuickStartDatabaseFromBeforeTheSquash_ExitsOneSayingToDeleteIt()
    {
        var file = Path.Combine(_folder, "konvooi.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261128070133_Initial', '10.0.0'), ('20261128074539_Measurements', '10.0.0');
                """;
            await command.ExecuteNonQueryAsync();
        }

        var migrate = await CliRunner.RunAsync("db", "migrate");

        Assert.Equal(1, migrate.ExitCode);
        Assert.Empty(migrate.StdOut);
        Assert.Contains($"Verwijder dan {file}", migrate.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("correlation id", migrate.StdErr, StringComparison.Ordinal);
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
