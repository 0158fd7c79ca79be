using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Konvooi.Analytics.Tabular;

/// <summary>
/// A streaming reader of one worksheet of an XLSX workbook (Office Open XML, transitional or strict).
/// The worksheet is read forward-only with an <see cref="XmlReader"/> straight from the ZIP entry, one
/// row at a time, so memory does not grow with the number of rows; only the shared-string table (the
/// distinct texts of the workbook) is loaded, once, as UTF-8 bytes. Cells are placed by their reference
/// (<c>C5</c>), so sparse rows work; rows without any value are skipped.
/// Cell types: numbers (<c>n</c>, as doubles parsed in invariant culture), shared strings (<c>s</c>),
/// inline strings, formula strings (<c>str</c>, the cached value), booleans (<c>true</c>/<c>false</c>),
/// errors (their text, e.g. <c>#N/A</c>) and ISO dates (<c>d</c>, their text).
/// </summary>
internal sealed class XlsxReader : IDisposable
{
    private const int MaxColumns = 16384;
    private static readonly byte[] TrueText = "true"u8.ToArray();
    private static readonly byte[] FalseText = "false"u8.ToArray();

    private readonly ZipArchive _zip;
    private readonly Stream _sheet;
    private readonly XmlReader _xml;
    private readonly SharedStrings _strings;
    private readonly string _rowName;
    private readonly string _cellName;
    private readonly string _valueName;
    private readonly string _inlineName;
    private readonly string _textName;
    private readonly string _phoneticName;
    private readonly string _sheetDataName;
    private readonly string _referenceName;
    private readonly string _typeName;
    private long _lastRow;
    private bool _inSheetData;
    private bool _atEnd;

    private XlsxReader(ZipArchive zip, Stream sheet, XmlReader xml, SharedStrings strings)
    {
        _zip = zip;
        _sheet = sheet;
        _xml = xml;
        _strings = strings;
        var names = xml.NameTable;
        _rowName = names.Add("row");
        _cellName = names.Add("c");
        _valueName = names.Add("v");
        _inlineName = names.Add("is");
        _textName = names.Add("t");
        _phoneticName = names.Add("rPh");
        _sheetDataName = names.Add("sheetData");
        _referenceName = names.Add("r");
        _typeName = names.Add("t");
    }

    /// <summary>The names of the workbook's worksheets, in workbook order.</summary>
    public required IReadOnlyList<string> SheetNames { get; init; }

    /// <summary>The name of the worksheet being read.</summary>
    public required string SheetName { get; init; }

    /// <summary>
    /// Opens the worksheet named <paramref name="sheetName"/>, or the first worksheet when null. The
    /// stream must be seekable and stay open while reading.
    /// </summary>
    /// <exception cref="InvalidDataException">Not an XLSX workbook, or a damaged one.</exception>
    /// <exception cref="XlsxSheetNotFoundException">No worksheet has that name.</exception>
    /// <exception cref="InputTooLargeException">The workbook's parts declare more than <paramref name="limits"/> allow (a zip bomb).</exception>
    public static XlsxReader Open(Stream stream, string? sheetName, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= InputLimits.Default;
        var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        try
        {
            limits.CheckZip(zip);
            var workbookPath = Relationships(zip, "_rels/.rels")
                .FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target ?? "xl/workbook.xml";
            var workbookRelations = Relationships(zip, RelationshipsPathOf(workbookPath));
            var sheets = Sheets(zip, workbookPath);
            var worksheets = sheets
                .Select(s => (s.Name, Relation: workbookRelations.FirstOrDefault(r => r.Id == s.RelationId)))
                .Where(s => s.Relation.Type is not null && s.Relation.Type.EndsWith("/worksheet", StringComparison.Ordinal))
                .ToList();
            if (worksheets.Count == 0)
            {
                throw new InvalidDataException("the workbook has no worksheet");
            }

            var chosen = worksheets[0];
            if (sheetName is not null)
            {
                var exact = worksheets.FindIndex(s => string.Equals(s.Name, sheetName, StringComparison.Ordinal));
                var loose = worksheets.FindAll(s => string.Equals(s.Name, sheetName.Trim(), StringComparison.OrdinalIgnoreCase));
                chosen = exact >= 0 ? worksheets[exact]
                    : loose.Count == 1 ? loose[0]
                    : throw new XlsxSheetNotFoundException(sheetName, [.. worksheets.Select(s => s.Name)]);
            }

            var stringsPath = workbookRelations.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
            var strings = stringsPath is null ? new SharedStrings() : SharedStrings.Load(zip, stringsPath, limits);
            var sheetEntry = Entry(zip, chosen.Relation.Target)
                ?? throw new InvalidDataException($"the worksheet '{chosen.Name}' is missing from the file ({chosen.Relation.Target})");
            var sheetStream = sheetEntry.Open();
            var xml = XmlReader.Create(sheetStream, XmlSettings(limits.MaxCharactersPerDocument));
            return new XlsxReader(zip, sheetStream, xml, strings)
            {
                SheetNames = [.. worksheets.Select(s => s.Name)],
                SheetName = chosen.Name,
            };
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the next row that has at least one value into <paramref name="row"/>, which gets
    /// <paramref name="width"/> fields (more when a value lies further right) and the spreadsheet row
    /// number as its line number. Returns false at the end of the worksheet.
    /// </summary>
    /// <exception cref="InvalidDataException">The worksheet is damaged.</exception>
    /// <exception cref="XmlException">The worksheet is not well-formed XML.</exception>
    public bool ReadRow(CellRow row, int width)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            return ReadNextRow(row, width);
        }
        catch (XmlException ex) when (IsCharacterLimit(ex))
        {
            throw new InputTooLargeException($"refused: the worksheet '{SheetName}' holds more characters than the limit", ex);
        }
    }

