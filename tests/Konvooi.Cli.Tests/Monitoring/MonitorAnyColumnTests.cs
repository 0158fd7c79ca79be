using System.Globalization;
using Konvooi.Analytics.Monitoring;
using Konvooi.Analytics.Tabular;

namespace Konvooi.Cli.Tests.Monitoring;

/// <summary>
/// Indicators over any input column, <c>--fpc</c>, and runs without <c>--by</c>, against R survey 4.1.1 on its
/// own <c>api</c> example data (bench/reference/make_api_reference.R): apistrat (strata stype, fpc = stratum
/// population) and apiclus1 (one-stage clusters dnum, fpc = districts in the population).
/// </summary>
public sealed class MonitorAnyColumnTests
{
    private const double Tolerance = 1e-9;

    private static readonly string[] Indicators =
    [
        "--indicator", "mean_api00=api00", "--indicator", "hi700=api00>=700", "--indicator", "awarded=awards==\"Yes\"",
    ];

    private static string[] Design(string design) => design switch
    {
        "strat_fpc" => ["--input", Api("api_strat.csv"), "--weight", "pw", "--strata", "stype", "--fpc", "fpc"],
        "strat_nofpc" => ["--input", Api("api_strat.csv"), "--weight", "pw", "--strata", "stype"],
        "clus1_fpc" => ["--input", Api("api_clus1.csv"), "--weight", "pw", "--psu", "dnum", "--fpc", "fpc"],
        _ => ["--input", Api("api_clus1.csv"), "--weight", "pw", "--psu", "dnum"],
    };

    private static string Api(string name) => TestData.Repository("bench", "reference", name);

    [Theory]
    [InlineData("strat_fpc")]
    [InlineData("strat_nofpc")]
    [InlineData("clus1_fpc")]
    [InlineData("clus1_nofpc")]
    public async Task Estimate_ApiData_EqualsRSurvey(string design)
    {
        var reference = TestData.ReadCsv(Api("api_estimates.csv")).Where(r => r["design"] == design).ToList();
        var all = await Estimate([.. Design(design), .. Indicators]);
        var byType = await Estimate([.. Design(design), "--by", "stype", .. Indicators]);
        var logit = await Estimate([.. Design(design), "--by", "stype", "--ci", "logit", .. Indicators]);
        var logitAll = await Estimate([.. Design(design), "--ci", "logit", .. Indicators]);
        Assert.Equal(3, all.Count);
        Assert.Equal(9, byType.Count);
        Assert.All(all, r => Assert.Equal("all", r["table"]));
        Assert.False(all[0].ContainsKey("stype"));
        foreach (var expected in reference)
        {
            var overall = expected["table"] == "all";
            var actual = (overall ? all : byType).Single(r => r["indicator"] == expected["indicator"] && (overall || r["stype"] == expected["stype"]));
            var l = (overall ? logitAll : logit).Single(r => r["indicator"] == expected["indicator"] && (overall || r["stype"] == expected["stype"]));
            Assert.Equal(expected["n"], actual["n_unweighted"]);
            foreach (var column in new[] { "sum_weight", "estimate", "se", "ci_low", "ci_high", "deff" })
            {
                AssertRelative(expected[column], actual[column], $"{design} {expected["table"]} {expected["stype"]} {expected["indicator"]} {column}");
            }

            if (expected["logit_low"].Length > 0)
            {
                AssertRelative(expected["logit_low"], l["ci_low"], $"{design} {expected["stype"]} {expected["indicator"]} logit low");
                AssertRelative(expected["logit_high"], l["ci_high"], $"{design} {expected["stype"]} {expected["indicator"]} logit high");
            }
        }
    }

    [Theory]
    [InlineData("strat_fpc", "difference")]
    [InlineData("strat_fpc", "ratio")]
    [InlineData("strat_nofpc", "difference")]
    [InlineData("clus1_fpc", "difference")]
    [InlineData("clus1_fpc", "ratio")]
    [InlineData("clus1_nofpc", "ratio")]
    public async Task Contrast_ApiData_EqualsRSurvey(string design, string kind)
    {
        var run = await CliRunner.RunAsync(
            ["monitor", "contrast", .. Design(design), "--by", "stype", "--compare", "stype=E vs stype=H", "--kind", kind, .. Indicators]);
        Assert.True(run.ExitCode == 0, run.StdErr);
        var rows = ReadCsvText(run.StdOut);
        var reference = TestData.ReadCsv(Api("api_contrasts.csv")).Where(r => r["design"] == design && r["kind"] == kind).ToList();
        Assert.Equal(3, reference.Count);
        foreach (var expected in reference)
        {
            var actual = rows.Single(r => r["indicator"] == expected["indicator"]);
            foreach (var column in new[] { "estimate", "se", "ci_low", "ci_high", "p_value" })
            {
                AssertRelative(expected[column], actual[column], $"{design} {kind} {expected["indicator"]} {column}");
            }
        }
    }

