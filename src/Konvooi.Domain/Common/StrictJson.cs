using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Konvooi.Domain.Common;

/// <summary>
/// Small helpers for reading JSON strictly while collecting every problem instead of stopping at
/// the first (the Firely "TryDeserialize … out issues" idea).
/// </summary>
internal sealed class StrictJson
{
    private const int MaxShownValueLength = 60;
    private readonly List<InputProblem> _problems = [];

    public IReadOnlyList<InputProblem> Problems => _problems;

    public bool HasProblems => _problems.Count > 0;

    /// <summary>Parses UTF-8 bytes (a leading byte-order mark is allowed) or records why it cannot.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> utf8, List<InputProblem> problems)
    {
        var bytes = utf8;
        var bom = Encoding.UTF8.Preamble;
        if (bytes.Span.StartsWith(bom))
        {
            bytes = bytes[bom.Length..];
        }

        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var position = (ex.BytePositionInLine ?? 0) + 1;
            problems.Add(new InputProblem("$", string.Create(CultureInfo.InvariantCulture, $"not valid JSON at line {line}, position {position}")));
            return null;
        }
    }

    public void Add(string path, string reason, JsonElement? got = null) =>
        _problems.Add(new InputProblem(path, reason, got is { } value ? Show(value) : null));

    public void AddRange(IEnumerable<InputProblem> problems) => _problems.AddRange(problems);

    public static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= MaxShownValueLength ? text : string.Concat(text.AsSpan(0, MaxShownValueLength), "…");
    }

    public static string Child(string path, string property) => $"{path}.{property}";

    public static string Item(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>The property, or null when it is absent or JSON null (both mean "unknown").</summary>
    public static JsonElement? Optional(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public bool RequireObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Add(path, "must be an object", element);
        return false;
    }

    public JsonElement? Required(JsonElement obj, string name, string path)
    {
        var value = Optional(obj, name);
        if (value is null)
        {
            Add(Child(path, name), "is required");
        }

        return value;
    }

    public int? ReadInt(JsonElement? element, string path, int min, int max)
    {
        if (element is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Add(path, "must be a whole number", value);
            return null;
        }

        if (number < min || number > max)
        {
            Add(path, min == max
                ? string.Create(CultureInfo.InvariantCulture, $"must be {min}")
                : string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"), value);
            return null;
        }

        return number;
    }

    public decimal? ReadDecimal(JsonElement? element, string path, decimal min)
    {
        if (element is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            Add(path, "must be a number", value);
            return null;
        }

        if (number < min)
        {
            Add(path, string.Create(CultureInfo.InvariantCulture, $"must be at least {min}"), value);
            return null;
        }

        return number;
    }

    public bool? ReadBool(JsonElement? element, string path)
    {
        if (element is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Add(path, "must be true or false", value);
        return null;
    }

    public string? ReadString(JsonElement? element, string path, bool allowEmpty = false)
    {
        if (element is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Add(path, "must be a string", value);
            return null;
        }

        var text = value.GetString() ?? string.Empty;
        if (!allowEmpty && string.IsNullOrWhiteSpace(text))
        {
            Add(path, "must not be empty", value);
            return null;
        }

        return text;
    }

    public string? ReadCode(JsonElement? element, string path, IEnumerable<string> allowed, string what)
    {
        if (element is not { } value)
        {
            return null;
        }

        var allowedList = allowed as IReadOnlyCollection<string> ?? allowed.ToList();
        if (value.ValueKind != JsonValueKind.String || !allowedList.Contains(value.GetString()!, StringComparer.Ordinal))
        {
            Add(path, $"must be a known {what} code ({Describe(allowedList)})", value);
            return null;
        }

        return value.GetString();
    }

    public IReadOnlyList<string>? ReadCodes(JsonElement? element, string path, IEnumerable<string> allowed, string what)
    {
        if (element is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Add(path, $"must be an array of {what} codes", value);
            return null;
        }

        var allowedList = allowed as IReadOnlyCollection<string> ?? allowed.ToList();
        var codes = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var code = ReadCode(item, Item(path, index), allowedList, what);
            if (code is not null && !codes.Contains(code, StringComparer.Ordinal))
            {
                codes.Add(code);
            }

            index++;
        }

        return codes;
    }

    public IReadOnlyList<string>? ReadStrings(JsonElement? element, string path)
    {
        if (element is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Add(path, "must be an array of strings", value);
            return null;
        }

        var texts = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var text = ReadString(item, Item(path, index));
            if (text is not null)
            {
                texts.Add(text);
            }

            index++;
        }

        return texts;
    }

    private static string Describe(IReadOnlyCollection<string> allowed) =>
        allowed.Count <= 25 ? string.Join(", ", allowed) : string.Join(", ", allowed.Take(5)) + ", …";
}
