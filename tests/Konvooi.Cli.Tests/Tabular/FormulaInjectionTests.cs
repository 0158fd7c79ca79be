using System.Text;
using Konvooi.Analytics.Tabular;

namespace Konvooi.Cli.Tests.Tabular;

/// <summary>Formula injection (issue #17, finding 10): the CLI's CSV writer neutralises text cells that start like a
/// formula, keeps numbers exact, and the CSV reader gives the text back.</summary>
public sealed class FormulaInjectionTests
{
    private static string Write(Action<CsvWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new CsvWriter(buffer))
        {
            write(writer);
            writer.EndRecord();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Theory]
    [InlineData("=1+1", "'=1+1\n")]
    [InlineData("+31", "+31\n")]
    [InlineData("+31 6", "'+31 6\n")]
    [InlineData("-", "'-\n")]
    [InlineData("@x", "'@x\n")]
    [InlineData("\tx", "'\tx\n")]
    [InlineData("\rx", "\"'\rx\"\n")]
    [InlineData("=a,b", "\"'=a,b\"\n")]
    [InlineData("-0.5", "-0.5\n")]
    [InlineData("plain", "plain\n")]
    public void WriteField_Text_NeutralisedUnlessANumber(string value, string expected)
    {
        Assert.Equal(expected, Write(w => w.WriteField(value)));
    }

    [Fact]
    public void WriteField_NegativeNumbers_StayExact()
    {
        Assert.Equal("-0.25,-3\n", Write(w =>
        {
            w.WriteField(-0.25);
            w.WriteField(-3);
        }));
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("@x")]
    [InlineData("'=x")]
    [InlineData("-2+3")]
    [InlineData("'plain")]
    [InlineData("=a,\"b\"")]
    public void Reader_ReadsBackWhatTheWriterWrote(string value)
    {
        var text = Write(w =>
        {
            w.WriteField(value);
            w.WriteField(value);
        });
        using var reader = new CsvReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        Assert.True(reader.ReadRecord());
        Assert.Equal([value, value], [reader.GetString(0), reader.GetString(1)]);
    }

    [Fact]
    public async Task Score_FormulaLikeRespondentId_Neutralised()
    {
        var csv = "id,item1,item2,item3\n=HYPERLINK(\"http://x\"),1,1,1\n-7,1,1,1\n";

        var run = await CliRunner.RunWithInputAsync(csv, ["score", "--instrument", "ucla3", "--id-column", "id"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("id,total,lonely\n\"'=HYPERLINK(\"\"http://x\"\")\",3,false\n-7,3,false\n", run.StdOut);
    }
}
