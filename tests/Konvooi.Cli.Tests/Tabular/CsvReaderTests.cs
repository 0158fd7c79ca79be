using System.Text;
using Konvooi.Analytics.Tabular;

namespace Konvooi.Cli.Tests.Tabular;

public sealed class CsvReaderTests
{
    private static List<(long Line, string[] Fields, bool Problem)> ReadAll(string text, int bufferSize = 1 << 16, bool bom = false, byte? delimiter = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom)
        {
            bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        }

        using var reader = new CsvReader(new MemoryStream(bytes), new CsvReaderOptions { BufferSize = bufferSize, Delimiter = delimiter });
        var records = new List<(long, string[], bool)>();
        while (reader.ReadRecord())
        {
            records.Add((reader.LineNumber, Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray(), reader.HasQuoteProblem));
        }

        return records;
    }

    private static byte Detect(string text)
    {
        using var reader = new CsvReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        reader.ReadRecord();
        return reader.Delimiter;
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n", (byte)',')]
    [InlineData("a;b;c\n1;2;3\n", (byte)';')]
    [InlineData("\"x,y\";b;c\n", (byte)';')]
    [InlineData("single\n1\n", (byte)',')]
    public void ReadRecord_Header_DetectsDelimiter(string text, byte expected)
    {
        Assert.Equal(expected, Detect(text));
    }

    [Fact]
    public void ReadRecord_TabAmongCandidates_DetectsTab()
    {
        using var reader = new CsvReader(new MemoryStream("a\tb\tc\n1\t2\t3\n"u8.ToArray()), new CsvReaderOptions { CandidateDelimiters = [(byte)',', (byte)';', (byte)'\t'] });

        reader.ReadRecord();

        Assert.Equal(((byte)'\t', 3), (reader.Delimiter, reader.FieldCount));
    }

    [Fact]
    public void ReadRecord_Latin1Encoding_DecodesFields()
    {
        using var reader = new CsvReader(new MemoryStream([(byte)'c', (byte)'a', (byte)'f', 0xE9, (byte)'\n']), new CsvReaderOptions { Encoding = System.Text.Encoding.Latin1 });

        reader.ReadRecord();

        Assert.Equal("café", reader.GetString(0));
    }

    [Fact]
    public void ReadRecord_Utf8Bom_IsSkipped()
    {
        var records = ReadAll("id,item1\n1,ja\n", bom: true);

        Assert.Equal(["id", "item1"], records[0].Fields);
    }

    [Fact]
    public void ReadRecord_QuotedFields_UnquotesAndUnescapes()
    {
        var records = ReadAll("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"\"\n");

        Assert.Equal(["x,y", "say \"hi\"", ""], records[1].Fields);
    }

    [Fact]
    public void ReadRecord_LineBreakInQuotes_CountsPhysicalLines()
    {
        var records = ReadAll("a,b\n\"one\ntwo\",2\n\n3,4\n");

        Assert.Equal([1L, 2L, 5L], records.Select(r => r.Line));
        Assert.Equal(["one\ntwo", "2"], records[1].Fields);
    }

    [Fact]
    public void ReadRecord_CrLf_StripsCarriageReturn()
    {
        var records = ReadAll("a,b\r\n1,\"2\"\r\n3,\r\n");

        Assert.Equal([["a", "b"], ["1", "2"], ["3", ""]], records.Select(r => r.Fields));
    }

    [Fact]
    public void ReadRecord_NoFinalLineBreak_ReadsLastRecord()
    {
        var records = ReadAll("a,b\n1,2");

        Assert.Equal(["1", "2"], records[^1].Fields);
    }

    [Fact]
    public void ReadRecord_TrailingDelimiter_GivesEmptyLastField()
    {
        var records = ReadAll("a,b\n1,");

        Assert.Equal(["1", ""], records[^1].Fields);
    }

    [Fact]
    public void ReadRecord_RaggedRow_ReportsItsFieldCount()
    {
        var records = ReadAll("a,b,c\n1,2\n1,2,3,4\n");

        Assert.Equal([3, 2, 4], records.Select(r => r.Fields.Length));
    }

    [Fact]
    public void ReadRecord_UnterminatedQuote_FlagsProblem()
    {
        var records = ReadAll("a,b\n1,\"open\n2,3\n");

        Assert.True(records[^1].Problem);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public void ReadRecord_TextAfterClosingQuote_FlagsProblemAndKeepsRawText()
    {
        var records = ReadAll("a,b\n\"x\"y,2\n");

        Assert.True(records[1].Problem);
        Assert.Equal(["\"x\"y", "2"], records[1].Fields);
    }

    [Fact]
    public void ReadRecord_GivenDelimiter_DoesNotDetect()
    {
        var records = ReadAll("a;b,c\n", delimiter: (byte)',');

        Assert.Equal(["a;b", "c"], records[0].Fields);
    }

    [Fact]
    public void TryGetNumbers_InvariantCulture_Parse()
    {
        using var reader = new CsvReader(new MemoryStream("12,1.5, 7 \n"u8.ToArray()));
        reader.ReadRecord();

        Assert.True(reader.TryGetInt32(0, out var integer));
        Assert.True(reader.TryGetDouble(1, out var number));
        Assert.True(reader.TryGetInt32(2, out var padded));
        Assert.Equal((12, 1.5, 7), (integer, number, padded));
    }

    [Fact]
    public void DecodeField_TooSmallDestination_ReturnsMinusOne()
    {
        using var reader = new CsvReader(new MemoryStream("abcdef\n"u8.ToArray()));
        reader.ReadRecord();

        Assert.Equal(-1, reader.DecodeField(0, stackalloc char[3]));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(31)]
    [InlineData(1 << 16)]
    public void ReadRecord_AnyBufferSize_ReadsWhatAWriterWrote(int bufferSize)
    {
        var random = new Random(bufferSize);
        var expected = new List<string[]>();
        var text = new StringBuilder();
        string[] alphabet = ["a", "ja", "min of meer", ",", ";", "\"", "\n", "\r\n", "é", " ", "12"];
        for (var r = 0; r < 300; r++)
        {
            var fields = Enumerable.Range(0, random.Next(1, 6))
                .Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => alphabet[random.Next(alphabet.Length)])))
                .ToArray();
            if (fields is [""])
            {
                fields = ["x"]; // an empty line is skipped by design
            }

            expected.Add(fields);
            text.Append(string.Join(',', fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f)));
            text.Append(random.Next(2) == 0 ? "\n" : "\r\n");
        }

        var records = ReadAll(text.ToString(), bufferSize, delimiter: (byte)',');

        Assert.Equal(expected, records.Select(r => r.Fields));
        Assert.All(records, r => Assert.False(r.Problem));
    }
}