    [Fact]
    public async Task Estimate_WithoutFpc_IsUnchangedByTheNewPath()
    {
        // The same data with and without an instrument-free indicator: the DJG fast path and the general path agree.
        var withFpcColumnUnused = await Estimate([.. Design("strat_nofpc"), "--by", "stype", "--indicator", "hi700=api00>=700"]);
        var reference = TestData.ReadCsv(Api("api_estimates.csv")).Where(r => r["design"] == "strat_nofpc" && r["indicator"] == "hi700" && r["table"] == "stype");
        foreach (var expected in reference)
        {
            var actual = withFpcColumnUnused.Single(r => r["stype"] == expected["stype"]);
            AssertRelative(expected["se"], actual["se"], "se");
        }

        // A population so large that the correction is nil gives the with-replacement result to 1e-9.
        var csv = File.ReadAllText(Api("api_strat.csv")).Replace(",4421\n", ",1e15\n", StringComparison.Ordinal)
            .Replace(",755\n", ",1e15\n", StringComparison.Ordinal).Replace(",1018\n", ",1e15\n", StringComparison.Ordinal);
        var huge = await CliRunner.RunWithInputAsync(csv, ["monitor", "estimate", "--weight", "pw", "--strata", "stype", "--fpc", "fpc", "--by", "stype", "--indicator", "hi700=api00>=700"]);
        Assert.True(huge.ExitCode == 0, huge.StdErr);
        foreach (var expected in reference)
        {
            var actual = ReadCsvText(huge.StdOut).Single(r => r["stype"] == expected["stype"]);
            AssertRelative(expected["se"], actual["se"], "se with a huge population");
        }
    }

    [Fact]
    public async Task Estimate_InstrumentWithAColumnIndicator_GivesTheFastPathsNumbers()
    {
        string[] design =
        [
            "--input", TestData.File("survey_100k.csv"), "--instrument", "djg11", "--items", "q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11",
            "--codes", "1=ja,2=min of meer,3=nee", "--max-missing", "0", "--weight", "weight", "--strata", "stratum", "--psu", "psu",
            "--by", "wave,age_group", "--indicator", "lonely", "--indicator", "mean_emotional",
        ];
        var fast = await Estimate(design);
        var general = await Estimate([.. design, "--indicator", "none=migration==\"none\""]);
        Assert.Equal(fast.Count * 3 / 2, general.Count);
        foreach (var row in fast)
        {
            var other = general.Single(r => r["wave"] == row["wave"] && r["age_group"] == row["age_group"] && r["indicator"] == row["indicator"]);
            Assert.Equal(row["n_unweighted"], other["n_unweighted"]);
            foreach (var column in new[] { "sum_weight", "estimate", "se", "deff" })
            {
                AssertRelative(row[column], other[column], column);
            }
        }
    }

