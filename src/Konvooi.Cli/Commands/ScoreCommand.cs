using System.CommandLine;
using System.Globalization;
using Konvooi.Cli.Common;
using Konvooi.Analytics.Tabular;
using Konvooi.Domain.Questionnaires;

namespace Konvooi.Cli.Commands;

/// <summary>
/// <c>konvooi score</c>: scores every row of a CSV file with one instrument (docs/instruments.md).
/// Streams: one row in memory at a time. Bad input: every problem on standard error, exit 1, no output.
/// </summary>
public static class ScoreCommand
{
    private const int StackCellLength = 128;

    public static Command Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var instrument = new Option<string>("--instrument")
        {
            Description = "De vragenlijst: " + string.Join(", ", Instruments.All.Select(i => i.Id)) + ".",
            Required = true,
        };
        var input = new Option<string>("--input") { Description = "CSV-bestand met een kopregel, of - voor standaardinvoer.", DefaultValueFactory = _ => "-" };
        var output = new Option<string>("--output") { Description = "Bestand voor de uitkomsten, of - voor standaarduitvoer.", DefaultValueFactory = _ => "-" };
        var items = new Option<string?>("--items") { Description = "Kolommen met de antwoorden, in de volgorde van de vragenlijst (standaard item1…itemN)." };
        var codes = new Option<string?>("--codes") { Description = "Codes als antwoorden, bijvoorbeeld \"1=ja,2=min of meer,3=nee,9=\" (een code zonder antwoord telt als ontbrekend)." };
        var idColumn = new Option<string?>("--id-column") { Description = "Kolom die ongewijzigd vooraan in de uitvoer komt." };
        var maxMissing = new Option<int?>("--max-missing") { Description = "Hoeveel vragen mogen ontbreken voor de totaalscore (djg11 standaard 2, djg6 standaard 1)." };
        var threshold = new Option<int?>("--subscale-threshold") { Description = "Grens voor emotioneel/sociaal eenzaam bij djg11: 2 of 3 (standaard 3)." };

        var command = new Command("score", "Bereken scores van een vragenlijst voor elke regel van een CSV-bestand.");
        foreach (var option in new Option[] { instrument, input, output, items, codes, idColumn, maxMissing, threshold })
        {
            command.Options.Add(option);
        }

