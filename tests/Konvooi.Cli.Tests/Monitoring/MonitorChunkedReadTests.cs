using System.Globalization;
using System.Text;

namespace Konvooi.Cli.Tests.Monitoring;

/// <summary>
/// A regular CSV file of 4 MB or more is read in chunks side by side (one per core), and most rows take
/// the reader's fast path. These tests check that both shortcuts give exactly what one plain pass over
/// standard input gives: the same estimates, the same problems with the same line numbers.
/// </summary>
public sealed class MonitorChunkedReadTests
{
    private static readonly string[] Design =
    [
        "monitor", "estimate", "--instrument", "djg11", "--items", "q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11",
        "--codes", "1=ja,2=min of meer,3=nee", "--max-missing", "0", "--weight", "weight", "--strata", "stratum", "--psu", "psu",
        "--by", "wave,age_group", "--by", "wave", "--indicator", "lonely", "--indicator", "emotional_lonely",
    ];

    [Fact]
    public async Task Estimate_LargeFileWithProblemsAndEmptyLines_EqualsOnePassOverStandardInput()
    {
        var lines = BenchLines();
        lines[9] = ReplaceField(lines[9], 4, "abc");            // weight, early in the first chunk
        lines.Insert(20_000, string.Empty);                     // an empty line still counts as a line
        lines[80_000] = ReplaceField(lines[80_000], 11, "7");  // q3: a code not in --codes, second chunk
        lines[95_000] = ReplaceField(lines[95_000], 2, " ");   // stratum missing
        lines[99_000] = ReplaceField(lines[99_000], 2, " 7 "); // spaces around a stratum are allowed

        var (file, stdin) = await RunBothAsync(lines);

        AssertSame(stdin, file);
        Assert.Contains("100000 rows read, 99997 respondents used, 3 invalid rows left out", file.StdErr, StringComparison.Ordinal);
        Assert.Equal(
            "line,column,reason,value\n" +
            "10,weight,not a number,abc\n" +
            "80001,q3,code not in --codes,7\n" +
            "95001,stratum,the stratum is missing,\n",
            file.Report);
    }

