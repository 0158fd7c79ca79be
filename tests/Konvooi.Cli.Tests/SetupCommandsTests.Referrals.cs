using System.Globalization;

namespace Konvooi.Cli.Tests;

/// <summary>
/// <c>konvooi referrals export|import</c> (docs/cli.md, docs/referral.md "Interop (FHIR R4)"): exit codes, standard
/// output and the problem lines. In the same class as the other database commands: the database is chosen by
/// environment variable, so these run one after another.
/// </summary>
public sealed partial class SetupCommandsTests
{
    private static string Bundle(string consentDate, string taskStatus = "requested", string name = "Gerrit Fictief") => $$"""
        {
          "resourceType": "Bundle",
          "type": "collection",
          "entry": [
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000001",
              "resource": { "resourceType": "ServiceRequest", "identifier": [{ "system": "urn:oid:2.16.528.1.1007.3.3", "value": "HIS-1" }],
                "status": "active", "intent": "order", "priority": "urgent",
                "requester": { "display": "Huisartsenpraktijk De Linde" },
                "subject": { "reference": "urn:uuid:00000000-0000-4000-8000-000000000003" },
                "reasonCode": [{ "coding": [{ "system": "urn:konvooi:fhir:signal-sign", "code": "recent_loss" }] }],
                "extension": [{ "url": "urn:konvooi:fhir:extension:signal-consent", "extension": [
                  { "url": "contact", "valueBoolean": true }, { "url": "date", "valueDate": "{{consentDate}}" } ] }] } },
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000002",
              "resource": { "resourceType": "Task", "status": "{{taskStatus}}", "intent": "order",
                "focus": { "reference": "urn:uuid:00000000-0000-4000-8000-000000000001" } } },
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000003",
              "resource": { "resourceType": "Patient", "name": [{ "text": "{{name}}" }], "birthDate": "1941-04-12", "address": [{ "postalCode": "9991 AB" }] } },
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000004",
              "resource": { "resourceType": "ServiceRequest", "identifier": [{ "system": "urn:oid:2.16.528.1.1007.3.3", "value": "HIS-2" }],
                "status": "active", "intent": "order", "code": { "coding": [{ "system": "urn:konvooi:fhir:signal-kind", "code": "advice_request" }] },
                "subject": { "display": "anoniem" }, "note": [{ "text": "Hoe begin ik over eenzaamheid?" }] } },
            { "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000005",
              "resource": { "resourceType": "Task", "status": "requested", "intent": "order",
                "focus": { "reference": "urn:uuid:00000000-0000-4000-8000-000000000004" } } }
          ]
        }
        """;

