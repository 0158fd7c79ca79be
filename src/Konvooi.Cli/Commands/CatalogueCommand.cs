using System.CommandLine;
using System.Text;
using Konvooi.Cli.Common;
using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Matching.Hsds;

namespace Konvooi.Cli.Commands;

/// <summary>
/// <c>konvooi catalogue export|import</c>: the intervention catalogue as Konvooi JSON or Open Referral
/// HSDS 3.0 (JSON, or a tabular data package of CSV files in a directory).
/// </summary>
public static class CatalogueCommand
{
    private static readonly string[] Formats = ["konvooi", "hsds-json", "hsds-csv"];

    public static Command Create(CliConsole console)
    {
        var command = new Command("catalogue", "Exporteer of importeer de interventiecatalogus (Konvooi-JSON of Open Referral HSDS 3.0).");
        command.Subcommands.Add(CreateExport(console));
        command.Subcommands.Add(CreateImport(console));
        command.Subcommands.Add(CatalogueLoadCommand.Create(console));
        return command;
    }

    private static Command CreateExport(CliConsole console)
    {
        var catalogueOption = new Option<string?>("--catalogue") { Description = "Catalogus als Konvooi-JSON; zonder deze optie de startcatalogus." };
        var formatOption = FormatOption("hsds-json");
        var outputOption = new Option<string>("--output")
        {
            Description = "Uitvoer: bestand of '-' (standaarduitvoer); bij hsds-csv een nieuwe of lege map.",
            DefaultValueFactory = _ => "-",
        };
        var command = new Command("export", "Schrijf de catalogus als Konvooi-JSON, HSDS-JSON of HSDS-CSV.");
        command.Options.Add(catalogueOption);
        command.Options.Add(formatOption);
        command.Options.Add(outputOption);
        command.SetGuardedAction(console, parseResult =>
        {
            var format = parseResult.GetValue(formatOption)!;
            var output = parseResult.GetValue(outputOption)!;
            var catalogue = parseResult.GetValue(catalogueOption) is { } path
                ? Check(CatalogueJson.Read(ReadAll(path, console)), path)
                : InterventionCatalogue.Starter;

            if (format == "hsds-csv")
            {
                WriteDirectory(output, HsdsCatalogue.ExportTabular(catalogue));
            }
            else
            {
                var text = format == "konvooi" ? CatalogueJson.Write(catalogue) : HsdsCatalogue.ExportJson(catalogue);
                WriteText(output, text, console);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateImport(CliConsole console)
    {
        var inputOption = new Option<string>("--input")
        {
            Description = "Invoer: bestand of '-' (standaardinvoer); bij hsds-csv een map met de CSV-bestanden.",
            DefaultValueFactory = _ => "-",
        };
        var formatOption = FormatOption("hsds-json");
        var outputOption = new Option<string>("--output")
        {
            Description = "Catalogus als Konvooi-JSON; '-' schrijft naar standaarduitvoer.",
            DefaultValueFactory = _ => "-",
        };
        var command = new Command("import", "Lees een catalogus (HSDS-JSON, HSDS-CSV of Konvooi-JSON) en schrijf hem als Konvooi-JSON. Bij één fout wordt niets ingelezen.");
        command.Options.Add(inputOption);
        command.Options.Add(formatOption);
        command.Options.Add(outputOption);
        command.SetGuardedAction(console, parseResult =>
        {
            var format = parseResult.GetValue(formatOption)!;
            var input = parseResult.GetValue(inputOption)!;
            var catalogue = format switch
            {
                "hsds-csv" => Check(HsdsCatalogue.ImportTabular(ReadDirectory(input)), null),
                "hsds-json" => Check(HsdsCatalogue.ImportJson(ReadAll(input, console)), null),
                _ => Check(CatalogueJson.Read(ReadAll(input, console)), null),
            };

            WriteText(parseResult.GetValue(outputOption)!, CatalogueJson.Write(catalogue), console);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> FormatOption(string defaultFormat)
    {
        var option = new Option<string>("--format")
        {
            Description = "konvooi, hsds-json of hsds-csv.",
            DefaultValueFactory = _ => defaultFormat,
        };
        option.AcceptOnlyFromAmong(Formats);
        return option;
    }

    private static InterventionCatalogue Check(ReadResult<InterventionCatalogue> result, string? file) =>
        result switch
        {
            ReadResult<InterventionCatalogue>.Success ok => ok.Value,
            ReadResult<InterventionCatalogue>.Failure bad => throw new CliUserException(
                bad.Problems.Select(p => file is null ? p.ToString() : $"{file}: {p}").ToList()),
            _ => throw new InvalidOperationException("Unknown read result."),
        };

    private static byte[] ReadAll(string path, CliConsole console) => InputSource.ReadJson(path, console);

    private static Dictionary<string, string> ReadDirectory(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new CliUserException($"input directory not found: {path}");
        }

        return Directory.EnumerateFiles(path)
            .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(f => Path.GetFileName(f), InputSource.ReadText, StringComparer.Ordinal);
    }

    private static void WriteText(string output, string text, CliConsole console)
    {
        using var spool = new OutputSpool(output, console);
        spool.Stream.Write(new UTF8Encoding(false).GetBytes(text));
        spool.Commit();
    }

    /// <summary>Writes every file into a temporary directory first, then moves it into place whole.</summary>
    private static void WriteDirectory(string output, IReadOnlyDictionary<string, string> files)
    {
        if (output == "-")
        {
            throw new CliUserException("--output: hsds-csv writes several files; give a directory (got '-')");
        }

        var target = Path.GetFullPath(output);
        if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
        {
            throw new CliUserException($"--output: must be a new or empty directory (got '{output}')");
        }

        var parent = Path.GetDirectoryName(target) ?? throw new CliUserException($"--output: not a usable directory (got '{output}')");
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $".konvooi-{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temporary);
        try
        {
            var utf8 = new UTF8Encoding(false);
            foreach (var (name, content) in files)
            {
                File.WriteAllText(Path.Combine(temporary, name), content, utf8);
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(temporary, target);
        }
        finally
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }
}
