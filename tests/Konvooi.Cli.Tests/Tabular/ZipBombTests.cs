using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Konvooi.Analytics.Tabular;

namespace Konvooi.Cli.Tests.Tabular;

/// <summary>
/// Zip bombs and oversized inputs (issue #17, finding 11): a small workbook whose shared strings inflate to far more
/// is refused from the sizes the archive declares, quickly, with exit code 1 and a clear message.
/// </summary>
public sealed class ZipBombTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("konvooi-bomb-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A valid workbook whose shared-string part holds <paramref name="sharedStringBytes"/> of one repeated text.</summary>
    internal static void WriteWorkbook(string path, int sharedStringBytes, string sheetCells = "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>b</t></is></c>")
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }

        Part("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>");
        Part("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Part("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        Part("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        Part("xl/worksheets/sheet1.xml", $"<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">{sheetCells}</row></sheetData></worksheet>");
        using var strings = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
        strings.Write("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>");
        var block = new string('a', 1 << 16);
        for (var written = 0; written < sharedStringBytes; written += block.Length)
        {
            strings.Write(block);
        }

        strings.Write("</t></si></sst>");
    }

    [Fact]
    public async Task MonitorEstimate_ZipBombWorkbook_ExitsOneWithinASecond()
    {
        var file = Path.Combine(_directory, "bomb.xlsx");
        WriteWorkbook(file, 48 << 20);
        Assert.True(new FileInfo(file).Length < 1 << 20);

        var clock = Stopwatch.StartNew();
        var run = await CliRunner.RunAsync("monitor", "estimate", "--input", file, "--indicator", "a=a");
        clock.Stop();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("bomb.xlsx: refused: the part 'xl/sharedStrings.xml' would unpack to", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("zip bomb", run.StdErr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.StdOut);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), clock.Elapsed.ToString());
    }

    [Theory]
    [InlineData(1L << 20, 200, 1L << 40, "would unpack to")]
    [InlineData(1L << 30, 10, 1L << 40, "times its stored size")]
    [InlineData(1L << 30, 100000, 1L << 20, "in all")]
    public void Xlsx_OverALimit_Refused(long maxPartBytes, int maxRatio, long maxTotalBytes, string message)
    {
        var file = Path.Combine(_directory, "big.xlsx");
        WriteWorkbook(file, 3 << 20);
        var limits = InputLimits.Default with { MaxPartBytes = maxPartBytes, MaxCompressionRatio = maxRatio, MaxTotalBytes = maxTotalBytes };

        using var stream = File.OpenRead(file);
        var ex = Assert.Throws<InputTooLargeException>(() => XlsxReader.Open(stream, null, limits).Dispose());

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_SharedStringsOverTheCharacterLimit_Refused()
    {
        var file = Path.Combine(_directory, "chars.xlsx");
        WriteWorkbook(file, 1 << 17);
        var limits = InputLimits.Default with { MaxCharactersPerDocument = 100_000 };

        using var stream = File.OpenRead(file);
        var ex = Assert.Throws<InputTooLargeException>(() => XlsxReader.Open(stream, null, limits).Dispose());

        Assert.Contains("characters", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_WithinTheLimits_Read()
    {
        var file = Path.Combine(_directory, "ok.xlsx");
        WriteWorkbook(file, 100);

        using var stream = File.OpenRead(file);
        using var reader = XlsxReader.Open(stream, null);
        var row = new CellRow();

        Assert.True(reader.ReadRow(row, 0));
        Assert.Equal(2, row.FieldCount);
    }

    [Fact]
    public async Task CatalogueImport_HsdsJsonOverTheCap_ExitsOne()
    {
        var file = Path.Combine(_directory, "huge.json");
        await using (var stream = File.Create(file))
        {
            stream.SetLength(InputLimits.Default.MaxJsonBytes + 1);
        }

        var run = await CliRunner.RunAsync("catalogue", "import", "--format", "hsds-json", "--input", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{file}: refused: the input is larger than the limit of 67108864 bytes for a JSON input\n", run.StdErr);
    }
}
