using System.CommandLine;
using Konvooi.Cli.Common;
using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;

namespace Konvooi.Cli.Commands;

/// <summary><c>konvooi match --profile FILE|- [--catalogue FILE] [--top N]</c>: explained suggestions as JSON.</summary>
public static class MatchCommand
{
    public static Command Create(CliConsole console)
    {
        var profileOption = new Option<string>("--profile")
        {
            Description = "Profiel als JSON (docs/profile.schema.json); '-' leest standaardinvoer.",
            Required = true,
        };
        var catalogueOption = new Option<string?>("--catalogue")
        {
            Description = "Catalogus als JSON; zonder deze optie de startcatalogus.",
        };
        var topOption = new Option<int?>("--top")
        {
            Description = "Toon alleen de N beste suggesties (zonder deze optie: alle).",
        };
        var weightsOption = new Option<string?>("--weights")
        {
            Description = "Gewichten van de regels als JSON-object (docs/matching.md); ontbrekende sleutels houden hun standaardwaarde.",
        };
        var outputOption = new Option<string>("--output")
        {
            Description = "Uitvoerbestand; '-' schrijft naar standaarduitvoer.",
            DefaultValueFactory = _ => "-",
        };

        var command = new Command("match", "Zoek passend aanbod bij een profiel en leg elke keuze uit.");
        command.Options.Add(profileOption);
        command.Options.Add(catalogueOption);
        command.Options.Add(topOption);
        command.Options.Add(weightsOption);
        command.Options.Add(outputOption);
        command.SetGuardedAction(console, parseResult =>
        {
            var top = parseResult.GetValue(topOption);
            if (top is < 0)
            {
                throw new CliUserException($"--top: must be 0 or more (got {top})");
            }

            var problems = new List<string>();
            var profile = ReadProfile(parseResult.GetValue(profileOption)!, console, problems);
            var catalogue = parseResult.GetValue(catalogueOption) is { } path
                ? ReadCatalogue(path, console, problems)
                : InterventionCatalogue.Starter;
            var weights = parseResult.GetValue(weightsOption) is { } weightsPath
                ? ReadWeights(weightsPath, console, problems)
                : MatchingWeights.Default;
            if (problems.Count > 0 || profile is null || catalogue is null || weights is null)
            {
                throw new CliUserException(problems);
            }

            var result = Matcher.Match(profile, catalogue, weights);

            using var spool = new OutputSpool(parseResult.GetValue(outputOption)!, console);
            MatchResultJson.Write(spool.Stream, result, top);
            spool.Commit();
            return ExitCodes.Success;
        });
        return command;
    }

    private static Profile? ReadProfile(string path, CliConsole console, List<string> problems)
    {
        var result = ProfileJson.Read(ReadAll(path, console));
        if (result is ReadResult<Profile>.Failure bad)
        {
            problems.AddRange(bad.Problems.Select(p => p.ToString()));
        }

        return (result as ReadResult<Profile>.Success)?.Value;
    }

    /// <remarks>Catalogue problems name the file first, so they cannot be mistaken for profile problems.</remarks>
    private static InterventionCatalogue? ReadCatalogue(string path, CliConsole console, List<string> problems)
    {
        var result = CatalogueJson.Read(ReadAll(path, console));
        if (result is ReadResult<InterventionCatalogue>.Failure bad)
        {
            problems.AddRange(bad.Problems.Select(p => $"{path}: {p}"));
        }

        return (result as ReadResult<InterventionCatalogue>.Success)?.Value;
    }

    private static MatchingWeights? ReadWeights(string path, CliConsole console, List<string> problems)
    {
        var result = MatchingWeights.Read(ReadAll(path, console));
        if (result is ReadResult<MatchingWeights>.Failure bad)
        {
            problems.AddRange(bad.Problems.Select(p => $"{path}: {p}"));
        }

        return (result as ReadResult<MatchingWeights>.Success)?.Value;
    }

    private static byte[] ReadAll(string path, CliConsole console) => InputSource.ReadJson(path, console);
}