    [Fact]
    public async Task Estimate_FpcVaryingWithinStratum_IsRefusedWithEveryStratum()
    {
        var csv = "s,w,f,y\nA,1,100,1\nA,1,90,2\nB,1,50,3\nB,1,60,4\nB,1,50,5\n";
        var run = await CliRunner.RunWithInputAsync(csv, ["monitor", "estimate", "--weight", "w", "--strata", "s", "--fpc", "f", "--indicator", "m=y"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.StdOut);
        Assert.Contains("--fpc: the value varies within stratum A; give one value per stratum (got '100' on line 2 and '90' on line 3)", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("--fpc: the value varies within stratum B; give one value per stratum (got '50' on line 4 and '60' on line 5)", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_BadFpcValues_AreRefused()
    {
        var zero = await CliRunner.RunWithInputAsync("s,w,f,y\nA,1,0,1\nA,1,0,2\n", ["monitor", "estimate", "--strata", "s", "--fpc", "f", "--indicator", "m=y"]);
        Assert.Equal(1, zero.ExitCode);
        Assert.Contains("line 2, column f: the fpc must be greater than 0 (a sampling fraction or a population size) (got '0')", zero.StdErr, StringComparison.Ordinal);
        Assert.Contains("line 3, column f: the fpc must be greater than 0", zero.StdErr, StringComparison.Ordinal);

        var mixed = await CliRunner.RunWithInputAsync("s,f,y\nA,0.5,1\nA,0.5,2\nB,40,3\nB,40,4\n", ["monitor", "estimate", "--strata", "s", "--fpc", "f", "--indicator", "m=y"]);
        Assert.Equal(1, mixed.ExitCode);
        Assert.Contains("--fpc: give sampling fractions (all 1 or less) or population sizes (all more than 1), not both (got '0.5' on line 2 and '40' on line 4)", mixed.StdErr, StringComparison.Ordinal);

        var small = await CliRunner.RunWithInputAsync("s,p,f,y\nA,1,2,1\nA,2,2,2\nA,3,2,3\nB,4,5,4\nB,5,5,5\n", ["monitor", "estimate", "--strata", "s", "--psu", "p", "--fpc", "f", "--indicator", "m=y"]);
        Assert.Equal(1, small.ExitCode);
        Assert.Contains("--fpc: stratum A has 3 PSUs but the population size is 2; the fpc column must give the number of PSUs in the population (got '2' on line 2)", small.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("stratum B", small.StdErr, StringComparison.Ordinal);

        var missing = await CliRunner.RunWithInputAsync("s,f,y\nA,,1\nA,x,2\n", ["monitor", "estimate", "--strata", "s", "--fpc", "f", "--indicator", "m=y"]);
        Assert.Contains("line 2, column f: the fpc is missing (got '')", missing.StdErr, StringComparison.Ordinal);
        Assert.Contains("line 3, column f: not a number (got 'x')", missing.StdErr, StringComparison.Ordinal);

        var noColumn = await CliRunner.RunWithInputAsync("s,y\nA,1\n", ["monitor", "estimate", "--strata", "s", "--fpc", "f", "--indicator", "m=y"]);
        Assert.Contains("line 1, column f: no such column in the header (got 's,y')", noColumn.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_CompleteStratum_AddsNoVarianceEvenWithOnePsu()
    {
        // Stratum B is sampled completely (fraction 1) and has one PSU: R's onestrat gives it no variance and no lonely-PSU failure.
        var csv = "s,p,f,y\nA,1,0.5,1\nA,2,0.5,3\nA,3,0.5,8\nB,4,1,4\nB,4,1,5\n";
        var run = await CliRunner.RunWithInputAsync(csv, ["monitor", "estimate", "--strata", "s", "--psu", "p", "--fpc", "f", "--indicator", "m=y"]);
        Assert.True(run.ExitCode == 0, run.StdErr);
        // Stratum A alone: t_j = (y_j − ŷ)/5 with ŷ = 21/5; var = (1 − 0.5) · 3/2 · Σ (t_j − t̄)².
        var y = new[] { 1.0, 3, 8 };
        var t = y.Select(v => (v - 4.2) / 5).ToArray();
        var variance = 0.5 * 1.5 * t.Sum(v => Math.Pow(v - t.Average(), 2));
        var row = ReadCsvText(run.StdOut).Single();
        AssertRelative(Math.Sqrt(variance).ToString("R", CultureInfo.InvariantCulture), row["se"], "se");
    }

    [Fact]
    public async Task Estimate_ColumnIndicators_TextTestsMissingCodesAndScoresApart()
    {
        var csv = "id,herkomst,inkomen,total,item1,item2,item3\n" +
            "1,westers,1000,5,1,1,1\n" +
            "2,non-western,99,5,1,1,1\n" +
            "3,non-western,2000,5,1,1,1\n" +
            "4,,3000,5,1,1,1\n" +
            "5,anders,98,5,1,1,1\n";
        var run = await CliRunner.RunWithInputAsync(
            csv,
            ["monitor", "estimate", "--instrument", "ucla3", "--missing-codes", "inkomen=98,99",
             "--indicator", "nw=herkomst==\"non-western\"", "--indicator", "wa=herkomst in (westers, anders)",
             "--indicator", "inc=inkomen", "--indicator", "rich=inkomen>1500 and herkomst!='westers'",
             "--indicator", "score=total", "--indicator", "column=[total]", "--min-n", "0"]);
        Assert.True(run.ExitCode == 0, run.StdErr);
        var rows = ReadCsvText(run.StdOut).ToDictionary(r => r["indicator"]);
        Assert.Equal("4", rows["nw"]["n_unweighted"]);          // the empty herkomst is missing
        Assert.Equal("0.5", rows["nw"]["estimate"]);
        Assert.Equal("0.5", rows["wa"]["estimate"]);
        Assert.Equal("3", rows["inc"]["n_unweighted"]);         // 98 and 99 are missing
        Assert.Equal("2000", rows["inc"]["estimate"]);
        Assert.Equal("2", rows["rich"]["n_unweighted"]);        // rows 3 (yes) and 1 (no, westers); 4 lacks herkomst
        Assert.Equal("0.5", rows["rich"]["estimate"]);
        Assert.Equal("3", rows["score"]["estimate"]);           // UCLA-3 score of three answers 1
        Assert.Equal("5", rows["column"]["estimate"]);          // the input column total
        Assert.Contains("respondents left out of inc: a value it needs is missing", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_ColumnProblems_AreListed()
    {
        var run = await CliRunner.RunWithInputAsync(
            "a,b\n1,x\ny,2\n",
            ["monitor", "estimate", "--indicator", "ma=a", "--indicator", "mb=b>1", "--indicator", "mc=c"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("line 1, column c: no such column in the header (got 'a,b')", run.StdErr, StringComparison.Ordinal);

        var values = await CliRunner.RunWithInputAsync("a,b\n1,x\ny,2\n", ["monitor", "estimate", "--indicator", "ma=a", "--indicator", "mb=b>1"]);
        Assert.Equal(1, values.ExitCode);
        Assert.Contains("line 2, column b: not a number (name codes that mean missing with --missing-codes) (got 'x')", values.StdErr, StringComparison.Ordinal);
        Assert.Contains("line 3, column a: not a number (name codes that mean missing with --missing-codes) (got 'y')", values.StdErr, StringComparison.Ordinal);

        var options = await CliRunner.RunWithInputAsync(
            "a\n1\n", ["monitor", "estimate", "--indicator", "lonely", "--items", "q1", "--missing-codes", "z=9", "--missing-codes", "a"]);
        Assert.Equal(1, options.ExitCode);
        Assert.Contains("--items: only with --instrument (got 'q1')", options.StdErr, StringComparison.Ordinal);
        Assert.Contains("--indicator: 'lonely' is not an indicator: without --instrument write NAME=COLUMN or NAME=EXPRESSION", options.StdErr, StringComparison.Ordinal);
        Assert.Contains("--missing-codes: expected COLUMN=CODE,CODE…, e.g. income=98,99 (got 'a')", options.StdErr, StringComparison.Ordinal);
        Assert.Contains("--missing-codes: no indicator reads the column z", options.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contrast_WithoutBy_NeedsOneSet()
    {
        var run = await CliRunner.RunAsync(["monitor", "contrast", "--input", Api("api_strat.csv"), "--compare", "stype=E vs stype=H", "--indicator", "m=api00"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--by: a contrast takes one grouping set, e.g. --by wave,age_group (got 0)", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Library_ReadsStreamsAndPreviews()
    {
        var request = new MonitorRequest
        {
            Input = "api_strat.csv",
            Weight = "pw",
            Strata = "stype",
            Fpc = "fpc",
            By = [],
            Indicators = ["m=api00"],
        };
        var plan = MonitorPlan.Create(request);
        using (var stream = File.OpenRead(Api("api_strat.csv")))
        {
            var data = MonitorSource.Read(plan, stream, "api_strat.csv");
            var result = MonitorAnalysis.Estimate(plan, data, Konvooi.Domain.Statistics.IntervalMethod.Wald, 30);
            Assert.False(result.Failed);
            var table = Assert.Single(result.Tables);
            Assert.Equal("all", table.Name);
            Assert.Empty(table.ByVariables);
            AssertRelative("9.4089408027845831", Assert.Single(table.Rows).StandardError.ToString("R", CultureInfo.InvariantCulture), "library se");
        }

        using (var stream = File.OpenRead(Api("api_strat.csv")))
        {
            var preview = MonitorSource.Preview(stream, InputFormat.Csv, "api_strat.csv", maxRows: 20);
            Assert.Equal("cds", preview.Header[0]);
            Assert.Equal(20, preview.Rows.Count);
            Assert.Equal(preview.Header.Count, preview.Rows[0].Count);
            Assert.Equal(1, MonitorColumns.IndexOf(preview.Header, "STYPE"));
        }

        var missing = Assert.Throws<MonitorInputException>(() => MonitorSource.ReadFile(plan, Api("nothing-here.csv")));
        Assert.StartsWith("--input: the file does not exist", missing.Message, StringComparison.Ordinal);
        Assert.Throws<MonitorInputException>(() => MonitorComparison.Parse([], "stype=E vs stype=E", "sum"));
        Assert.Equal(TextEncoding.Auto, plan.Encoding);
    }

    private static async Task<List<Dictionary<string, string>>> Estimate(string[] args)
    {
        var run = await CliRunner.RunAsync(["monitor", "estimate", .. args, "--min-n", "0"]);
        Assert.True(run.ExitCode == 0, run.StdErr);
        return ReadCsvText(run.StdOut);
    }

    private static List<Dictionary<string, string>> ReadCsvText(string text)
    {
        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l =>
        {
            var fields = l.Split(',');
            return header.Select((h, i) => (h, fields[i])).ToDictionary(p => p.h, p => p.Item2, StringComparer.Ordinal);
        })];
    }

    private static void AssertRelative(string expected, string actual, string what)
    {
        var e = double.Parse(expected, NumberStyles.Float, CultureInfo.InvariantCulture);
        var a = double.Parse(actual, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(e - a) <= Tolerance * Math.Abs(e), $"{what}: expected {expected}, got {actual}");
    }
}
