using System.Text.Json;
using System.Text.RegularExpressions;

namespace Konvooi.Domain.Tests.Profiles;

/// <summary>
/// Checks JSON against docs/profile.schema.json with the keywords that schema uses (type, enum, const,
/// minimum, maximum, minLength, pattern, properties, required, items). The domain tests take no package, so
/// this small checker stands in for a full JSON Schema validator. It also rejects properties the schema does
/// not declare: the schema ignores them, but a writer should not emit them.
/// </summary>
internal static class SchemaAssert
{
    private static readonly Lazy<JsonDocument> Schema = new(() =>
        JsonDocument.Parse(File.ReadAllText(TestData.Repository("docs", "profile.schema.json"))));

    public static void Conforms(JsonElement instance)
    {
        var problems = new List<string>();
        Check(Schema.Value.RootElement, instance, "$", problems);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static void Check(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            problems.Add($"{path}: type {value.ValueKind} is not {type.GetRawText()}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            problems.Add($"{path}: {value.GetRawText()} is not in the enum");
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            problems.Add($"{path}: {value.GetRawText()} is not {constant.GetRawText()}");
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            if (schema.TryGetProperty("minimum", out var min) && value.GetDecimal() < min.GetDecimal())
            {
                problems.Add($"{path}: below the minimum");
            }

            if (schema.TryGetProperty("maximum", out var max) && value.GetDecimal() > max.GetDecimal())
            {
                problems.Add($"{path}: above the maximum");
            }
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (schema.TryGetProperty("minLength", out var minLength) && text.Length < minLength.GetInt32())
            {
                problems.Add($"{path}: shorter than minLength");
            }

            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                problems.Add($"{path}: does not match {pattern.GetString()}");
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                {
                    if (!value.TryGetProperty(name, out _))
                    {
                        problems.Add($"{path}.{name}: required");
                    }
                }
            }

            schema.TryGetProperty("properties", out var properties);
            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    Check(propertySchema, property.Value, $"{path}.{property.Name}", problems);
                }
                else
                {
                    problems.Add($"{path}.{property.Name}: not declared in the schema");
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{index++}]", problems);
            }
        }
    }

    private static bool TypeMatches(JsonElement type, JsonElement value)
    {
        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
        return names.Any(name => name switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "null" => value.ValueKind == JsonValueKind.Null,
            _ => false,
        });
    }
}
