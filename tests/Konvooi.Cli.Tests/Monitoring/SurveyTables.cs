using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Parquet;
using Parquet.Schema;
using DataField = Parquet.Schema.DataField;

namespace Konvooi.Cli.Tests.Monitoring;

/// <summary>A column of a generated survey table: CLR type int, long, double, string or bool (Parquet also short, sbyte, uint, DateTime).</summary>
public sealed record SurveyColumn(string Name, Type Type, bool Required = false);

/// <summary>How a table is laid out in a generated workbook.</summary>
public sealed record XlsxLayout
{
    public string SheetName { get; init; } = "Data";

    /// <summary>Sheets written before the data sheet (with one note cell each).</summary>
    public IReadOnlyList<string> SheetsBefore { get; init; } = [];

    /// <summary>String columns written as inline strings instead of shared strings.</summary>
    public IReadOnlySet<string> InlineColumns { get; init; } = new HashSet<string>();

    /// <summary>After every this many data rows an empty spreadsheet row is left (0: none).</summary>
    public int GapEvery { get; init; }

    /// <summary>Missing values are written as empty cells (<c>&lt;c r="B2"/&gt;</c>) instead of being left out.</summary>
    public bool WriteEmptyCells { get; init; }
}

/// <summary>
/// A survey table generated in memory and written as CSV (invariant text), XLSX (Open XML SDK: numbers
/// as number cells, text as shared or inline strings, booleans as boolean cells, missing values as
/// absent cells) and Parquet (Parquet.Net: typed, nullable columns), so the formats hold the same data.
/// </summary>
public sealed class SurveyTable(IReadOnlyList<SurveyColumn> columns, IReadOnlyList<object?[]> rows)
{
    public IReadOnlyList<SurveyColumn> Columns { get; } = columns;

    public IReadOnlyList<object?[]> Rows { get; } = rows;

    /// <summary>
    /// A two-wave, four-stratum, 20-PSU DJG-11 survey: codes 1 = ja, 2 = min of meer, 3 = nee, about 3 %
    /// missing answers (null) and 2 % code 9 ("don't know"), weights with decimals, booleans for living alone.
    /// </summary>
    public static SurveyTable Generate(int rows, int seed = 7)
    {
        var random = new Random(seed);
        var ages = new[] { "18-34", "35-64", "65+" };
        var list = new List<object?[]>(rows);
        for (var i = 0; i < rows; i++)
        {
            var stratum = random.Next(1, 5);
            var row = new object?[9 + 11];
            row[0] = i + 1;
            row[1] = random.Next(2) == 0 ? 2022 : 2024;
            row[2] = "S" + stratum.ToString(CultureInfo.InvariantCulture);
            row[3] = (stratum * 100L) + random.Next(1, 6);
            row[4] = Math.Round(0.3 + (random.NextDouble() * 2.7), 6);
            row[5] = ages[random.Next(ages.Length)];
            row[6] = random.Next(3) == 0;
            row[7] = "Gemeente " + (char)('A' + random.Next(5));
            row[8] = random.Next(50) == 0 ? null : random.NextDouble() * 10;
            // A lonely answer (DJG-11 items 2, 3, 5, 6, 9, 10: ja or min of meer; the others: nee or min of
            // meer) with a chance that differs per respondent, so the indicators vary between groups.
            var loneliness = random.NextDouble() * random.NextDouble();
            for (var q = 0; q < 11; q++)
            {
                var roll = random.Next(100);
                var emotional = q is 1 or 2 or 4 or 5 or 8 or 9;
                var lonely = random.NextDouble() < loneliness;
                var code = !lonely ? (emotional ? 3 : 1) : random.Next(2) == 0 ? 2 : emotional ? 1 : 3;
                row[9 + q] = roll < 3 ? null : roll < 5 ? 9 : code;
            }

            list.Add(row);
        }

        SurveyColumn[] columns =
        [
            new("id", typeof(int), Required: true),
            new("wave", typeof(int)),
            new("stratum", typeof(string)),
            new("psu", typeof(long), Required: true),
            new("weight", typeof(double)),
            new("age_group", typeof(string)),
            new("living_alone", typeof(bool)),
            new("gemeente", typeof(string)),
            new("score_extra", typeof(double)),
            .. Enumerable.Range(1, 11).Select(q => new SurveyColumn("q" + q.ToString(CultureInfo.InvariantCulture), typeof(int))),
        ];
        return new SurveyTable(columns, list);
    }

    /// <summary>A copy with one cell changed (row index 0-based, as in <see cref="Rows"/>).</summary>
    public SurveyTable With(int row, string column, object? value)
    {
        var rows = Rows.Select(r => (object?[])r.Clone()).ToList();
        rows[row][IndexOf(column)] = value;
        var columns = Columns.ToList();
        var index = IndexOf(column);
        if (value is not null && value.GetType() != columns[index].Type)
        {
            columns[index] = columns[index] with { Type = value.GetType() };
        }

        return new SurveyTable(columns, rows);
    }

    /// <summary>A copy with one column converted to another type (nulls stay null).</summary>
    public SurveyTable Converted(string column, Type type, Func<object, object> convert)
    {
        var index = IndexOf(column);
        var rows = Rows.Select(r =>
        {
            var copy = (object?[])r.Clone();
            copy[index] = copy[index] is { } value ? convert(value) : null;
            return copy;
        }).ToList();
        var columns = Columns.ToList();
        columns[index] = columns[index] with { Type = type };
        return new SurveyTable(columns, rows);
    }