    [Fact]
    public async Task Estimate_LargeFileWithAQuotedLineBreak_EqualsOnePassOverStandardInput()
    {
        var lines = BenchLines();
        lines[70_000] = ReplaceField(lines[70_000], 6, "\"f\nx\"");  // sex (not used): a field over two lines
        lines[90_000] = ReplaceField(lines[90_000], 4, "-2");

        var (file, stdin) = await RunBothAsync(lines);

        AssertSame(stdin, file);
        Assert.Contains("\n90002,weight,a weight must be greater than 0,-2\n", file.Report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_LargeSemicolonFileWithDecimalCommaAndCrLf_EqualsOnePassOverStandardInput()
    {
        var lines = BenchLines().Select(l => l.Replace(',', ';')).ToList();
        for (var i = 1; i < lines.Count; i++)
        {
            var fields = lines[i].Split(';');
            fields[4] = fields[4].Replace('.', ',');
            lines[i] = string.Join(';', fields);
        }

        lines[60_000] = lines[60_000].Replace(";1;", ";x;", StringComparison.Ordinal);
        var text = string.Join("\r\n", lines) + "\r\n";

        var (file, stdin) = await RunBothAsync(text, ["--decimal", "comma"]);

        AssertSame(stdin, file);
        Assert.Contains("100000 rows read, 99999 respondents used, 1 invalid rows left out", file.StdErr, StringComparison.Ordinal);
        Assert.StartsWith("line,column,reason,value\n60001,", file.Report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_QuotedFieldsLabelsAndSpaces_GiveTheSameResultAsPlainFields()
    {
        // The fast path reads plain fields; quoting every field sends every row through the general path.
        var lines = BenchLines().Take(3_000).ToList();
        for (var i = 1; i < lines.Count; i += 7)
        {
            lines[i] = ReplaceField(ReplaceField(lines[i], 9, "ja"), 5, " " + lines[i].Split(',')[5] + " ");
        }

        var plain = string.Join('\n', lines) + "\n";
        var quoted = string.Join('\n', lines.Select(l => string.Join(',', l.Split(',').Select(f => "\"" + f + "\"")))) + "\n";

        var fast = await CliRunner.RunWithInputAsync(plain, [.. Design, "--output", "-"]);
        var general = await CliRunner.RunWithInputAsync(quoted, [.. Design, "--output", "-"]);

        Assert.Equal(0, fast.ExitCode);
        Assert.Equal(general.StdOut, fast.StdOut);
        Assert.Equal(general.StdErr, fast.StdErr);
    }

    /// <summary>Same problems and summary; the same numbers up to the order of summation (1e-12 relative).</summary>
    private static void AssertSame(Outcome expected, Outcome actual)
    {
        Assert.Equal(expected.Report, actual.Report);
        Assert.Equal(expected.StdErr.Replace("/stdin/", "/file/", StringComparison.Ordinal), actual.StdErr);
        var expectedLines = expected.Output.Split('\n');
        var actualLines = actual.Output.Split('\n');
        Assert.Equal(expectedLines.Length, actualLines.Length);
        for (var i = 0; i < expectedLines.Length; i++)
        {
            var e = expectedLines[i].Split(',');
            var a = actualLines[i].Split(',');
            Assert.Equal(e.Length, a.Length);
            for (var j = 0; j < e.Length; j++)
            {
                if (e[j] == a[j])
                {
                    continue;
                }

                var x = double.Parse(e[j], CultureInfo.InvariantCulture);
                var y = double.Parse(a[j], CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(x - y) <= 1e-12 * Math.Abs(x), $"line {i + 1}, field {j + 1}: {e[j]} and {a[j]}");
            }
        }
    }

    private static List<string> BenchLines() =>
        [.. File.ReadAllText(TestData.File("survey_100k.csv")).TrimEnd('\n').Split('\n')];

    private static string ReplaceField(string line, int index, string value)
    {
        var fields = line.Split(',');
        fields[index] = value;
        return string.Join(',', fields);
    }

    private static Task<(Outcome File, Outcome Stdin)> RunBothAsync(List<string> lines) =>
        RunBothAsync(string.Join('\n', lines) + "\n", []);

    private static async Task<(Outcome File, Outcome Stdin)> RunBothAsync(string text, string[] options)
    {
        var directory = Directory.CreateTempSubdirectory("konvooi-chunks-");
        try
        {
            var input = Path.Combine(directory.FullName, "survey.csv");
            await File.WriteAllTextAsync(input, text);
            Assert.True(new FileInfo(input).Length >= 4 << 20, "the file must be large enough to be read in chunks");
            return (await RunAsync(directory, "file", ["--input", input, .. options]), await RunAsync(directory, "stdin", ["--input", "-", .. options], text));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<Outcome> RunAsync(DirectoryInfo directory, string name, string[] input, string stdin = "")
    {
        // The summary names the report, so both runs use the same relative name in their own folder.
        var folder = directory.CreateSubdirectory(name).FullName;
        var output = Path.Combine(folder, "estimates.csv");
        var report = Path.Combine(folder, "skipped.csv");
        var run = await CliRunner.RunWithInputAsync(Encoding.UTF8.GetBytes(stdin), [.. Design, .. input, "--output", output, "--skip-invalid", report]);
        Assert.Equal(0, run.ExitCode);
        return new Outcome(await File.ReadAllTextAsync(output), await File.ReadAllTextAsync(report), run.StdErr);
    }

    private sealed record Outcome(string Output, string Report, string StdErr);
}

public sealed class HotPathWarmUpTests
{
    [Fact]
    public void PrepareAll_CompilesTheRowLoopWithoutErrors()
    {
        var methods = Konvooi.Analytics.Monitoring.HotPathWarmUp.Methods().Select(m => m.DeclaringType!.Name + "." + m.Name).ToList();

        Konvooi.Analytics.Monitoring.HotPathWarmUp.PrepareAll();

        Assert.Contains("ChunkAggregator.TryAddPlain", methods);
        Assert.Contains("CsvReader.TryParseUnquotedRecord", methods);
        Assert.Contains("SurveyAggregates.Add", methods);
    }
}