        command.SetGuardedAction(console, parseResult => Run(
            console,
            new Request(
                parseResult.GetValue(instrument)!, // Required = true: the parser guarantees a value.
                parseResult.GetValue(input) ?? "-",
                parseResult.GetValue(output) ?? "-",
                parseResult.GetValue(items),
                parseResult.GetValue(codes),
                parseResult.GetValue(idColumn),
                parseResult.GetValue(maxMissing),
                parseResult.GetValue(threshold))));
        return command;
    }

    private sealed record Request(
        string InstrumentId,
        string Input,
        string Output,
        string? Items,
        string? Codes,
        string? IdColumn,
        int? MaxMissing,
        int? SubscaleThreshold);

    private static int Run(CliConsole console, Request request)
    {
        var (instrument, scorer, mapper, itemColumns) = Prepare(request);

        using var stream = InputSource.Open(request.Input, console);
        using var reader = new CsvReader(stream);
        if (!reader.ReadRecord())
        {
            throw new CliUserException("line 1: the input is empty, expected a header line (got '')");
        }

        var header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i).Trim()).ToArray();
        var headerProblems = new List<string>();
        var itemIndexes = itemColumns.Select(c => FindColumn(header, c, headerProblems)).ToArray();
        var idIndex = request.IdColumn is null ? -1 : FindColumn(header, request.IdColumn, headerProblems);
        if (headerProblems.Count > 0)
        {
            throw new CliUserException(headerProblems);
        }

        using var spool = new OutputSpool(request.Output, console);
        using var writer = new CsvWriter(spool.Stream);
        if (idIndex >= 0)
        {
            writer.WriteField(header[idIndex]);
        }

        foreach (var field in instrument.OutputFields)
        {
            writer.WriteField(field);
        }

        writer.EndRecord();

        var djg = instrument.Shape == ResultShape.DeJongGierveld ? DjgScorer.Create(instrument, scorer.Settings) : null;
        var problems = 0;
        var rows = 0L;
        var answers = new int[itemIndexes.Length];
        Span<char> cell = stackalloc char[StackCellLength];
        while (reader.ReadRecord())
        {
            rows++;
            if (!CheckShape(reader, header, console, ref problems))
            {
                continue;
            }

            var rowIsValid = true;
            for (var i = 0; i < itemIndexes.Length; i++)
            {
                var column = itemIndexes[i];
                var length = reader.DecodeField(column, cell);
                var mapped = length >= 0 ? mapper.Map(cell[..length]) : mapper.Map(reader.GetString(column));
                if (mapped.Status is AnswerStatus.Answered or AnswerStatus.Missing)
                {
                    answers[i] = mapped.OptionIndex;
                    continue;
                }

                rowIsValid = false;
                var raw = reader.GetString(column);
                var reason = mapped.Status == AnswerStatus.UnknownLabel
                    ? $"not an answer of {instrument.Id}"
                    : request.Codes is null ? $"code not in the default code table of {instrument.Id} (use --codes)" : "code not in --codes";
                Report(console, ref problems, reader.LineNumber, header[column], reason, raw);
            }

            if (!rowIsValid || problems > 0)
            {
                continue;
            }

            if (idIndex >= 0)
            {
                writer.WriteField(reader.GetString(idIndex));
            }

            if (djg is not null)
            {
                // The hot path of large survey files: the allocation-free DJG scorer.
                var djgScore = djg.Score(answers);
                writer.WriteField(djgScore.Emotional);
                writer.WriteField(djgScore.Social);
                writer.WriteField(djgScore.Total);
                writer.WriteField(djgScore.Level?.Code);
                writer.WriteField(djgScore.MissingItems);
            }
            else
            {
                var score = scorer.Score(answers);
                for (var f = 0; f < instrument.OutputFields.Count; f++)
                {
                    writer.WriteValue(score.Fields[f].Value);
                }
            }

            writer.EndRecord();
        }

        if (problems > 0)
        {
            return ExitCodes.BadInput;
        }

        writer.Dispose(); // flushes into the spool, which stays open (leaveOpen)
        spool.Commit();
        console.Error.WriteLine($"konvooi score: {rows.ToString(CultureInfo.InvariantCulture)} {(rows == 1 ? "row" : "rows")} scored with {instrument.Id}");
        return ExitCodes.Success;
    }

    private static (Instrument Instrument, InstrumentScorer Scorer, AnswerMapper Mapper, IReadOnlyList<string> ItemColumns) Prepare(Request request)
    {
        var instrument = Instruments.Find(request.InstrumentId.Trim());
        if (instrument is null)
        {
            throw new CliUserException(
                $"--instrument: unknown instrument, expected one of {string.Join(", ", Instruments.All.Select(i => i.Id))} (got '{request.InstrumentId}')");
        }

        var problems = new List<string>();
        var settings = new ScoringSettings { MaxMissingItems = request.MaxMissing, SubscaleThreshold = request.SubscaleThreshold };
        foreach (var error in instrument.Validate(settings))
        {
            var (option, value) = error.Code.StartsWith("max_missing", StringComparison.Ordinal)
                ? ("--max-missing", request.MaxMissing)
                : ("--subscale-threshold", request.SubscaleThreshold);
            problems.Add($"{option}: {error.Message} (got '{value?.ToString(CultureInfo.InvariantCulture)}')");
        }

        CodeMap? codeMap = null;
        if (request.Codes is not null)
        {
            var (map, errors) = CodeMap.Parse(request.Codes, instrument);
            problems.AddRange(errors.Select(e => $"--codes: {e.Message}"));
            codeMap = map;
        }

        IReadOnlyList<string> columns = Enumerable.Range(1, instrument.Items.Count).Select(n => $"item{n.ToString(CultureInfo.InvariantCulture)}").ToArray();
        if (request.Items is not null)
        {
            var given = request.Items.Split(',').Select(c => c.Trim()).ToArray();
            if (given.Length != instrument.Items.Count)
            {
                problems.Add($"--items: {instrument.Id} has {instrument.Items.Count.ToString(CultureInfo.InvariantCulture)} items, so give {instrument.Items.Count.ToString(CultureInfo.InvariantCulture)} columns (got '{request.Items}')");
            }
            else if (given.Any(c => c.Length == 0))
            {
                problems.Add($"--items: a column name is empty (got '{request.Items}')");
            }
            else if (given.Distinct(StringComparer.OrdinalIgnoreCase).Count() != given.Length)
            {
                problems.Add($"--items: a column is listed twice (got '{request.Items}')");
            }

            columns = given;
        }

        if (problems.Count > 0)
        {
            throw new CliUserException(problems);
        }

        return (instrument, instrument.CreateScorer(settings), AnswerMapper.Create(instrument, codeMap), columns);
    }

    /// <summary>Finds a column by exact name, else case-insensitively; reports a missing or ambiguous column.</summary>
    private static int FindColumn(string[] header, string name, List<string> problems)
    {
        var exact = Array.FindIndex(header, h => string.Equals(h, name, StringComparison.Ordinal));
        if (exact >= 0)
        {
            return exact;
        }

        var matches = Enumerable.Range(0, header.Length).Where(i => string.Equals(header[i], name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        var reason = matches.Count == 0 ? "no such column in the header" : "more than one column has this name";
        problems.Add($"line 1, column {name}: {reason} (got '{string.Join(",", header)}')");
        return -1;
    }

    /// <summary>Reports a ragged row or a quoting problem; returns whether the row can be read.</summary>
    private static bool CheckShape(CsvReader reader, string[] header, CliConsole console, ref int problems)
    {
        if (reader.FieldCount < header.Length)
        {
            Report(
                console,
                ref problems,
                reader.LineNumber,
                header[reader.FieldCount],
                $"missing field, the row has {reader.FieldCount.ToString(CultureInfo.InvariantCulture)} fields and the header {header.Length.ToString(CultureInfo.InvariantCulture)}",
                string.Empty);
            return false;
        }

        if (reader.FieldCount > header.Length)
        {
            Report(
                console,
                ref problems,
                reader.LineNumber,
                (header.Length + 1).ToString(CultureInfo.InvariantCulture),
                $"extra field, the row has {reader.FieldCount.ToString(CultureInfo.InvariantCulture)} fields and the header {header.Length.ToString(CultureInfo.InvariantCulture)}",
                reader.GetString(header.Length));
            return false;
        }

        if (reader.HasQuoteProblem)
        {
            Report(console, ref problems, reader.LineNumber, header[reader.QuoteProblemField], "unbalanced quotes", reader.GetString(reader.QuoteProblemField));
            return false;
        }

        return true;
    }

    private static void Report(CliConsole console, ref int problems, long line, string column, string reason, string value)
    {
        problems++;
        console.Error.WriteLine($"line {line.ToString(CultureInfo.InvariantCulture)}, column {column}: {reason} (got '{value}')");
    }
}
