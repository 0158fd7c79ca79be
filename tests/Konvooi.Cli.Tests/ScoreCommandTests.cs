namespace Konvooi.Cli.Tests;

public sealed class ScoreCommandTests
{
    private const string Djg11Header = "id,item1,item2,item3,item4,item5,item6,item7,item8,item9,item10,item11";

    private static Task<CliRun> Score(string csv, params string[] args) =>
        CliRunner.RunWithInputAsync(csv, ["score", .. args]);

    private static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    [Fact]
    public async Task Score_Djg11Labels_WritesIdThenContractColumns()
    {
        var csv = Lines(
            Djg11Header,
            "a,ja,ja,ja,ja,ja,ja,ja,ja,ja,ja,ja", // docs/instruments.md, worked example DJG-11 A
            "b,min of meer,min of meer,min of meer,min of meer,min of meer,min of meer,min of meer,min of meer,min of meer,min of meer,min of meer", // §1.7 C
            "c,ja,ja,ja,ja,nee,min of meer,ja,ja,,,", // §1.7 L with 9, 10, 11 missing
            "d,Yes,YES,More or less,yes,no,No,yes,yes,no,no,yes"); // §1.7 E in English

        var run = await Score(csv, "--instrument", "djg11", "--id-column", "id");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            Lines(
                "id,emotional,social,total,level,missing_items",
                "a,6,0,6,moderately_lonely,0",
                "b,6,5,11,very_severely_lonely,0",
                "c,,0,,,3",
                "d,2,0,2,not_lonely,0"),
            run.StdOut);
    }

    [Theory]
    [InlineData("djg11", "3,3,3,3,3,3,3,3,3,3,3", "emotional,social,total,level,missing_items", "6,0,6,moderately_lonely,0")] // §1.7 A in default codes (3 = ja)
    [InlineData("djg6", "2,2,2,2,2,2", "emotional,social,total,level,missing_items", "3,3,6,severely_lonely,0")] // §2.5 A (2 = min of meer)
    [InlineData("who5", "3,3,2,2,2", "raw,percentage,level", "12,48,poor_wellbeing")] // §6.5 C
    [InlineData("ucla3", "2,2,2", "total,lonely", "6,true")] // §3.6 B
    [InlineData("ons-direct", "1", "answer,chronic", "often_always,true")] // §3.6 ONS
    [InlineData("mastery7", "3,3,3,3,3,3,3", "total", "16")] // §4.5 I
    [InlineData("mastery7-ggd", "3,3,3,2,2,3,3", "total,level", "19,insufficient_mastery")] // §4.5 F
    [InlineData("brs", "3,4,3,3,3,3", "mean,band", "2.8333333333333335,low")] // §5.4 F (round-trip double)
    public async Task Score_EachInstrument_WritesItsOutputColumns(string instrument, string codes, string header, string row)
    {
        var count = codes.Split(',').Length;
        var csv = Lines(string.Join(',', Enumerable.Range(1, count).Select(n => $"item{n}")), codes);

        var run = await Score(csv, "--instrument", instrument);

        Assert.Equal((0, Lines(header, row)), (run.ExitCode, run.StdOut));
    }

    [Fact]
    public async Task Score_SemicolonDelimiterAndBom_AreRead()
    {
        var csv = "\uFEFF" + Lines("id;item1;item2;item3;item4;item5;item6", "7;m;ja;ja;nee;ja;nee").Replace("m;", "min of meer;", StringComparison.Ordinal);

        var run = await Score(csv, "--instrument", "djg6", "--id-column", "id");

        Assert.Equal(Lines("id,emotional,social,total,level,missing_items", "7,1,0,1,not_lonely,0"), run.StdOut);
    }

    [Fact]
    public async Task Score_CodesOption_MapsCodesAndMissingCode()
    {
        // Survey files code 1 = ja, 2 = min of meer, 3 = nee and 9 = refused (docs/cli.md).
        var csv = Lines("item1,item2,item3,item4,item5,item6", "1,1,1,1,9,1", "2,2,2,2,2,2");

        var run = await Score(csv, "--instrument", "djg6", "--codes", "1=ja,2=min of meer,3=nee,9=");

        // §2.5 I (item5 missing) and §2.5 A.
        Assert.Equal(Lines("emotional,social,total,level,missing_items", "3,,3,moderately_lonely,1", "3,3,6,severely_lonely,0"), run.StdOut);
    }

    [Fact]
    public async Task Score_LabelsAndCodesMixed_BothAccepted()
    {
        var csv = Lines("item1,item2,item3", "often,2, Hardly ever ");

        var run = await Score(csv, "--instrument", "ucla3");

        Assert.Equal(Lines("total,lonely", "6,true"), run.StdOut);
    }

    [Fact]
    public async Task Score_ItemsOption_ReadsNamedColumnsInGivenOrder()
    {
        var csv = Lines("q3,q1,q2,other", "1,3,1,x");

        var run = await Score(csv, "--instrument", "ucla3", "--items", "q1,q2,q3");

        Assert.Equal(Lines("total,lonely", "5,false"), run.StdOut);
    }

    [Fact]
    public async Task Score_ColumnNamesDifferInCase_AreMatched()
    {
        var csv = Lines("ITEM1,Item2,item3", "1,1,1");

        var run = await Score(csv, "--instrument", "ucla3");

        Assert.Equal(Lines("total,lonely", "3,false"), run.StdOut);
    }

    [Theory]
    [InlineData(null, "3,0,3,moderately_lonely,1")] // default: ≤ 2 missing, ≤ 1 per subscale (§1.7 M)
    [InlineData("1", "3,0,3,moderately_lonely,1")] // LASA waves B-G rule
    [InlineData("0", ",,,,1")] // any missing item voids total and subscales
    public async Task Score_MaxMissing_SetsTheTotalsLimit(string? maxMissing, string row)
    {
        var csv = Lines("item1,item2,item3,item4,item5,item6,item7,item8,item9,item10,item11", "ja,ja,ja,,min of meer,nee,ja,ja,nee,nee,ja");
        string[] args = maxMissing is null ? ["--instrument", "djg11"] : ["--instrument", "djg11", "--max-missing", maxMissing];

        var run = await Score(csv, args);

        Assert.Equal(Lines("emotional,social,total,level,missing_items", row), run.StdOut);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    public async Task Score_SubscaleThresholdTwoOrThree_Accepted(string threshold)
    {
        var run = await Score(Lines("item1,item2,item3,item4,item5,item6,item7,item8,item9,item10,item11", "1,1,1,1,1,1,1,1,1,1,1"), "--instrument", "djg11", "--subscale-threshold", threshold);

        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData("djg11", "4", "--subscale-threshold: must be 2 or 3 (got '4')")]
    [InlineData("who5", "2", "--subscale-threshold: applies to djg11 only, not to who5 (got '2')")]
    public async Task Score_SubscaleThresholdInvalid_ExitsOne(string instrument, string threshold, string problem)
    {
        var run = await Score(Lines("item1"), "--instrument", instrument, "--subscale-threshold", threshold);

        Assert.Equal((1, string.Empty, problem), (run.ExitCode, run.StdOut, run.StdErr.Trim()));
    }

    [Fact]
    public async Task Score_MaxMissingForCompleteOnlyInstrument_ExitsOne()
    {
        var run = await Score(Lines("item1,item2,item3"), "--instrument", "ucla3", "--max-missing", "1");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("--max-missing: ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_UnknownLabel_ReportsLineAndColumnAndWritesNothing()
    {
        var csv = Lines("item1,item2,item3", "1,1,1", "1,vaak genoeg,1");

        var run = await Score(csv, "--instrument", "ucla3");

        Assert.Equal((1, string.Empty), (run.ExitCode, run.StdOut));
        Assert.Equal("line 3, column item2: not an answer of ucla3 (got 'vaak genoeg')", run.StdErr.Trim());
    }

    [Fact]
    public async Task Score_UnmappedCode_ReportsLineAndColumnAndWritesNothing()
    {
        var csv = Lines("item1,item2,item3", "1,4,1");

        var run = await Score(csv, "--instrument", "ucla3");

        Assert.Equal((1, string.Empty), (run.ExitCode, run.StdOut));
        Assert.Equal("line 2, column item2: code not in the default code table of ucla3 (use --codes) (got '4')", run.StdErr.Trim());
    }

    [Fact]
    public async Task Score_CodeMissingFromCodesOption_IsAProblemNotMissing()
    {
        var csv = Lines("item1,item2,item3", "1,8,1");

        var run = await Score(csv, "--instrument", "ucla3", "--codes", "1=often,2=some of the time,3=hardly ever,9=");

        Assert.Equal("line 2, column item2: code not in --codes (got '8')", run.StdErr.Trim());
    }

    [Fact]
    public async Task Score_RaggedRows_ReportedWithColumn()
    {
        var csv = Lines("id,item1,item2,item3", "1,1,1", "2,1,1,1,extra");

        var run = await Score(csv, "--instrument", "ucla3");

        Assert.Equal((1, string.Empty), (run.ExitCode, run.StdOut));
        Assert.Equal(
            [
                "line 2, column item3: missing field, the row has 3 fields and the header 4 (got '')",
                "line 3, column 5: extra field, the row has 5 fields and the header 4 (got 'extra')",
            ],
            run.StdErr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Score_UnbalancedQuotes_ReportedWithColumn()
    {
        var csv = Lines("item1,item2,item3", "1,\"2\"x,1");

        var run = await Score(csv, "--instrument", "ucla3");

        Assert.Equal((1, string.Empty), (run.ExitCode, run.StdOut));
        Assert.Equal("line 2, column item2: unbalanced quotes (got '\"2\"x')", run.StdErr.Trim());
    }

    [Fact]
    public async Task Score_MaxMissingAboveItemCount_ExitsOne()
    {
        var run = await Score(Lines("item1"), "--instrument", "djg6", "--max-missing", "7");

        Assert.Equal((1, "--max-missing: must be between 0 and 6 for djg6 (got '7')"), (run.ExitCode, run.StdErr.Trim()));
    }

    [Fact]
    public async Task Score_UnknownInstrument_ExitsOne()
    {
        var run = await Score(Lines("item1"), "--instrument", "djg12");

        Assert.Equal((1, string.Empty), (run.ExitCode, run.StdOut));
        Assert.Equal("--instrument: unknown instrument, expected one of djg11, djg6, ucla3, ons-direct, who5, mastery7, mastery7-ggd, brs (got 'djg12')", run.StdErr.Trim());
    }

    [Fact]
    public async Task Score_UnknownColumns_EachReported()
    {
        var run = await Score(Lines("a,item1,item2"), "--instrument", "ucla3", "--id-column", "nr");

        Assert.Equal((1, string.Empty), (run.ExitCode, run.StdOut));
        Assert.Equal(
            [
                "line 1, column item3: no such column in the header (got 'a,item1,item2')",
                "line 1, column nr: no such column in the header (got 'a,item1,item2')",
            ],
            run.StdErr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Score_ManyProblems_EveryOneReportedInFileOrder()
    {
        var csv = Lines("item1,item2,item3", "1,x,1", "1,1,1", "7,1,y", "1,1");

        var run = await Score(csv, "--instrument", "ucla3");

        Assert.Equal(
            [
                "line 2, column item2: not an answer of ucla3 (got 'x')",
                "line 4, column item1: code not in the default code table of ucla3 (use --codes) (got '7')",
                "line 4, column item3: not an answer of ucla3 (got 'y')",
                "line 5, column item3: missing field, the row has 2 fields and the header 3 (got '')",
            ],
            run.StdErr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Score_BadInputWithOutputDash_WritesNothingToStandardOutput()
    {
        var csv = Lines("item1,item2,item3", "1,1,1", "1,1,1", "bad,1,1");

        var run = await Score(csv, "--instrument", "ucla3", "--output", "-");

        Assert.Equal((1, string.Empty), (run.ExitCode, run.StdOut));
    }

    [Fact]
    public async Task Score_BadInputWithOutputFile_CreatesNoFile()
    {
        var directory = Directory.CreateTempSubdirectory("konvooi-score-");
        try
        {
            var output = Path.Combine(directory.FullName, "out.csv");

            var run = await Score(Lines("item1,item2,item3", "1,1,1", "1,1,q"), "--instrument", "ucla3", "--output", output);

            Assert.Equal(1, run.ExitCode);
            Assert.Empty(directory.GetFiles());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Score_OutputFile_WrittenWithLfAndNoBom()
    {
        var directory = Directory.CreateTempSubdirectory("konvooi-score-");
        try
        {
            var output = Path.Combine(directory.FullName, "out.csv");

            var run = await Score(Lines("item1,item2,item3", "3,3,3"), "--instrument", "ucla3", "--output", output);

            Assert.Equal((0, string.Empty), (run.ExitCode, run.StdOut));
            Assert.Equal("total,lonely\n9,true\n"u8.ToArray(), await File.ReadAllBytesAsync(output));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Score_BadCodesAndItemsOptions_AllReported()
    {
        var run = await Score(Lines("item1"), "--instrument", "djg6", "--codes", "1=ja,x=nee,2=misschien", "--items", "a,b");

        Assert.Equal(
            [
                "--codes: code must be a whole number (got 'x')",
                "--codes: 'misschien' is not an answer of djg6 (got '2=misschien')",
                "--items: djg6 has 6 items, so give 6 columns (got 'a,b')",
            ],
            run.StdErr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Score_EmptyInput_ExitsOne()
    {
        var run = await Score(string.Empty, "--instrument", "djg11");

        Assert.Equal((1, string.Empty), (run.ExitCode, run.StdOut));
    }

    [Fact]
    public async Task Score_InputFileMissing_ExitsOne()
    {
        var run = await Score(string.Empty, "--instrument", "djg11", "--input", "/no/such/file.csv");

        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task Score_HeaderOnly_WritesHeaderOnly()
    {
        var run = await Score(Lines("item1,item2,item3"), "--instrument", "ucla3");

        Assert.Equal((0, Lines("total,lonely")), (run.ExitCode, run.StdOut));
    }

    [Fact]
    public async Task Score_IdWithDelimiter_QuotedInOutput()
    {
        var run = await Score(Lines("naam;item1", "\"Jansen, P.\";often/always"), "--instrument", "ons-direct", "--id-column", "naam");

        Assert.Equal(Lines("naam,answer,chronic", "\"Jansen, P.\",often_always,true"), run.StdOut);
    }

    [Fact]
    public async Task Score_FiveCategoryLabels_Scored()
    {
        // docs/instruments.md, worked example DJG-11 J: 5-category answers.
        var csv = Lines("item1,item2,item3,item4,item5,item6,item7,item8,item9,item10,item11", "ja!,ja!,nee!,ja!,min of meer,nee!,ja!,ja!,ja,nee!,nee");

        var run = await Score(csv, "--instrument", "djg11");

        Assert.Equal(Lines("emotional,social,total,level,missing_items", "3,1,4,moderately_lonely,0"), run.StdOut);
    }

    [Fact]
    public async Task Score_BenchSurvey_MatchesReferenceScores()
    {
        // tests/data: survey_100k.csv (codes 1 = ja, 2 = min of meer, 3 = nee) and per-respondent
        // reference scores where any missing item voids every score, i.e. --max-missing 0.
        var survey = TestData.File("survey_100k.csv");
        var reference = await File.ReadAllLinesAsync(TestData.File("reference_scores_100k.csv"));

        var run = await CliRunner.RunAsync(
            "score", "--instrument", "djg11", "--input", survey, "--id-column", "id", "--max-missing", "0",
            "--items", "q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11", "--codes", "1=ja,2=min of meer,3=nee");

        Assert.Equal(0, run.ExitCode);
        var lines = run.StdOut.TrimEnd('\n').Split('\n');
        Assert.Equal(reference.Length, lines.Length);
        var mismatches = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            var ours = lines[i].Split(',');
            var theirs = reference[i].Split(',');
            if (!ours.Take(4).SequenceEqual(theirs.Take(4)))
            {
                mismatches++;
            }
        }

        Assert.Equal(0, mismatches);
    }
}
