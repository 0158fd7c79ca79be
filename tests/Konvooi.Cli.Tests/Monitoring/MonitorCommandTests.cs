using System.Globalization;
using System.Text;

namespace Konvooi.Cli.Tests.Monitoring;

public sealed class MonitorCommandTests
{
    private static readonly string[] BenchDesign =
    [
        "--instrument", "djg11", "--items", "q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11", "--codes", "1=ja,2=min of meer,3=nee",
        "--max-missing", "0", "--weight", "weight", "--strata", "stratum", "--psu", "psu",
    ];

    private static readonly string[] BenchIndicators =
    [
        "--indicator", "lonely", "--indicator", "severely_lonely", "--indicator", "emotional_lonely", "--indicator", "social_lonely",
    ];

    // Two strata with two PSUs each; answers use the default DJG codes (1 = nee, 3 = ja).
    private const string SmallFile =
        "id,region,gemeente,gewicht,groep,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11\n" +
        "1,N,a,1.5,x,1,3,3,1,3,3,1,1,3,3,1\n" +
        "2,N,a,1,y,3,1,1,3,1,1,3,3,1,1,3\n" +
        "3,N,b,2,x,2,2,2,2,2,2,2,2,2,2,2\n" +
        "4,N,b,1,y,1,1,1,1,1,1,1,1,1,1,1\n" +
        "5,Z,c,0.5,x,3,3,3,3,3,3,3,3,3,3,3\n" +
        "6,Z,c,1,y,1,3,1,3,1,3,1,3,1,3,1\n" +
        "7,Z,d,2.5,x,3,1,3,1,3,1,3,1,3,1,3\n" +
        "8,Z,d,1,y,2,3,2,3,2,3,2,3,2,3,2\n";

    private static readonly string[] SmallDesign =
    [
        "--instrument", "djg11", "--items", "q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11", "--weight", "gewicht", "--strata", "region", "--psu", "gemeente",
    ];

    [Fact]
    public async Task Estimate_BenchFile_EqualsRSurveyReference()
    {
        var output = Path.GetTempFileName();
        try
        {
            var run = await CliRunner.RunAsync(
                ["monitor", "estimate", "--input", TestData.File("survey_100k.csv"), .. BenchDesign, "--by", "wave,age_group", "--by", "wave,living_alone", "--by", "wave", .. BenchIndicators, "--output", output]);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("100000 rows read, 100000 respondents used, no invalid rows", run.StdErr, StringComparison.Ordinal);
            Assert.Contains("3556 respondents left out of lonely, severely_lonely, emotional_lonely, social_lonely", run.StdErr, StringComparison.Ordinal);
            var rows = ReadCsv(File.ReadAllText(output));
            var reference = ReadCsv(File.ReadAllText(TestData.File("reference_100k.csv")));
            Assert.Equal(128, rows.Count);
            foreach (var expected in reference)
            {
                var table = expected["table"] switch
                {
                    "wave_x_age_group" => "wave+age_group",
                    "wave_x_living_alone" => "wave+living_alone",
                    _ => "wave",
                };
                var actual = rows.Single(r => r["table"] == table && r["wave"] == expected["wave"] && r["indicator"] == expected["indicator"]
                    && (table == "wave" || r[expected["group_var"]] == expected["group_value"]));
                AssertRelative(expected["estimate"], actual["estimate"], 1e-12);
                AssertRelative(expected["se"], actual["se"], 1e-12);
                AssertRelative(expected["sum_weight"], actual["sum_weight"], 1e-12);
                Assert.Equal(expected["n_unweighted"], actual["n_unweighted"]);
            }
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Estimate_SmallFile_WritesColumnsAndRowsInDocumentedOrder()
    {
        var run = await CliRunner.RunWithInputAsync(
            SmallFile, ["monitor", "estimate", .. SmallDesign, "--by", "groep", "--by", "region", "--indicator", "lonely", "--indicator", "t=total", "--min-n", "3"]);

        Assert.Equal(0, run.ExitCode);
        var lines = run.StdOut.TrimEnd('\n').Split('\n');
        Assert.Equal("table,groep,region,indicator,n_unweighted,sum_weight,estimate,se,ci_low,ci_high,deff,suppressed", lines[0]);
        Assert.Equal(
            ["groep,x,,lonely", "groep,x,,t", "groep,y,,lonely", "groep,y,,t", "region,,N,lonely", "region,,N,t", "region,,Z,lonely", "region,,Z,t"],
            lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(4))));
        Assert.DoesNotContain('\r', run.StdOut);
    }

