using System.CommandLine;
using System.Globalization;
using Konvooi.Cli.Common;
using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Matching.Hsds;
using Konvooi.Features.Catalogue;
using Konvooi.Features.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Konvooi.Cli.Commands;

/// <summary>
/// <c>konvooi catalogue load --coalition NAME --file F</c>: loads an HSDS (or Konvooi) catalogue file into a
/// coalition's catalogue in the database, all or nothing; providers are matched to organisations by name.
/// </summary>
public static class CatalogueLoadCommand
{
    public static Command Create(CliConsole console)
    {
        var coalitionOption = new Option<string>("--coalition") { Description = "Naam van de coalitie.", Required = true };
        var fileOption = new Option<string>("--file") { Description = "Catalogusbestand, of '-' (standaardinvoer).", Required = true };
        var formatOption = new Option<string>("--format") { Description = "hsds-json of konvooi.", DefaultValueFactory = _ => "hsds-json" };
        formatOption.AcceptOnlyFromAmong("hsds-json", "konvooi");
        var command = new Command("load", "Laad een catalogus in de database van een coalitie. Aanbieders worden op naam gekoppeld aan organisaties. Bij één fout wordt niets geladen.");
        command.Options.Add(coalitionOption);
        command.Options.Add(fileOption);
        command.Options.Add(formatOption);
        command.SetGuardedAction(console, async (parseResult, ct) =>
        {
            var bytes = InputSource.ReadJson(parseResult.GetValue(fileOption)!, console);

            var read = parseResult.GetValue(formatOption) == "konvooi" ? CatalogueJson.Read(bytes) : HsdsCatalogue.ImportJson(bytes);
            if (read is ReadResult<InterventionCatalogue>.Failure bad)
            {
                throw new CliUserException(bad.Problems.Select(p => p.ToString()).ToList());
            }

            var catalogue = ((ReadResult<InterventionCatalogue>.Success)read).Value;
            await using var services = CliServices.Create();
            await using var scope = services.CreateAsyncScope();
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<KonvooiDbContext>(), ct).ConfigureAwait(false);
            var outcome = await scope.ServiceProvider.GetRequiredService<LoadCatalogue.Handler>()
                .HandleAsync(parseResult.GetValue(coalitionOption)!, catalogue, ct).ConfigureAwait(false);
            if (outcome is LoadCatalogue.Outcome.Rejected rejected)
            {
                throw new CliUserException(rejected.Problems);
            }

            var loaded = (LoadCatalogue.Outcome.Loaded)outcome;
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{{\"created\":{loaded.Created},\"updated\":{loaded.Updated},\"unchanged\":{loaded.Unchanged},\"catalogueVersion\":\"{loaded.CatalogueVersion}\"}}")).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
