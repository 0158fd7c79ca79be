using System.CommandLine;
using System.Globalization;
using System.Text;
using Konvooi.Cli.Common;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Konvooi.Features.Referrals;
using Konvooi.Features.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Cli.Commands;

/// <summary>
/// <c>konvooi referrals export|import</c>: the coalition's signals as FHIR R4 (docs/referral.md, "Interop (FHIR R4)").
/// The command line has no sign-in, so both commands name the acting user with <c>--user EMAIL</c>: a coordinator of the
/// coalition's lead organisation. The command sets that user as the actor, as the web app does after sign-in, so the
/// audit entries and the imported signals carry their name.
/// </summary>
public static class ReferralsCommand
{
    public static Command Create(CliConsole console)
    {
        var group = new Command("referrals", "Meldingen uitwisselen met andere systemen als FHIR R4 (ServiceRequest + Task + Patient).");
        group.Subcommands.Add(Export(console));
        group.Subcommands.Add(Import(console));
        return group;
    }

    private static Option<string> CoalitionOption() => new("--coalition") { Description = "Naam van de coalitie.", Required = true };

    private static Option<string> UserOption() => new("--user")
    {
        Description = "E-mailadres van de gebruiker voor wie het commando werkt: een coördinator van de penvoerder van de coalitie.",
        Required = true,
    };

    private static Command Export(CliConsole console)
    {
        var coalition = CoalitionOption();
        var user = UserOption();
        var since = new Option<string>("--since") { Description = "Meldingen ontvangen op of na deze datum (JJJJ-MM-DD).", Required = true };
        var output = new Option<string>("--output") { Description = "Bestand voor de FHIR-bundel (JSON), of '-' (standaarduitvoer).", DefaultValueFactory = _ => "-" };
        var command = new Command("export", "Schrijf de meldingen van de coalitie sinds een datum als FHIR R4-bundel. Elke persoon in de bundel komt in het logboek.")
        {
            coalition, user, since, output,
        };
        command.SetGuardedAction(console, async (parse, ct) =>
        {
            var sinceText = parse.GetValue(since)!;
            if (!DateOnly.TryParseExact(sinceText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sinceDate))
            {
                throw new CliUserException($"--since: expected a date as YYYY-MM-DD (got '{sinceText}')");
            }

            await using var services = CliServices.Create();
            await using var scope = services.CreateAsyncScope();
            await ActAsync(scope.ServiceProvider, parse.GetValue(coalition)!, parse.GetValue(user)!, ct).ConfigureAwait(false);
            var outcome = await scope.ServiceProvider.GetRequiredService<ExportReferrals.Handler>().HandleAsync(sinceDate, ct).ConfigureAwait(false);
            if (outcome is ExportReferrals.Outcome.Forbidden forbidden)
            {
                throw new CliUserException(forbidden.Problem);
            }

            var exported = (ExportReferrals.Outcome.Exported)outcome;
            using (var spool = new OutputSpool(parse.GetValue(output)!, console))
            {
                var bytes = new UTF8Encoding(false).GetBytes(FhirReferrals.ToJson(exported.Bundle) + "\n");
                await spool.Stream.WriteAsync(bytes, ct).ConfigureAwait(false);
                spool.Commit();
            }

            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"konvooi referrals: {exported.Signals} signals exported, {exported.People} with personal data")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Import(CliConsole console)
    {
        var coalition = CoalitionOption();
        var user = UserOption();
        var file = new Option<string>("--file") { Description = "FHIR R4-bundel (JSON), of '-' (standaardinvoer).", Required = true };
        var command = new Command("import", "Neem meldingen over uit een ander systeem (FHIR R4-bundel). Bij één fout wordt niets ingelezen; elke fout staat met zijn plaats op standaardfout.")
        {
            coalition, user, file,
        };
        command.SetGuardedAction(console, async (parse, ct) =>
        {
            string json;
            using (var reader = new StreamReader(new MemoryStream(InputSource.ReadJson(parse.GetValue(file)!, console)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                json = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
            }

            await using var services = CliServices.Create();
            await using var scope = services.CreateAsyncScope();
            await ActAsync(scope.ServiceProvider, parse.GetValue(coalition)!, parse.GetValue(user)!, ct).ConfigureAwait(false);
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportReferrals.Handler>().HandleAsync(json, ct).ConfigureAwait(false);
            switch (outcome)
            {
                case ImportReferrals.Outcome.Forbidden forbidden:
                    throw new CliUserException(forbidden.Problem);
                case ImportReferrals.Outcome.Rejected rejected:
                    throw new CliUserException(rejected.Problems);
            }

            var imported = (ImportReferrals.Outcome.Imported)outcome;
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{{\"imported\":{imported.SignalIds.Count},\"alreadyPresent\":{imported.AlreadyPresent},\"skipped\":{imported.Skipped}}}")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Migrates the database, finds the user's role in the coalition and makes them the actor of this scope.</summary>
    private static async Task ActAsync(IServiceProvider services, string coalition, string email, CancellationToken ct)
    {
        await DatabaseMigrator.MigrateAsync(services.GetRequiredService<KonvooiDbContext>(), ct).ConfigureAwait(false);
        var member = await services.GetRequiredService<FindCoalitionMember.Handler>().HandleAsync(coalition, email, ct).ConfigureAwait(false);
        if (member is FindCoalitionMember.Outcome.NotFound notFound)
        {
            throw new CliUserException(notFound.Problems);
        }

        var found = (FindCoalitionMember.Outcome.Found)member;
        services.GetRequiredService<CurrentActor>().Set(found.UserId, found.OrganisationId, found.Role);
    }
}