    [Fact]
    public async Task Referrals_ImportThenExport_AllOrNothing_OnlyLeadCoordinators()
    {
        var coalition = (await CliRunner.RunAsync("coalitions", "create", "--name", "Coalitie Uitwisseling")).StdOut.Trim();
        var welzijn = (await CliRunner.RunAsync("organisations", "create", "--coalition", coalition, "--name", "Welzijn", "--kind", "welzijnsorganisatie")).StdOut.Trim();
        await CliRunner.RunAsync("coalitions", "set-lead", "--coalition", coalition, "--organisation", welzijn);
        await CliRunner.RunWithInputAsync("Sterk-wachtwoord-2026\n", "users", "create", "--email", "coordinator@test.example", "--role", "coordinator", "--organisation", welzijn, "--password-stdin");
        await CliRunner.RunWithInputAsync("Sterk-wachtwoord-2026\n", "users", "create", "--email", "professional@test.example", "--role", "professional", "--organisation", welzijn, "--password-stdin");
        var consentDate = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var good = Path.Combine(_folder, "good.json");
        await File.WriteAllTextAsync(good, Bundle(consentDate));
        var bad = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(bad, Bundle("2026-02-30", taskStatus: "open", name: " "));
        var output = Path.Combine(_folder, "export.json");

        var rejected = await CliRunner.RunAsync("referrals", "import", "--coalition", "Coalitie Uitwisseling", "--user", "coordinator@test.example", "--file", bad);
        var imported = await CliRunner.RunAsync("referrals", "import", "--coalition", "Coalitie Uitwisseling", "--user", "coordinator@test.example", "--file", good);
        var again = await CliRunner.RunAsync("referrals", "import", "--coalition", "Coalitie Uitwisseling", "--user", "COORDINATOR@test.example", "--file", good);
        var exported = await CliRunner.RunAsync("referrals", "export", "--coalition", "Coalitie Uitwisseling", "--user", "coordinator@test.example", "--since", "2026-01-01", "--output", output);
        var toStdout = await CliRunner.RunAsync("referrals", "export", "--coalition", "Coalitie Uitwisseling", "--user", "coordinator@test.example", "--since", "2026-01-01");
        var professional = await CliRunner.RunAsync("referrals", "export", "--coalition", "Coalitie Uitwisseling", "--user", "professional@test.example", "--since", "2026-01-01", "--output", Path.Combine(_folder, "no.json"));
        var unknown = await CliRunner.RunAsync("referrals", "import", "--coalition", "Bestaat niet", "--user", "niemand@test.example", "--file", good);
        var badDate = await CliRunner.RunAsync("referrals", "export", "--coalition", "Coalitie Uitwisseling", "--user", "coordinator@test.example", "--since", "1-1-2026");
        var noFile = await CliRunner.RunAsync("referrals", "import", "--coalition", "Coalitie Uitwisseling", "--user", "coordinator@test.example", "--file", Path.Combine(_folder, "missing.json"));

        Assert.Equal(1, rejected.ExitCode);
        Assert.Empty(rejected.StdOut);
        Assert.Equal(
            [
                "$.entry[0].resource.extension[0].extension[1].value: not a valid FHIR date (got \"2026-02-30\")",
                "$.entry[1].resource.status: not a code of the FHIR value set TaskStatus (got \"open\")",
                "$.entry[2].resource.name: Vul de naam van de persoon in.",
            ],
            rejected.StdErr.TrimEnd('\n').Split('\n'));

        Assert.Equal((0, "{\"imported\":2,\"alreadyPresent\":0,\"skipped\":0}"), (imported.ExitCode, imported.StdOut.Trim()));
        Assert.Empty(imported.StdErr);
        Assert.Equal((0, "{\"imported\":0,\"alreadyPresent\":2,\"skipped\":0}"), (again.ExitCode, again.StdOut.Trim()));

        Assert.Equal(0, exported.ExitCode);
        Assert.Empty(exported.StdOut);
        Assert.Equal("konvooi referrals: 2 signals exported, 1 with personal data", exported.StdErr.Trim());
        var json = await File.ReadAllTextAsync(output);
        Assert.Contains("\"resourceType\": \"Bundle\"", json, StringComparison.Ordinal);
        Assert.Contains("\"name\": [", json, StringComparison.Ordinal);
        Assert.Equal(0, toStdout.ExitCode);
        Assert.StartsWith("{", toStdout.StdOut, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"requested\"", toStdout.StdOut, StringComparison.Ordinal);

        Assert.Equal(1, professional.ExitCode);
        Assert.Empty(professional.StdOut);
        Assert.Contains("--user: only a coordinator of the coalition's lead organisation", professional.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "no.json")));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("--coalition: no coalition has this name (got 'Bestaat niet')", unknown.StdErr, StringComparison.Ordinal);
        Assert.Contains("--user: no user has this e-mail address (got 'niemand@test.example')", unknown.StdErr, StringComparison.Ordinal);
        Assert.Equal(1, badDate.ExitCode);
        Assert.Contains("--since: expected a date as YYYY-MM-DD (got '1-1-2026')", badDate.StdErr, StringComparison.Ordinal);
        Assert.Equal(1, noFile.ExitCode);
        Assert.Contains("input file not found", noFile.StdErr, StringComparison.Ordinal);

        foreach (var (input, problem) in new[]
                 {
                     ("not json", "$: not valid JSON (at line 1, position 2)"),
                     ("[]", "$: expected a FHIR R4 Bundle, a JSON object (got array)"),
                     ("{\"resourceType\":\"Patient\"}", "$.resourceType: expected Bundle (got \"Patient\")"),
                 })
        {
            var run = await CliRunner.RunWithInputAsync(input, "referrals", "import", "--coalition", "Coalitie Uitwisseling", "--user", "coordinator@test.example", "--file", "-");
            Assert.Equal((1, string.Empty, problem), (run.ExitCode, run.StdOut, run.StdErr.Trim()));
        }

        var verify = await CliRunner.RunAsync("audit", "verify");
        Assert.Equal(0, verify.ExitCode);
    }
}
