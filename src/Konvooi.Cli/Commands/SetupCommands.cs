using System.CommandLine;
using System.Security.Cryptography;
using Konvooi.Cli.Common;
using Konvooi.Domain.Access;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Cli.Commands;

/// <summary><c>konvooi db migrate</c>, <c>coalitions create</c>, <c>organisations create</c>, <c>users create</c>, <c>audit verify</c>.</summary>
public static class SetupCommands
{
    public static IEnumerable<Command> Create(CliConsole console)
    {
        yield return Db(console);
        yield return Coalitions(console);
        yield return Organisations(console);
        yield return Users(console);
        yield return Audit(console);
    }

    private static Command Db(CliConsole console)
    {
        var migrate = new Command("migrate", "Werk het databaseschema bij (SQLite of PostgreSQL, volgens de omgevingsvariabelen).");
        migrate.SetGuardedAction(console, async (_, ct) =>
        {
            await using var services = CliServices.Create();
            await using var scope = services.CreateAsyncScope();
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<KonvooiDbContext>(), ct).ConfigureAwait(false);
            await console.Error.WriteLineAsync("database is up to date").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        var db = new Command("db", "Database.");
        db.Subcommands.Add(migrate);
        return db;
    }

    private static Command Coalitions(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "Naam van de coalitie.", Required = true };
        var code = new Option<string?>("--municipality-code") { Description = "CBS-gemeentecode, bijvoorbeeld GM0363." };
        var create = new Command("create", "Maak een lokale coalitie aan; schrijft het id naar standaarduitvoer.") { name, code };
        create.SetGuardedAction(console, (parse, ct) => WithSetupAsync(console, setup =>
            setup.CreateCoalitionAsync(parse.GetValue(name)!, parse.GetValue(code), isDemo: false, ct), ct));
        var coalitionId = new Option<Guid>("--coalition") { Description = "Id van de coalitie.", Required = true };
        var lead = new Option<Guid>("--organisation") { Description = "Id van de organisatie die penvoerder wordt.", Required = true };
        var setLead = new Command("set-lead", "Maak een organisatie penvoerder van de coalitie: zij beheert de routering, en meldingen zonder passende regel gaan naar haar.") { coalitionId, lead };
        setLead.SetGuardedAction(console, async (parse, ct) =>
        {
            await using var services = CliServices.Create();
            await using var scope = services.CreateAsyncScope();
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<KonvooiDbContext>(), ct).ConfigureAwait(false);
            var problem = await scope.ServiceProvider.GetRequiredService<SetCoalitionLead.Handler>()
                .HandleAsync(parse.GetValue(coalitionId), parse.GetValue(lead), ct).ConfigureAwait(false);
            if (problem is not null)
            {
                throw new CliUserException(problem);
            }

            await console.Error.WriteLineAsync("lead organisation set").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        var group = new Command("coalitions", "Lokale coalities.");
        group.Subcommands.Add(create);
        group.Subcommands.Add(setLead);
        return group;
    }

    private static Command Organisations(CliConsole console)
    {
        var coalition = new Option<Guid>("--coalition") { Description = "Id van de coalitie.", Required = true };
        var name = new Option<string>("--name") { Description = "Naam van de organisatie.", Required = true };
        var kind = new Option<OrganisationKind>("--kind") { Description = "gemeente, welzijnsorganisatie, zorgaanbieder, ggd, huisartsenpraktijk, fysiotherapie, wijkverpleging, thuiszorg, sociaalwijkteam, apotheek, woningcorporatie of overig.", Required = true };
        var create = new Command("create", "Maak een organisatie aan in een coalitie; schrijft het id naar standaarduitvoer.") { coalition, name, kind };
        create.SetGuardedAction(console, (parse, ct) => WithSetupAsync(console, setup =>
            setup.CreateOrganisationAsync(parse.GetValue(coalition), parse.GetValue(name)!, parse.GetValue(kind), ct), ct));
        var group = new Command("organisations", "Organisaties.");
        group.Subcommands.Add(create);
        return group;
    }

    private static Command Users(CliConsole console)
    {
        var email = new Option<string>("--email") { Description = "E-mailadres (inlognaam).", Required = true };
        var displayName = new Option<string?>("--name") { Description = "Naam zoals collega's die zien (standaard het e-mailadres)." };
        var role = new Option<Role>("--role") { Description = "administrator, coordinator, professional, volunteer, analyst of signaller.", Required = true };
        var organisation = new Option<Guid>("--organisation") { Description = "Id van de organisatie.", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Lees het wachtwoord van standaardinvoer; anders wordt een sterk wachtwoord gemaakt en op standaardfout getoond." };
        var create = new Command("create", "Maak een gebruiker aan met een rol in een organisatie; schrijft het id naar standaarduitvoer.")
        {
            email, displayName, role, organisation, passwordStdin,
        };
        create.SetGuardedAction(console, async (parse, ct) =>
        {
            string password;
            if (parse.GetValue(passwordStdin))
            {
                using var reader = new StreamReader(console.OpenStandardInput());
                password = (await reader.ReadLineAsync(ct).ConfigureAwait(false))?.TrimEnd('\r') ?? string.Empty;
            }
            else
            {
                password = GeneratePassword();
                await console.Error.WriteLineAsync($"initial password: {password}").ConfigureAwait(false);
            }

            var address = parse.GetValue(email)!;
            return await WithSetupAsync(console, setup => setup.CreateUserAsync(
                new Setup.NewUser(address, parse.GetValue(displayName) ?? address, parse.GetValue(role), parse.GetValue(organisation), password), ct), ct).ConfigureAwait(false);
        });
        var group = new Command("users", "Gebruikers.");
        group.Subcommands.Add(create);
        return group;
    }

    private static Command Audit(CliConsole console)
    {
        var verify = new Command("verify", "Controleer of het logboek compleet en ongewijzigd is (hash-keten).");
        verify.SetGuardedAction(console, async (_, ct) =>
        {
            await using var services = CliServices.Create();
            await using var scope = services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<VerifyAuditChain.Handler>().HandleAsync(ct).ConfigureAwait(false);
            switch (outcome)
            {
                case VerifyAuditChain.Outcome.Intact intact:
                    await console.Out.WriteLineAsync($"audit chain intact: {intact.Entries} entries").ConfigureAwait(false);
                    return ExitCodes.Success;
                case VerifyAuditChain.Outcome.Broken broken:
                    throw new CliUserException($"audit chain broken at entry {broken.Sequence}: {broken.Reason}");
                default:
                    throw new InvalidOperationException("unknown outcome");
            }
        });
        var group = new Command("audit", "Logboek.");
        group.Subcommands.Add(verify);
        return group;
    }

    private static async Task<int> WithSetupAsync(CliConsole console, Func<Setup.Handler, Task<Setup.Outcome>> action, CancellationToken ct)
    {
        await using var services = CliServices.Create();
        await using var scope = services.CreateAsyncScope();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<KonvooiDbContext>(), ct).ConfigureAwait(false);
        var outcome = await action(scope.ServiceProvider.GetRequiredService<Setup.Handler>()).ConfigureAwait(false);
        if (outcome is Setup.Outcome.Rejected rejected)
        {
            throw new CliUserException(rejected.Problems);
        }

        await console.Out.WriteLineAsync(((Setup.Outcome.Created)outcome).Id.ToString("D")).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static string GeneratePassword()
    {
        // 20 characters from an unambiguous alphabet, plus one of each class the policy requires.
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 20).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]);
        return new string(chars.ToArray()) + "aA7";
    }
}