    /// <summary>The XML reader's own cap on characters per document (<see cref="InputLimits.MaxCharactersPerDocument"/>) was reached.</summary>
    private static bool IsCharacterLimit(XmlException ex) => ex.Message.Contains(nameof(XmlReaderSettings.MaxCharactersInDocument), StringComparison.Ordinal);

    private bool ReadNextRow(CellRow row, int width)
    {
        while (MoveToNextRow())
        {
            var number = _lastRow + 1;
            if (_xml.MoveToAttribute("r") && long.TryParse(_xml.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var given) && given > 0)
            {
                number = given;
            }

            _xml.MoveToElement();
            _lastRow = number;
            row.Reset(width, number);
            if (_xml.IsEmptyElement)
            {
                continue;
            }

            var any = false;
            var column = -1;
            var depth = _xml.Depth;
            _xml.Read();
            while (_xml.Depth > depth)
            {
                if (_xml.NodeType == XmlNodeType.Element && ReferenceEquals(_xml.LocalName, _cellName))
                {
                    column = ReadCell(row, column + 1, ref any);
                }

                _xml.Read();
            }

            if (any)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads one <c>c</c> element; the reader ends on its end (or empty) element. Returns its column.</summary>
    private int ReadCell(CellRow row, int next, ref bool any)
    {
        var column = next;
        string? type = null;
        while (_xml.MoveToNextAttribute())
        {
            var name = _xml.LocalName;
            if (ReferenceEquals(name, _referenceName))
            {
                column = ColumnOf(_xml.Value, next);
            }
            else if (ReferenceEquals(name, _typeName))
            {
                type = _xml.Value;
            }
        }

        _xml.MoveToElement();
        if (_xml.IsEmptyElement)
        {
            return column;
        }

        string? value = null;
        string? inline = null;
        var depth = _xml.Depth;
        _xml.Read();
        while (_xml.Depth > depth)
        {
            if (_xml.NodeType == XmlNodeType.Element && ReferenceEquals(_xml.LocalName, _valueName))
            {
                value = _xml.ReadElementContentAsString();
            }
            else if (_xml.NodeType == XmlNodeType.Element && ReferenceEquals(_xml.LocalName, _inlineName))
            {
                inline = ReadStringItem(_xml, _textName, _phoneticName);
                _xml.Read();
            }
            else
            {
                _xml.Read();
            }
        }

        switch (type)
        {
            case "s":
                if (value is null)
                {
                    break;
                }

                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= _strings.Count)
                {
                    throw new InvalidDataException(
                        $"row {_lastRow.ToString(CultureInfo.InvariantCulture)}: a cell refers to shared string {value}, which does not exist");
                }

                var text = _strings[index];
                if (!text.IsEmpty)
                {
                    row.SetUtf8(column, text);
                    any = true;
                }

                break;
            case "inlineStr":
                SetText(row, column, inline ?? value, ref any);
                break;
            case "b":
                if (value is "1" or "0")
                {
                    row.SetUtf8(column, value == "1" ? TrueText : FalseText);
                    any = true;
                }
                else
                {
                    SetText(row, column, value, ref any);
                }

                break;
            case null or "n":
                if (value is not null && TrySetInteger(row, column, value))
                {
                    any = true;
                }
                else if (value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    row.SetNumber(column, number);
                    any = true;
                }
                else
                {
                    SetText(row, column, value, ref any);
                }

                break;
            default:
                SetText(row, column, value ?? inline, ref any);
                break;
        }

        return column;
    }

    /// <summary>
    /// Survey cells are mostly small integers (codes, years, ids): digits only, with an optional minus,
    /// are copied as they are, without a round trip through a double's text.
    /// </summary>
    private static bool TrySetInteger(CellRow row, int column, string value)
    {
        var start = value.Length > 1 && value[0] == '-' ? 1 : 0;
        if (value.Length == start || value.Length - start > 15 || (value[start] == '0' && value.Length - start > 1))
        {
            return false;
        }

        Span<byte> text = stackalloc byte[16];
        long number = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (i >= start)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }

                number = (number * 10) + (c - '0');
            }

