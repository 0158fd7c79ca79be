using System.Text;
using Konvooi.Analytics.Tabular;

namespace Konvooi.Cli.Tests.Tabular;

public sealed class CsvReaderFastPathTests
{
    [Theory]
    [InlineData("a,bb,ccc,dddd,eeeee,ffffff,ggggggg,hhhhhhhh,iiiiiiiii,jjjjjjjjjj\n")]                     // longer than one 32-byte block
    [InlineData("a,bb,ccc,dddd,eeeee,ffffff,ggggggg,hhhhhhhh,iiiiiiiii,jjjjjjjjjj\r\n")]                   // CRLF after a long record
    [InlineData("x,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n")]    // many empty fields
    [InlineData("0123456789012345678901234567890,1\n")]                                                    // delimiter right after a block
    [InlineData("first,second,third,fourth,fifth,\"quoted, with comma\",seventh\n")]                       // a quote sends it to the general parser
    [InlineData("short,line\n")]                                                                           // scalar tail only
    [InlineData("no,line,end,at,the,end,of,the,input,which,is,longer,than,thirty,two")]                   // last record without a line end
    public void ReadRecord_AnyRecord_GivesTheFieldsOfTheGeneralParser(string record)
    {
        var text = "h\n" + (record.EndsWith('\n') ? record + record : record);
        var expected = Split(record.TrimEnd('\n').TrimEnd('\r'));

        using var reader = new CsvReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), new CsvReaderOptions { Delimiter = (byte)',' });
        Assert.True(reader.ReadRecord());
        for (var line = 2; line <= (record.EndsWith('\n') ? 3 : 2); line++)
        {
            Assert.True(reader.ReadRecord());
            Assert.Equal(line, reader.LineNumber);
            Assert.Equal(expected, Enumerable.Range(0, reader.FieldCount).Select(reader.GetString));
        }
    }

    private static string[] Split(string record)
    {
        // Reference split for these inputs: commas outside double quotes; quotes removed.
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in record)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
