using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Konvooi.Domain.Common;

namespace Konvooi.Domain.Matching.Hsds;

/// <summary>One row of an HSDS table, with where it came from so problems can name the place.</summary>
internal sealed class HsdsRow
{
    public HsdsRow(string table, string where, bool isCsv)
    {
        Table = table;
        Where = where;
        IsCsv = isCsv;
    }

    public string Table { get; }

    /// <summary>"services.csv line 4" or "$.contents[2]".</summary>
    public string Where { get; }

    public bool IsCsv { get; }

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The value, or null when absent or empty.</summary>
    public string? this[string column] =>
        Values.TryGetValue(column, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public string Locate(string column) => IsCsv ? $"{Where}, column {column}" : $"{Where}.{column}";

    public string Show(string value) =>
        IsCsv ? $"'{value}'" : JsonSerializer.Serialize(value, HsdsTables.RelaxedJson);

    public InputProblem Problem(string column, string reason, string? got = null) =>
        new(Locate(column), reason, got is null ? null : Show(got));

    public InputProblem RecordProblem(string reason) => new(Where, reason);
}

/// <summary>
/// The HSDS 3.0 tables Konvooi reads and writes, as rows; the tabular (CSV) and JSON forms are both
/// read into and written from this one model.
/// </summary>
internal sealed class HsdsTables
{
    internal static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Table name → columns in the order written. Names and file names follow HSDS 3.0.</summary>
    public static readonly (string Name, string File, string[] Columns)[] Schema =
    [
        ("organization", "organizations.csv", ["id", "name", "description"]),
        ("service", "services.csv", ["id", "organization_id", "name", "description", "status", "fees_description"]),
        ("location", "locations.csv", ["id", "location_type", "name"]),
        ("service_at_location", "service_at_locations.csv", ["id", "service_id", "location_id"]),
        ("contact", "contacts.csv", ["id", "service_id", "name"]),
        ("language", "languages.csv", ["id", "service_id", "name", "code"]),
        ("cost_option", "cost_options.csv", ["id", "service_id", "currency", "amount", "amount_description"]),
        ("schedule", "schedules.csv", ["id", "service_id", "description"]),
        ("taxonomy", "taxonomies.csv", ["id", "name", "description", "uri", "version"]),
        ("taxonomy_term", "taxonomy_terms.csv", ["id", "code", "name", "description", "taxonomy_id", "language"]),
        ("attribute", "attributes.csv", ["id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "value"]),
    ];

    public Dictionary<string, List<HsdsRow>> Rows { get; } =
        Schema.ToDictionary(t => t.Name, _ => new List<HsdsRow>(), StringComparer.Ordinal);

    public HsdsRow Add(string table, params (string Column, string? Value)[] values)
    {
        var row = new HsdsRow(table, table, isCsv: false);
        foreach (var (column, value) in values)
        {
            row.Values[column] = value;
        }

        Rows[table].Add(row);
        return row;
    }

    /// <summary>A stable UUID (version 8, from SHA-256) for a Konvooi key, so exports are reproducible.</summary>
    public static string StableId(string kind, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"konvooi:{kind}:{key}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    public static bool IsUuid(string text) => Guid.TryParseExact(text, "D", out _);

    public static bool IsAmountColumn(string table, string column) => table == "cost_option" && column == "amount";

    public static string FormatAmount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