            text[i] = (byte)c;
        }

        row.SetNumberText(column, text[..value.Length], start == 1 ? -number : number);
        return true;
    }

    private static void SetText(CellRow row, int column, string? text, ref bool any)
    {
        if (!string.IsNullOrEmpty(text))
        {
            row.SetText(column, text);
            any = true;
        }
    }

    /// <summary>The zero-based column of a reference such as <c>AB12</c>; <paramref name="fallback"/> when it has no letters.</summary>
    private int ColumnOf(string reference, int fallback)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (column > MaxColumns)
            {
                throw new InvalidDataException(
                    $"row {_lastRow.ToString(CultureInfo.InvariantCulture)}: the cell reference is beyond the last column XFD (got '{reference}')");
            }
        }

        return i == 0 ? fallback : column - 1;
    }

    /// <summary>Moves to the next <c>row</c> start element inside <c>sheetData</c>.</summary>
    private bool MoveToNextRow()
    {
        while (!_atEnd && _xml.Read())
        {
            if (_xml.NodeType == XmlNodeType.Element)
            {
                if (!_inSheetData)
                {
                    if (ReferenceEquals(_xml.LocalName, _sheetDataName))
                    {
                        _inSheetData = !_xml.IsEmptyElement;
                        _atEnd = _xml.IsEmptyElement;
                    }
                }
                else if (ReferenceEquals(_xml.LocalName, _rowName))
                {
                    return true;
                }
            }
            else if (_xml.NodeType == XmlNodeType.EndElement && _inSheetData && ReferenceEquals(_xml.LocalName, _sheetDataName))
            {
                _atEnd = true;
            }
        }

        _atEnd = true;
        return false;
    }

    /// <summary>
    /// The text of an <c>si</c> or <c>is</c> element: its <c>t</c> elements (of rich-text runs too) joined,
    /// without phonetic hints. The reader ends on the element's end element (or on it when it is empty).
    /// </summary>
    private static string ReadStringItem(XmlReader xml, string textName, string phoneticName)
    {
        if (xml.IsEmptyElement)
        {
            return string.Empty;
        }

        string? single = null;
        StringBuilder? joined = null;
        var depth = xml.Depth;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, phoneticName))
            {
                xml.Skip();
            }
            else if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, textName))
            {
                var text = xml.ReadElementContentAsString();
                if (single is null)
                {
                    single = text;
                }
                else
                {
                    joined ??= new StringBuilder(single);
                    joined.Append(text);
                }
            }
            else
            {
                xml.Read();
            }
        }

        return joined?.ToString() ?? single ?? string.Empty;
    }

    private static XmlReaderSettings XmlSettings(long maxCharacters = 0) => new()
    {
        MaxCharactersInDocument = maxCharacters,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = false,
        CloseInput = false,
    };

    private static ZipArchiveEntry? Entry(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path);
        if (entry is not null)
        {
            return entry;
        }

        foreach (var candidate in zip.Entries)
        {
            if (string.Equals(candidate.FullName.Replace('\\', '/'), path, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string RelationshipsPathOf(string partPath)
    {
        var slash = partPath.LastIndexOf('/');
        return slash < 0 ? "_rels/" + partPath + ".rels" : partPath[..(slash + 1)] + "_rels/" + partPath[(slash + 1)..] + ".rels";
    }

    /// <summary>The relationships of a part, with targets resolved to paths inside the package.</summary>
    private static List<(string Id, string Type, string Target)> Relationships(ZipArchive zip, string relsPath)
    {
        var list = new List<(string, string, string)>();
        var entry = Entry(zip, relsPath);
        if (entry is null)
        {
            return list;
        }

        // The part the relationships belong to: "xl/_rels/workbook.xml.rels" -> base folder "xl/".
        var baseFolder = relsPath[..relsPath.IndexOf("_rels/", StringComparison.Ordinal)];
        using var stream = entry.Open();
        using var xml = XmlReader.Create(stream, XmlSettings());
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship" || xml.GetAttribute("TargetMode") == "External")
            {
                continue;
            }

            var id = xml.GetAttribute("Id");
            var type = xml.GetAttribute("Type");
            var target = xml.GetAttribute("Target");
            if (id is not null && type is not null && target is not null)
            {
                list.Add((id, type, ResolveTarget(baseFolder, target)));
            }
        }

        return list;
    }

    private static string ResolveTarget(string baseFolder, string target)
    {
        var combined = target.StartsWith('/') ? target[1..] : baseFolder + target;
        var parts = new List<string>();
        foreach (var part in combined.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part.Length > 0 && part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>The <c>sheet</c> elements of the workbook part: name and relationship id.</summary>
    private static List<(string Name, string RelationId)> Sheets(ZipArchive zip, string workbookPath)
    {
        var entry = Entry(zip, workbookPath) ?? throw new InvalidDataException($"the workbook part is missing ({workbookPath})");
        var list = new List<(string, string)>();
        using var stream = entry.Open();
        using var xml = XmlReader.Create(stream, XmlSettings());
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "sheet")
            {
                continue;
            }

            string? name = null;
            string? relation = null;
            while (xml.MoveToNextAttribute())
            {
                if (xml.LocalName == "name" && xml.NamespaceURI.Length == 0)
                {
                    name = xml.Value;
                }
                else if (xml.LocalName == "id" && xml.NamespaceURI.Length > 0)
                {
                    relation = xml.Value;
                }
            }

            if (name is not null && relation is not null)
            {
                list.Add((name, relation));
            }
        }

        return list;
    }

    public void Dispose()
    {
        _xml.Dispose();
        _sheet.Dispose();
        _zip.Dispose();
    }

    /// <summary>The shared-string table as one UTF-8 block with offsets: no object per string.</summary>
    private sealed class SharedStrings
    {
        private byte[] _bytes = [];
        private int[] _offsets = [0];

        public int Count => _offsets.Length - 1;

        public ReadOnlySpan<byte> this[int index] => _bytes.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

        public static SharedStrings Load(ZipArchive zip, string path, InputLimits limits)
        {
            try
            {
                return LoadWithin(zip, path, limits);
            }
            catch (XmlException ex) when (IsCharacterLimit(ex))
            {
                throw new InputTooLargeException($"refused: the shared strings '{path}' hold more than {limits.MaxCharactersPerDocument.ToString(CultureInfo.InvariantCulture)} characters (the limit)", ex);
            }
        }

        private static SharedStrings LoadWithin(ZipArchive zip, string path, InputLimits limits)
        {
            var result = new SharedStrings();
            var entry = Entry(zip, path);
            if (entry is null)
            {
                return result;
            }

            var bytes = new List<byte>();
            var offsets = new List<int> { 0 };
            using var stream = entry.Open();
            using var xml = XmlReader.Create(stream, XmlSettings(limits.MaxCharactersPerDocument));
            var itemName = xml.NameTable.Add("si");
            long characters = 0;
            var textName = xml.NameTable.Add("t");
            var phoneticName = xml.NameTable.Add("rPh");
            var buffer = new byte[256];
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || !ReferenceEquals(xml.LocalName, itemName))
                {
                    continue;
                }

                var text = ReadStringItem(xml, textName, phoneticName);
                characters += text.Length;
                limits.CheckCharacters($"the shared strings '{path}'", characters);
                var size = Encoding.UTF8.GetByteCount(text);
                if (buffer.Length < size)
                {
                    buffer = new byte[Math.Max(size, buffer.Length * 2)];
                }

                var written = Encoding.UTF8.GetBytes(text, buffer);
                bytes.AddRange(buffer.AsSpan(0, written));
                offsets.Add(bytes.Count);
            }

            result._bytes = [.. bytes];
            result._offsets = [.. offsets];
            return result;
        }
    }
}

/// <summary>The workbook has no worksheet with the name asked for.</summary>
internal sealed class XlsxSheetNotFoundException : Exception
{
    public XlsxSheetNotFoundException(string sheetName, IReadOnlyList<string> sheetNames)
        : base($"no worksheet named '{sheetName}'")
    {
        SheetName = sheetName;
        SheetNames = sheetNames;
    }

    public XlsxSheetNotFoundException()
    {
    }

    public XlsxSheetNotFoundException(string message) : base(message)
    {
    }

    public XlsxSheetNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public string SheetName { get; } = string.Empty;

    public IReadOnlyList<string> SheetNames { get; } = [];
}
