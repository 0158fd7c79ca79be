using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Konvooi.Domain.Common;

namespace Konvooi.Domain.Matching.Hsds;

/// <summary>Writes and reads <see cref="HsdsTables"/> as an HSDS tabular data package (CSV files).</summary>
internal static class HsdsTabular
{
    public const string DescriptorFile = "datapackage.json";

    public static SortedDictionary<string, string> Write(HsdsTables tables, string version)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, file, columns) in HsdsTables.Schema)
        {
            var text = new StringBuilder();
            text.Append(string.Join(',', columns)).Append('\n');
            foreach (var row in tables.Rows[name])
            {
                text.Append(string.Join(',', columns.Select(c => Quote(row.Values.GetValueOrDefault(c) ?? string.Empty)))).Append('\n');
            }

            files[file] = text.ToString();
        }

        files[DescriptorFile] = Descriptor(version);
        return files;
    }

    public static HsdsTables Read(IReadOnlyDictionary<string, string> files, List<InputProblem> problems)
    {
        var tables = new HsdsTables();
        foreach (var (name, file, columns) in HsdsTables.Schema)
        {
            if (!files.TryGetValue(file, out var text))
            {
                if (name is "service" or "attribute" or "taxonomy" or "taxonomy_term")
                {
                    problems.Add(new InputProblem(file, "is missing from the data package"));
                }

                continue;
            }

            ReadTable(tables, name, file, columns, text, problems);
        }

        return tables;
    }

    private static void ReadTable(HsdsTables tables, string name, string file, string[] columns, string text, List<InputProblem> problems)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var records = Parse(text, file, problems);
        if (records.Count == 0)
        {
            problems.Add(new InputProblem(file, "has no header line"));
            return;
        }

        var header = records[0].Fields;
        foreach (var required in columns.Where(c => c == "id" || (c.EndsWith("_id", StringComparison.Ordinal) && c != "organization_id")))
        {
            if (!header.Contains(required))
            {
                problems.Add(new InputProblem($"{file} line 1", $"has no column {required}"));
            }
        }

        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != header.Count)
            {
                problems.Add(new InputProblem(string.Create(CultureInfo.InvariantCulture, $"{file} line {line}"),
                    string.Create(CultureInfo.InvariantCulture, $"has {fields.Count} fields but the header has {header.Count}")));
                continue;
            }

            var row = new HsdsRow(name, string.Create(CultureInfo.InvariantCulture, $"{file} line {line}"), isCsv: true);
            for (var i = 0; i < header.Count; i++)
            {
                row.Values[header[i]] = SpreadsheetText.Restore(fields[i]);
            }

            tables.Rows[name].Add(row);
        }
    }

    /// <summary>RFC 4180 records with the physical line each starts on (the header is line 1).</summary>
    private static List<(int Line, List<string> Fields)> Parse(string text, string file, List<InputProblem> problems)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var atRecordStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            atRecordStart = false;
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add((recordLine, fields));
                fields = [];
                line++;
                recordLine = line;
                atRecordStart = true;
            }
            else
            {
                field.Append(c);
            }
        }

        if (inQuotes)
        {
            problems.Add(new InputProblem(string.Create(CultureInfo.InvariantCulture, $"{file} line {recordLine}"), "has a quoted field that is never closed"));
        }
        else if (!atRecordStart || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        return records;
    }

    private static string Quote(string value) => QuoteNeutralised(SpreadsheetText.Neutralise(value));

    private static string QuoteNeutralised(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;

    private static string Descriptor(string version)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("profile", "tabular-data-package");
            writer.WriteString("name", "konvooi-catalogue");
            writer.WriteString("title", "Konvooi interventiecatalogus (HSDS 3.0)");
            writer.WriteString("version", version);
            writer.WriteStartArray("resources");
            foreach (var (name, file, columns) in HsdsTables.Schema)
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WriteString("path", file);
                writer.WriteString("profile", "tabular-data-resource");
                writer.WriteString("format", "csv");
                writer.WriteString("mediatype", "text/csv");
                writer.WriteString("encoding", "utf-8");
                writer.WriteStartObject("schema");
                writer.WriteStartArray("fields");
                foreach (var column in columns)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", column);
                    writer.WriteString("type", HsdsTables.IsAmountColumn(name, column) ? "number" : "string");
                    if (column == "id" || column.EndsWith("_id", StringComparison.Ordinal))
                    {
                        writer.WriteString("format", "uuid");
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteString("primaryKey", "id");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}

/// <summary>
/// Writes and reads <see cref="HsdsTables"/> as HSDS 3.0 JSON: a page of service objects with their
/// organization, locations, contacts, languages, cost options, schedules and attributes nested
/// (attribute → taxonomy_term → taxonomy_detail), as the compiled service schema and the API return.
/// </summary>
internal static class HsdsJson
{
    private static readonly (string Key, string Table)[] ServiceChildren =
    [
        ("contacts", "contact"), ("languages", "language"), ("cost_options", "cost_option"), ("schedules", "schedule"),
    ];

    public static string Write(HsdsTables tables)
    {
        var organizations = tables.Rows["organization"].ToDictionary(r => r["id"]!, StringComparer.Ordinal);
        var locations = tables.Rows["location"].ToDictionary(r => r["id"]!, StringComparer.Ordinal);
        var taxonomies = tables.Rows["taxonomy"].ToDictionary(r => r["id"]!, StringComparer.Ordinal);
        var terms = tables.Rows["taxonomy_term"].ToDictionary(r => r["id"]!, StringComparer.Ordinal);
        var services = tables.Rows["service"];

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("total_items", services.Count);
            writer.WriteNumber("total_pages", 1);
            writer.WriteNumber("page_number", 1);
            writer.WriteNumber("size", services.Count);
            writer.WriteBoolean("first_page", true);
            writer.WriteBoolean("last_page", true);
            writer.WriteBoolean("empty", services.Count == 0);
            writer.WriteStartArray("contents");
            foreach (var service in services)
            {
                var id = service["id"]!;
                writer.WriteStartObject();
                WriteColumns(writer, service);
                if (service["organization_id"] is { } orgId && organizations.TryGetValue(orgId, out var organization))
                {
                    writer.WritePropertyName("organization");
                    WriteObject(writer, organization);
                }

                writer.WriteStartArray("service_at_locations");
                foreach (var link in tables.Rows["service_at_location"].Where(r => r["service_id"] == id))
                {
                    writer.WriteStartObject();
                    WriteColumns(writer, link);
                    if (link["location_id"] is { } locationId && locations.TryGetValue(locationId, out var location))
                    {
                        writer.WritePropertyName("location");
                        WriteObject(writer, location);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                foreach (var (key, table) in ServiceChildren)
                {
                    writer.WriteStartArray(key);
                    foreach (var child in tables.Rows[table].Where(r => r["service_id"] == id))
                    {
                        WriteObject(writer, child);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteStartArray("attributes");
                foreach (var attribute in tables.Rows["attribute"].Where(r => r["link_id"] == id))
                {
                    writer.WriteStartObject();
                    WriteColumns(writer, attribute);
                    if (attribute["taxonomy_term_id"] is { } termId && terms.TryGetValue(termId, out var term))
                    {
                        writer.WriteStartObject("taxonomy_term");
                        WriteColumns(writer, term);
                        if (term["taxonomy_id"] is { } taxonomyId && taxonomies.TryGetValue(taxonomyId, out var taxonomy))
                        {
                            writer.WritePropertyName("taxonomy_detail");
                            WriteObject(writer, taxonomy);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static HsdsTables Read(ReadOnlyMemory<byte> utf8, List<InputProblem> problems)
    {
        var tables = new HsdsTables();
        using var document = StrictJson.Parse(utf8, problems);
        if (document is null)
        {
            return tables;
        }

        var root = document.RootElement;
        JsonElement contents;
        var contentsPath = "$.contents";
        if (root.ValueKind == JsonValueKind.Array)
        {
            contents = root;
            contentsPath = "$";
        }
        else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("contents", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            contents = list;
        }
        else
        {
            problems.Add(new InputProblem("$", "must be an HSDS page with a contents array, or an array of services", StrictJson.Show(root)));
            return tables;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var service in contents.EnumerateArray())
        {
            var path = StrictJson.Item(contentsPath, index++);
            if (!IsObject(service, path, problems))
            {
                continue;
            }

            var serviceRow = AddRow(tables, "service", service, path, problems, seen);
            var serviceId = serviceRow?["id"];
            if (Nested(service, "organization", path, problems) is { } organization)
            {
                AddRow(tables, "organization", organization, $"{path}.organization", problems, seen);
            }

            foreach (var (link, linkPath) in Children(service, "service_at_locations", path, problems))
            {
                AddRow(tables, "service_at_location", link, linkPath, problems, seen, ("service_id", serviceId));
                if (Nested(link, "location", linkPath, problems) is { } location)
                {
                    AddRow(tables, "location", location, $"{linkPath}.location", problems, seen);
                }
            }

            foreach (var (key, table) in ServiceChildren)
            {
                foreach (var (child, childPath) in Children(service, key, path, problems))
                {
                    AddRow(tables, table, child, childPath, problems, seen, ("service_id", serviceId));
                }
            }

            foreach (var (attribute, attributePath) in Children(service, "attributes", path, problems))
            {
                AddRow(tables, "attribute", attribute, attributePath, problems, seen, ("link_id", serviceId));
                if (Nested(attribute, "taxonomy_term", attributePath, problems) is { } term)
                {
                    AddRow(tables, "taxonomy_term", term, $"{attributePath}.taxonomy_term", problems, seen);
                    if (Nested(term, "taxonomy_detail", $"{attributePath}.taxonomy_term", problems) is { } taxonomy)
                    {
                        AddRow(tables, "taxonomy", taxonomy, $"{attributePath}.taxonomy_term.taxonomy_detail", problems, seen);
                    }
                }
            }
        }

        return tables;
    }

    private static HsdsRow? AddRow(HsdsTables tables, string table, JsonElement obj, string path, List<InputProblem> problems,
        HashSet<string> seen, params (string Column, string? Value)[] defaults)
    {
        var columns = HsdsTables.Schema.Single(s => s.Name == table).Columns;
        var row = new HsdsRow(table, path, isCsv: false);
        foreach (var column in columns)
        {
            if (!obj.TryGetProperty(column, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                row.Values[column] = value.GetString();
            }
            else if (value.ValueKind == JsonValueKind.Number && HsdsTables.IsAmountColumn(table, column))
            {
                row.Values[column] = value.GetRawText();
            }
            else
            {
                problems.Add(new InputProblem($"{path}.{column}", HsdsTables.IsAmountColumn(table, column) ? "must be a number" : "must be a string", StrictJson.Show(value)));
            }
        }

        foreach (var (column, value) in defaults)
        {
            if (row[column] is null && value is not null)
            {
                row.Values[column] = value;
            }
        }

        // Shared objects (organizations, locations, taxonomies, terms) repeat under every service that uses them.
        var shared = table is "organization" or "location" or "taxonomy" or "taxonomy_term";
        if (shared && row["id"] is { } id && !seen.Add($"{table}:{id}"))
        {
            return row;
        }

        tables.Rows[table].Add(row);
        return row;
    }

    private static JsonElement? Nested(JsonElement obj, string key, string path, List<InputProblem> problems)
    {
        if (!obj.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return IsObject(value, $"{path}.{key}", problems) ? value : null;
    }

    private static List<(JsonElement, string)> Children(JsonElement obj, string key, string path, List<InputProblem> problems)
    {
        var children = new List<(JsonElement, string)>();
        if (!obj.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return children;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new InputProblem($"{path}.{key}", "must be an array", StrictJson.Show(value)));
            return children;
        }

        var index = 0;
        foreach (var child in value.EnumerateArray())
        {
            var childPath = StrictJson.Item($"{path}.{key}", index++);
            if (IsObject(child, childPath, problems))
            {
                children.Add((child, childPath));
            }
        }

        return children;
    }

    private static bool IsObject(JsonElement value, string path, List<InputProblem> problems)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        problems.Add(new InputProblem(path, "must be an object", StrictJson.Show(value)));
        return false;
    }

    private static void WriteObject(Utf8JsonWriter writer, HsdsRow row)
    {
        writer.WriteStartObject();
        WriteColumns(writer, row);
        writer.WriteEndObject();
    }

    private static void WriteColumns(Utf8JsonWriter writer, HsdsRow row)
    {
        foreach (var column in HsdsTables.Schema.Single(s => s.Name == row.Table).Columns)
        {
            if (row[column] is not { } value)
            {
                continue;
            }

            if (HsdsTables.IsAmountColumn(row.Table, column))
            {
                writer.WriteNumber(column, decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteString(column, value);
            }
        }
    }
}
