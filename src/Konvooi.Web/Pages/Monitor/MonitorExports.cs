using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using Konvooi.Domain.Common;
using Konvooi.Features.Monitor;

namespace Konvooi.Web.Pages.Monitor;

/// <summary>
/// The result as CSV (the CLI's columns) and as a minimal XLSX workbook (written as Office Open XML by hand). Text cells
/// that start like a formula are neutralised (<see cref="SpreadsheetText"/>): an apostrophe in the CSV, the
/// <c>quotePrefix</c> style in the workbook.
/// </summary>
public static class MonitorExports
{
    private static readonly string[] EstimateColumns = ["indicator", "n_unweighted", "sum_weight", "estimate", "se", "ci_low", "ci_high", "deff", "suppressed"];
    private static readonly string[] ContrastColumns = ["indicator", "contrast", "kind", "estimate", "se", "ci_low", "ci_high", "p_value"];

    /// <summary>The estimate rows as the CLI writes them: table, one column per grouping variable, then the numbers.</summary>
    public static IReadOnlyList<IReadOnlyList<object?>> EstimateRows(MonitorResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var variables = result.Tables.SelectMany(t => t.Variables).Distinct(StringComparer.Ordinal).ToList();
        var rows = new List<IReadOnlyList<object?>> { new List<object?>([(object?)"table", .. variables, .. EstimateColumns]) };
        foreach (var table in result.Tables)
        {
            foreach (var r in table.Rows)
            {
                var row = new List<object?> { string.Join('+', table.Variables) };
                row.AddRange(variables.Select(v => table.Variables.ToList().IndexOf(v) is var i and >= 0 ? r.Values[i] : null));
                row.AddRange([r.Indicator, r.N, r.SumWeight, r.Estimate, r.Se, r.CiLow, r.CiHigh, r.Deff, r.Suppressed ? "true" : "false"]);
                rows.Add(row);
            }
        }

        return rows;
    }

    public static IReadOnlyList<IReadOnlyList<object?>> ContrastRows(MonitorResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = new List<IReadOnlyList<object?>> { new List<object?>([.. result.ContrastOtherVariables, .. ContrastColumns]) };
        foreach (var c in result.Contrasts)
        {
            var row = new List<object?>(c.OtherValues);
            row.AddRange([c.Indicator, result.ContrastText, c.Kind, c.Estimate, c.Se, c.CiLow, c.CiHigh, c.PValue]);
            rows.Add(row);
        }

        return rows;
    }

    public static byte[] Csv(IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Field)).Append('\n');
        }

        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            long l => l.ToString(CultureInfo.InvariantCulture),
            _ => SpreadsheetText.Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
        };
        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>A workbook with one worksheet per table of rows; numbers as numbers, texts as inline strings.</summary>
    public static byte[] Xlsx(IReadOnlyList<(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows)> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }

            var overrides = string.Concat(sheets.Select((_, i) =>
                $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
            Part("[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" + overrides + "</Types>");
            Part("_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Part("xl/workbook.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                + string.Concat(sheets.Select((s, i) => $"<sheet name=\"{Escape(s.Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")) + "</sheets></workbook>");
            Part("xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"))
                + $"<Relationship Id=\"rId{sheets.Count + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>");
            Part("xl/styles.xml", Styles);
            for (var i = 0; i < sheets.Count; i++)
            {
                var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                var rowNumber = 0;
                foreach (var row in sheets[i].Rows)
                {
                    rowNumber++;
                    xml.Append(CultureInfo.InvariantCulture, $"<row r=\"{rowNumber}\">");
                    for (var c = 0; c < row.Count; c++)
                    {
                        var reference = ColumnName(c) + rowNumber.ToString(CultureInfo.InvariantCulture);
                        switch (row[c])
                        {
                            case null:
                                break;
                            case double d:
                                xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{d.ToString("R", CultureInfo.InvariantCulture)}</v></c>");
                                break;
                            case long l:
                                xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{l.ToString(CultureInfo.InvariantCulture)}</v></c>");
                                break;
                            case var other:
                                var text = Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty;
                                var style = SpreadsheetText.StartsLikeFormula(text) ? " s=\"1\"" : string.Empty;
                                xml.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"{style}><is><t>{Escape(text)}</t></is></c>");
                                break;
                        }
                    }

                    xml.Append("</row>");
                }

                xml.Append("</sheetData></worksheet>");
                Part($"xl/worksheets/sheet{i + 1}.xml", xml.ToString());
            }
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Style 0 is the default; style 1 sets <c>quotePrefix</c>, the spreadsheet's own "this text is not a formula" mark
    /// (what typing an apostrophe before <c>=</c> does in Excel). Text cells that start like a formula get it (issue #17,
    /// finding 10): the value stays exact for readers, and editing the cell in a spreadsheet does not turn it into a formula.
    /// </summary>
    private const string Styles =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" quotePrefix=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