    public int IndexOf(string column) => Columns.ToList().FindIndex(c => c.Name == column);

    public string ToCsv()
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', Columns.Select(c => c.Name))).Append('\n');
        foreach (var row in Rows)
        {
            text.Append(string.Join(',', row.Select(Text))).Append('\n');
        }

        return text.ToString();
    }

    public void WriteXlsx(string path, XlsxLayout? layout = null)
    {
        layout ??= new XlsxLayout();
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        var shared = new List<string>();
        var sharedIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        uint sheetId = 1;
        foreach (var name in layout.SheetsBefore)
        {
            var notePart = workbook.AddNewPart<WorksheetPart>();
            notePart.Worksheet = new Worksheet(new SheetData(new Row(new Cell
            {
                CellReference = "A1",
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text("Toelichting")),
            })
            { RowIndex = 1 }));
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(notePart), SheetId = sheetId++, Name = name });
        }

        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            uint line = 1;
            WriteRow(writer, line, [.. Columns.Select(c => (object?)c.Name)], shared, sharedIndex, layout, isHeader: true);
            for (var i = 0; i < Rows.Count; i++)
            {
                line += layout.GapEvery > 0 && i > 0 && i % layout.GapEvery == 0 ? 2u : 1u;
                WriteRow(writer, line, Rows[i], shared, sharedIndex, layout, isHeader: false);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var strings = workbook.AddNewPart<SharedStringTablePart>();
        strings.SharedStringTable = new SharedStringTable(shared.Select(s => new SharedStringItem(new Text(s))));
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = sheetId, Name = layout.SheetName });
    }

    public async Task WriteParquetAsync(string path, int rowGroupSize)
    {
        var fields = Columns.Select(c => new DataField(c.Name, c.Type, isNullable: !c.Required)).ToArray();
        await using var file = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file);
        for (var start = 0; start < Rows.Count; start += rowGroupSize)
        {
            var group = Rows.Skip(start).Take(rowGroupSize).ToList();
            using var rowGroup = writer.CreateRowGroup();
            for (var c = 0; c < Columns.Count; c++)
            {
                var field = fields[c];
                var values = group.Select(r => r[c]).ToList();
                var column = Columns[c];
                if (column.Type == typeof(string))
                {
                    await rowGroup.WriteAsync(field, values.Select(v => (string)v!).ToList());
                }
                else if (column.Type == typeof(int))
                {
                    await WriteValuesAsync<int>(rowGroup, field, values, column.Required);
                }
                else if (column.Type == typeof(long))
                {
                    await WriteValuesAsync<long>(rowGroup, field, values, column.Required);
                }
                else if (column.Type == typeof(double))
                {
                    await WriteValuesAsync<double>(rowGroup, field, values, column.Required);
                }
                else if (column.Type == typeof(short))
                {
                    await WriteValuesAsync<short>(rowGroup, field, values, column.Required);
                }
                else if (column.Type == typeof(sbyte))
                {
                    await WriteValuesAsync<sbyte>(rowGroup, field, values, column.Required);
                }
                else if (column.Type == typeof(uint))
                {
                    await WriteValuesAsync<uint>(rowGroup, field, values, column.Required);
                }
                else if (column.Type == typeof(DateTime))
                {
                    await WriteValuesAsync<DateTime>(rowGroup, field, values, column.Required);
                }
                else
                {
                    await WriteValuesAsync<bool>(rowGroup, field, values, column.Required);
                }
            }
        }
    }

    private static async Task WriteValuesAsync<T>(ParquetRowGroupWriter rowGroup, DataField field, List<object?> values, bool required)
        where T : struct
    {
        if (required)
        {
            await rowGroup.WriteAsync<T>(field, values.Select(v => (T)v!).ToArray().AsMemory());
        }
        else
        {
            await rowGroup.WriteAsync<T>(field, values.Select(v => (T?)v).ToArray().AsMemory());
        }
    }

    private void WriteRow(OpenXmlWriter writer, uint line, object?[] values, List<string> shared, Dictionary<string, int> sharedIndex, XlsxLayout layout, bool isHeader)
    {
        writer.WriteStartElement(new Row { RowIndex = line });
        for (var c = 0; c < values.Length; c++)
        {
            var reference = ColumnName(c) + line.ToString(CultureInfo.InvariantCulture);
            var cell = values[c] switch
            {
                null => layout.WriteEmptyCells ? new Cell { CellReference = reference } : null,
                string s when !isHeader && layout.InlineColumns.Contains(Columns[c].Name) =>
                    new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) },
                string s => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Shared(s, shared, sharedIndex).ToString(CultureInfo.InvariantCulture)) },
                bool b => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
                _ => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Text(values[c])) },
            };
            if (cell is not null)
            {
                writer.WriteElement(cell);
            }
        }

        writer.WriteEndElement();
    }

    private static int Shared(string text, List<string> shared, Dictionary<string, int> index)
    {
        if (!index.TryGetValue(text, out var i))
        {
            i = shared.Count;
            shared.Add(text);
            index.Add(text, i);
        }

        return i;
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
