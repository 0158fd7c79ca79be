using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Konvooi.Domain.Matching;

/// <summary>
/// Writes a <see cref="MatchResult"/> in the JSON shape of <c>konvooi match</c> (docs/matching.md, "Command line"):
/// <c>{"suggestions":[…],"excluded":[…],"advice":[…]}</c>.
/// </summary>
public static class MatchResultJson
{
    /// <summary>Writes the result; <paramref name="top"/> limits the number of suggestions (null = all).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is negative.</exception>
    public static void Write(Stream destination, MatchResult result, int? top = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(result);
        if (top is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(top));
        }

        using (var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("suggestions");
            foreach (var s in top is { } n ? result.Suggestions.Take(n) : result.Suggestions)
            {
                var i = s.Intervention;
                writer.WriteStartObject();
                writer.WriteString("id", i.Id);
                writer.WriteString("name", i.Name);
                writer.WriteNumber("score", s.Score);
                writer.WriteString("aim", i.Aim);
                writer.WriteString("setting", i.Setting);
                writer.WriteString("mode", i.Mode);
                writer.WriteString("intensity", i.Intensity);
                WriteStrings(writer, "elements", i.Elements);
                WriteStrings(writer, "causes", i.Causes);
                writer.WriteStartArray("reasons");
                foreach (var r in s.Reasons)
                {
                    writer.WriteStartObject();
                    writer.WriteString("rule", r.Rule);
                    WriteStrings(writer, "insights", r.Insights);
                    writer.WriteString("text", r.Text);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("excluded");
            foreach (var e in result.Excluded)
            {
                writer.WriteStartObject();
                writer.WriteString("id", e.Intervention.Id);
                writer.WriteString("name", e.Intervention.Name);
                writer.WriteString("rule", e.Rule);
                WriteStrings(writer, "insights", e.Insights);
                writer.WriteString("reason", e.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("advice");
            foreach (var a in result.Advice)
            {
                writer.WriteStartObject();
                writer.WriteString("code", a.Code);
                WriteStrings(writer, "insights", a.Insights);
                writer.WriteString("text", a.Text);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        destination.Write("\n"u8);
    }

    /// <summary>The result as JSON text.</summary>
    public static string ToJson(MatchResult result, int? top = null)
    {
        using var buffer = new MemoryStream();
        Write(buffer, result, top);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
