using System.CommandLine;
using Konvooi.Cli.Common;
using Konvooi.Analytics.Monitoring;
using Konvooi.Cli.Monitoring;
using Konvooi.Domain.Questionnaires;

namespace Konvooi.Cli.Commands;

/// <summary>
/// <c>konvooi monitor estimate</c> and <c>konvooi monitor contrast</c>: design-based loneliness figures
/// by group from survey microdata (docs/monitor.md). Pure computation: no web host, no database.
/// </summary>
public static class MonitorCommands
{
    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var monitor = new Command("monitor", "Cijfers over eenzaamheid per groep uit enquêtebestanden, met betrouwbaarheidsmarges.");
        monitor.Subcommands.Add(CreateEstimate(console));
        monitor.Subcommands.Add(CreateContrast(console));
        return monitor;
    }

    private static Command CreateEstimate(CliConsole console)
    {
        var shared = new SharedOptions();
        var ci = new Option<string>("--ci") { Description = "Betrouwbaarheidsinterval: wald (standaard) of logit.", DefaultValueFactory = _ => "wald" };
        var minN = new Option<int>("--min-n") { Description = "Cellen met minder respondenten krijgen suppressed=true (standaard 30).", DefaultValueFactory = _ => 30 };
        var publication = new Option<bool>("--publication") { Description = "Laat schattingen van te kleine cellen leeg (voor publicatie)." };
        var command = new Command("estimate", "Schat percentages en gemiddelden per groep, met standaardfout, interval en design-effect.");
        shared.AddTo(command);
        command.Options.Add(ci);
        command.Options.Add(minN);
        command.Options.Add(publication);
        command.SetGuardedAction(console, parseResult => MonitorEstimate.Run(
            console,
            shared.Read(parseResult),
            parseResult.GetValue(ci) ?? "wald",
            parseResult.GetValue(minN),
            parseResult.GetValue(publication),
            parseResult.GetValue(shared.Output) ?? "-"));
        return command;
    }

    private static Command CreateContrast(CliConsole console)
    {
        var shared = new SharedOptions();
        var compare = new Option<string>("--compare")
        {
            Description = "De twee groepen die u vergelijkt, bijvoorbeeld \"wave=2024 vs wave=2022\".",
            Required = true,
        };
        var kind = new Option<string>("--kind") { Description = "difference (A − B, standaard) of ratio (A / B).", DefaultValueFactory = _ => "difference" };
        var command = new Command("contrast", "Vergelijk twee groepen: verschil of verhouding, met standaardfout, interval en p-waarde.");
        shared.AddTo(command);
        command.Options.Add(compare);
        command.Options.Add(kind);
        command.SetGuardedAction(console, parseResult => MonitorContrast.Run(
            console,
            shared.Read(parseResult),
            parseResult.GetValue(compare) ?? string.Empty,
            parseResult.GetValue(kind) ?? "difference",
            parseResult.GetValue(shared.Output) ?? "-"));
        return command;
    }

    /// <summary>Input, design and indicator options of both subcommands.</summary>
    private sealed class SharedOptions
    {
        public Option<string> Input { get; } = new("--input") { Description = "Bestand met een kopregel: csv (, ; of tab), xlsx of parquet; of - voor standaardinvoer.", DefaultValueFactory = _ => "-" };

        public Option<string> Output { get; } = new("--output") { Description = "Bestand voor de uitkomsten, of - voor standaarduitvoer.", DefaultValueFactory = _ => "-" };

        public Option<string?> Instrument { get; } = new("--instrument")
        {
            Description = "De vragenlijst: " + string.Join(", ", Instruments.All.Select(i => i.Id)) + ". Zonder deze optie lezen de indicatoren alleen kolommen.",
        };

        public Option<string?> Items { get; } = new("--items") { Description = "Kolommen met de antwoorden, in de volgorde van de vragenlijst (standaard item1…itemN)." };

        public Option<string?> Codes { get; } = new("--codes") { Description = "Codes als antwoorden, bijvoorbeeld \"1=ja,2=min of meer,3=nee,9=\" (een code zonder antwoord telt als ontbrekend)." };

        public Option<string?> Weight { get; } = new("--weight") { Description = "Kolom met het weegfactor (zonder deze optie telt iedereen even zwaar)." };

        public Option<string?> Fpc { get; } = new("--fpc") { Description = "Kolom met de eindigepopulatiecorrectie: steekproeffractie (1 of minder) of populatiegrootte (meer dan 1) per stratum." };

        public Option<string[]> MissingCodes { get; } = new("--missing-codes")
        {
            Description = "Codes die in een kolom ontbreken betekenen, bijvoorbeeld inkomen=98,99. Herhaal voor meer kolommen.",
            AllowMultipleArgumentsPerToken = false,
        };

        public Option<string?> Strata { get; } = new("--strata") { Description = "Kolom met de strata van de steekproef (bijvoorbeeld GGD-regio)." };

        public Option<string?> Psu { get; } = new("--psu") { Description = "Kolom met de clusters (primary sampling units), bijvoorbeeld gemeente." };

        public Option<string[]> By { get; } = new("--by")
        {
            Description = "Groepeer naar deze kolom(men), bijvoorbeeld wave,age_group. Herhaal voor meer tabellen. Zonder deze optie: één tabel 'all'.",
            AllowMultipleArgumentsPerToken = false,
        };

        public Option<string[]> Indicator { get; } = new("--indicator")
        {
            Description = "Indicator: lonely, severely_lonely, emotional_lonely, social_lonely, mean_total, mean_emotional, mean_social, of NAAM=UITDRUKKING over scores en kolommen (bijvoorbeeld emo2=emotional>=2, leeftijd=age, oud=age>=75, nw=herkomst==\"niet-westers\"). Herhaal voor meer.",
            Required = true,
        };

        public Option<int?> MaxMissing { get; } = new("--max-missing") { Description = "Hoeveel vragen mogen ontbreken voor de totaalscore (djg11 standaard 2, djg6 standaard 1)." };

        public Option<int?> SubscaleThreshold { get; } = new("--subscale-threshold") { Description = "Grens voor emotioneel/sociaal eenzaam bij djg11: 2 of 3 (standaard 3)." };

        public Option<string> LonelyPsu { get; } = new("--lonely-psu") { Description = "Stratum met één cluster: fail (standaard), remove, certainty, adjust of average.", DefaultValueFactory = _ => "fail" };

        public Option<string?> Delimiter { get; } = new("--delimiter") { Description = "Scheidingsteken: ',' ';' of tab (standaard: herkend uit de kopregel)." };

        public Option<string> Encoding { get; } = new("--encoding") { Description = "Tekenset: auto (standaard: UTF-8, anders Windows-1252), utf-8 of windows-1252.", DefaultValueFactory = _ => "auto" };

        public Option<string> Decimal { get; } = new("--decimal") { Description = "Decimaalteken van gewichten: point (standaard) of comma.", DefaultValueFactory = _ => "point" };

        public Option<string?> Format { get; } = new("--format") { Description = "Bestandsvorm: csv, xlsx of parquet (standaard: herkend aan de extensie; standaardinvoer is csv)." };

        public Option<string?> Sheet { get; } = new("--sheet") { Description = "Werkblad in een xlsx-bestand (standaard het eerste)." };

        public Option<string?> SkipInvalid { get; } = new("--skip-invalid") { Description = "Sla ongeldige regels over en schrijf ze naar dit CSV-bestand." };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[]
            {
                Input, Output, Instrument, Items, Codes, Weight, Strata, Psu, Fpc, By, Indicator, MissingCodes, MaxMissing, SubscaleThreshold,
                LonelyPsu, Format, Sheet, Delimiter, Encoding, Decimal, SkipInvalid,
            })
            {
                command.Options.Add(option);
            }
        }

        public MonitorRequest Read(ParseResult parseResult) => new()
        {
            Input = parseResult.GetValue(Input) ?? "-",
            InstrumentId = parseResult.GetValue(Instrument),
            Items = parseResult.GetValue(Items),
            Codes = parseResult.GetValue(Codes),
            Weight = parseResult.GetValue(Weight),
            Strata = parseResult.GetValue(Strata),
            Psu = parseResult.GetValue(Psu),
            Fpc = parseResult.GetValue(Fpc),
            MissingCodes = parseResult.GetValue(MissingCodes) ?? [],
            By = parseResult.GetValue(By) ?? [],
            Indicators = parseResult.GetValue(Indicator) ?? [],
            MaxMissing = parseResult.GetValue(MaxMissing),
            SubscaleThreshold = parseResult.GetValue(SubscaleThreshold),
            LonelyPsu = parseResult.GetValue(LonelyPsu) ?? "fail",
            Delimiter = parseResult.GetValue(Delimiter),
            Encoding = parseResult.GetValue(Encoding) ?? "auto",
            Decimal = parseResult.GetValue(Decimal) ?? "point",
            SkipInvalid = parseResult.GetValue(SkipInvalid),
            Format = parseResult.GetValue(Format),
            Sheet = parseResult.GetValue(Sheet),
        };
    }
}