    [Fact]
    public async Task Estimate_SmallCellsWithPublication_BlanksEstimates()
    {
        var run = await CliRunner.RunWithInputAsync(
            SmallFile, ["monitor", "estimate", .. SmallDesign, "--by", "groep", "--indicator", "lonely", "--min-n", "5", "--publication"]);

        Assert.Equal(0, run.ExitCode);
        var row = ReadCsv(run.StdOut)[0];
        Assert.Equal("4", row["n_unweighted"]);
        Assert.Equal("true", row["suppressed"]);
        Assert.Equal(string.Empty, row["estimate"]);
        Assert.Equal(string.Empty, row["se"]);
        Assert.NotEqual(string.Empty, row["sum_weight"]);
    }

    [Fact]
    public async Task Estimate_SemicolonDecimalCommaAndWindows1252_ReadsTheFile()
    {
        var text = SmallFile.Replace(',', ';').Replace('.', ',').Replace(";x;", ";één;", StringComparison.Ordinal);
        var bytes = Encoding.Latin1.GetBytes(text);
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            var semicolon = await CliRunner.RunAsync(["monitor", "estimate", "--input", path, .. SmallDesign, "--by", "groep", "--indicator", "t=total", "--decimal", "comma"]);
            var comma = await CliRunner.RunWithInputAsync(SmallFile.Replace(",x,", ",één,", StringComparison.Ordinal), ["monitor", "estimate", .. SmallDesign, "--by", "groep", "--indicator", "t=total"]);

            Assert.Equal(0, semicolon.ExitCode);
            Assert.Equal(comma.StdOut, semicolon.StdOut);
            Assert.Contains(",één,", semicolon.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Estimate_InvalidRows_ReportsEveryProblemAndWritesNothing()
    {
        var input = SmallFile.Replace("1,N,a,1.5,", "1,N,a,-1,", StringComparison.Ordinal).Replace("5,Z,c,0.5,x,3,3,3,3,3,3,3,3,3,3,3", "5,Z,c,0.5,x,3,3,7,3,3,3,3,3,3,3,misschien", StringComparison.Ordinal);

        var run = await CliRunner.RunWithInputAsync(input, ["monitor", "estimate", .. SmallDesign, "--by", "groep", "--indicator", "lonely"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StdOut);
        var lines = run.StdErr.TrimEnd('\n').Split('\n');
        Assert.Equal("line 2, column gewicht: a weight must be greater than 0 (got '-1')", lines[0]);
        Assert.Equal("line 6, column q3: code not in the default code table of djg11 (use --codes) (got '7')", lines[1]);
        Assert.Equal("line 6, column q11: not an answer of djg11 (got 'misschien')", lines[2]);
    }

    [Fact]
    public async Task Estimate_SkipInvalid_ContinuesAndListsSkippedRows()
    {
        var report = Path.GetTempFileName();
        try
        {
            var input = SmallFile.Replace("1,N,a,1.5,", "1,N,a,abc,", StringComparison.Ordinal);

            var run = await CliRunner.RunWithInputAsync(input, ["monitor", "estimate", .. SmallDesign, "--by", "groep", "--indicator", "lonely", "--skip-invalid", report]);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("line,column,reason,value\n2,gewicht,not a number,abc\n", await File.ReadAllTextAsync(report));
            Assert.Contains("8 rows read, 7 respondents used, 1 invalid rows left out", run.StdErr, StringComparison.Ordinal);
            Assert.Equal("3", ReadCsv(run.StdOut)[0]["n_unweighted"]);
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public async Task Estimate_SinglePsuStratumWithFail_ExitsOneAndNamesTheStratum()
    {
        var input = SmallFile.Replace(",Z,d,", ",Z,c,", StringComparison.Ordinal);

        var run = await CliRunner.RunWithInputAsync(input, ["monitor", "estimate", .. SmallDesign, "--by", "groep", "--indicator", "lonely"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StdOut);
        Assert.Contains("--lonely-psu: stratum Z has only one PSU", run.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--by", "wijk", "line 1, column wijk: no such column in the header")]
    [InlineData("--indicator", "x=total >=", "--indicator: indicator 'x': position 9: the expression ends too early (got 'total >=')")]
    [InlineData("--lonely-psu", "sometimes", "--lonely-psu: expected fail, remove, certainty, adjust or average (got 'sometimes')")]
    public async Task Estimate_WrongOption_ExitsOneWithMessage(string option, string value, string message)
    {
        string[] args = option == "--by"
            ? ["monitor", "estimate", .. SmallDesign, "--by", value, "--indicator", "lonely"]
            : ["monitor", "estimate", .. SmallDesign, "--by", "groep", "--indicator", option == "--indicator" ? value : "lonely", .. option == "--lonely-psu" ? new[] { option, value } : []];

        var run = await CliRunner.RunWithInputAsync(SmallFile, args);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StdOut);
        Assert.Contains(message, run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contrast_BenchFileWaves_DifferenceOfTheTwoEstimates()
    {
        var estimate = await CliRunner.RunAsync(["monitor", "estimate", "--input", TestData.File("survey_100k.csv"), .. BenchDesign, "--by", "wave", "--indicator", "lonely"]);
        var contrast = await CliRunner.RunAsync(
            ["monitor", "contrast", "--input", TestData.File("survey_100k.csv"), .. BenchDesign, "--by", "wave", "--indicator", "lonely", "--compare", "wave=2024 vs wave=2022"]);

        Assert.Equal(0, contrast.ExitCode);
        Assert.StartsWith("table,indicator,contrast,kind,estimate,se,ci_low,ci_high,p_value\n", contrast.StdOut, StringComparison.Ordinal);
        var waves = ReadCsv(estimate.StdOut).ToDictionary(r => r["wave"], r => Number(r["estimate"]), StringComparer.Ordinal);
        var row = Assert.Single(ReadCsv(contrast.StdOut));
        Assert.Equal("wave=2024 vs wave=2022", row["contrast"]);
        Assert.Equal("difference", row["kind"]);
        AssertRelative((waves["2024"] - waves["2022"]).ToString("R", CultureInfo.InvariantCulture), row["estimate"], 1e-12);
        Assert.True(Number(row["p_value"]) < 0.001);
    }

    [Fact]
    public async Task Contrast_ValueNotInData_ExitsOne()
    {
        var run = await CliRunner.RunWithInputAsync(
            SmallFile, ["monitor", "contrast", .. SmallDesign, "--by", "groep", "--indicator", "lonely", "--compare", "groep=x vs groep=q"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--compare: groep has no respondents with the value 'q'", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_Ucla3WithoutDesignColumns_UsesItsIndicators()
    {
        // docs/instruments.md, worked examples UCLA-3: totals 6 (B), 5 (C), 9 (F) and 3 (A); lonely = total >= 6. No weight, strata or PSU:
        // a simple random sample, so the proportion is 2/4.
        const string input = "g,item1,item2,item3\na,2,2,2\na,2,2,1\na,3,3,3\na,1,1,1\n";

        var run = await CliRunner.RunWithInputAsync(input, ["monitor", "estimate", "--instrument", "ucla3", "--by", "g", "--indicator", "lonely", "--indicator", "mean_total"]);

        Assert.Equal(0, run.ExitCode);
        var rows = ReadCsv(run.StdOut);
        Assert.Equal("0.5", rows[0]["estimate"]);
        Assert.Equal("5.75", rows[1]["estimate"]);
        Assert.Equal("4", rows[0]["sum_weight"]);
        // With replacement: var = n/(n − 1) Σ((y − p)/n)² = p(1 − p)/(n − 1) = 1/12.
        AssertRelative(Math.Sqrt(1.0 / 12).ToString("R", CultureInfo.InvariantCulture), rows[0]["se"], 1e-14);
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void AssertRelative(string expected, string actual, double tolerance)
    {
        var e = Number(expected);
        var a = Number(actual);
        Assert.True(Math.Abs(e - a) <= tolerance * Math.Abs(e), $"expected {expected}, got {actual}");
    }

    private static List<Dictionary<string, string>> ReadCsv(string text)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l =>
        {
            var fields = l.Split(',');
            return header.Select((h, i) => (h, fields[i])).ToDictionary(p => p.h, p => p.Item2, StringComparer.Ordinal);
        })];
    }
}
