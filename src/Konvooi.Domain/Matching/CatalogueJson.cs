using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Konvooi.Domain.Common;

namespace Konvooi.Domain.Matching;

/// <summary>
/// Reads and writes an <see cref="InterventionCatalogue"/> in Konvooi's own JSON form
/// (<c>{"version": "…", "interventions": [ … ]}</c>); reading reports every problem.
/// </summary>
public static partial class CatalogueJson
{
    /// <summary>Reads a catalogue from UTF-8 JSON (a byte-order mark is allowed).</summary>
    public static ReadResult<InterventionCatalogue> Read(ReadOnlyMemory<byte> utf8Json)
    {
        var parseProblems = new List<InputProblem>();
        using var document = StrictJson.Parse(utf8Json, parseProblems);
        if (document is null)
        {
            return new ReadResult<InterventionCatalogue>.Failure(parseProblems);
        }

        var json = new StrictJson();
        var root = document.RootElement;
        if (!json.RequireObject(root, "$"))
        {
            return new ReadResult<InterventionCatalogue>.Failure(json.Problems);
        }

        var version = json.ReadString(json.Required(root, "version", "$"), "$.version");
        var interventions = new List<Intervention>();
        var list = json.Required(root, "interventions", "$");
        if (list is { } array)
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                json.Add("$.interventions", "must be an array of interventions", array);
            }
            else
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                var index = 0;
                foreach (var item in array.EnumerateArray())
                {
                    var path = StrictJson.Item("$.interventions", index++);
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var rawId)
                        && rawId.ValueKind == JsonValueKind.String && !ids.Add(rawId.GetString()!))
                    {
                        json.Add(StrictJson.Child(path, "id"), "is used by an earlier intervention", rawId);
                    }

                    var intervention = ReadIntervention(json, item, path);
                    if (intervention is not null)
                    {
                        interventions.Add(intervention);
                    }
                }
            }
        }

        return json.HasProblems || version is null
            ? new ReadResult<InterventionCatalogue>.Failure(json.Problems)
            : new ReadResult<InterventionCatalogue>.Success(new InterventionCatalogue(version, interventions));
    }

    /// <summary>Reads a catalogue from JSON text.</summary>
    public static ReadResult<InterventionCatalogue> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Whether <paramref name="id"/> is a valid catalogue id: lower-case letters, digits, <c>_</c> and <c>-</c>.</summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    /// <summary>Writes the catalogue as indented JSON in a fixed field order (unknown values left out).</summary>
    public static string Write(InterventionCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("version", catalogue.Version);
            writer.WriteStartArray("interventions");
            foreach (var i in catalogue.Interventions)
            {
                WriteIntervention(writer, i);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    internal static void WriteIntervention(Utf8JsonWriter writer, Intervention i)
    {
        writer.WriteStartObject();
        writer.WriteString("id", i.Id);
        WriteOptional(writer, "type", i.Type);
        writer.WriteString("name", i.Name);
        writer.WriteString("description", i.Description);
        writer.WriteString("aim", i.Aim);
        WriteArray(writer, "causes", i.Causes);
        WriteArray(writer, "elements", i.Elements);
        writer.WriteString("setting", i.Setting);
        writer.WriteString("mode", i.Mode);
        writer.WriteString("intensity", i.Intensity);
        WriteArray(writer, "targetGroups", i.TargetGroups);
        WriteArray(writer, "coping", i.Coping);
        writer.WriteString("recognition", i.Recognition);
        WriteArray(writer, "indications", i.Indications);
        WriteArray(writer, "contraIndications", i.ContraIndications);
        WriteArray(writer, "insights", i.Insights);
        WriteOptional(writer, "methodUrl", i.MethodUrl);
        WriteOptional(writer, "provider", i.Provider);
        WriteArray(writer, "locations", i.Locations);
        WriteOptional(writer, "schedule", i.Schedule);
        if (i.CostEuros is { } cost)
        {
            writer.WriteNumber("costEuros", cost);
        }

        WriteOptional(writer, "costDescription", i.CostDescription);
        if (i.Capacity is { } capacity)
        {
            writer.WriteNumber("capacity", capacity);
        }

        if (i.WaitingListWeeks is { } weeks)
        {
            writer.WriteNumber("waitingListWeeks", weeks);
        }

        WriteOptional(writer, "contact", i.Contact);
        WriteArray(writer, "languages", i.Languages);
        WriteOptional(writer, "accessibility", i.Accessibility);
        writer.WriteEndObject();
    }

    private static Intervention? ReadIntervention(StrictJson json, JsonElement item, string path)
    {
        if (!json.RequireObject(item, path))
        {
            return null;
        }

        var before = json.Problems.Count;
        string P(string name) => StrictJson.Child(path, name);
        JsonElement? O(string name) => StrictJson.Optional(item, name);
        JsonElement? R(string name) => json.Required(item, name, path);

        var id = json.ReadString(R("id"), P("id"));
        if (id is not null && !IsValidId(id))
        {
            json.Add(P("id"), "must be 1–100 lower-case letters, digits, '_' or '-', starting with a letter or digit", item.GetProperty("id"));
        }

        var type = json.ReadString(O("type"), P("type"));
        if (type is not null && !IsValidId(type))
        {
            json.Add(P("type"), "must be 1–100 lower-case letters, digits, '_' or '-', starting with a letter or digit", O("type"));
        }

        var name = json.ReadString(R("name"), P("name"));
        var description = json.ReadString(R("description"), P("description"));
        var aim = json.ReadCode(R("aim"), P("aim"), Vocabulary.Aims.Keys, "aim");
        var causes = json.ReadCodes(O("causes"), P("causes"), Vocabulary.Causes.Keys, "cause");
        var elements = json.ReadCodes(R("elements"), P("elements"), Vocabulary.Elements.Keys, "element");
        if (elements is { Count: 0 })
        {
            json.Add(P("elements"), "must name at least one werkzaam element");
        }

        var setting = json.ReadCode(R("setting"), P("setting"), Vocabulary.Settings.Keys, "setting");
        var mode = json.ReadCode(R("mode"), P("mode"), Vocabulary.Modes.Keys, "mode");
        var intensity = json.ReadCode(R("intensity"), P("intensity"), Vocabulary.Intensities.Keys, "intensity");
        var targetGroups = json.ReadCodes(O("targetGroups"), P("targetGroups"), Vocabulary.TargetGroups.Keys, "target group");
        var coping = json.ReadCodes(O("coping"), P("coping"), Vocabulary.Coping.Keys, "coping");
        var recognition = json.ReadCode(R("recognition"), P("recognition"), Vocabulary.RecognitionLevels, "recognition");
        var indications = json.ReadCodes(O("indications"), P("indications"), Vocabulary.ConditionCodes, "flag or cause");
        var contra = json.ReadCodes(O("contraIndications"), P("contraIndications"), Vocabulary.ConditionCodes, "flag or cause");
        var insights = json.ReadCodes(O("insights"), P("insights"), Insights.All, "insight");
        var methodUrl = json.ReadString(O("methodUrl"), P("methodUrl"));
        if (methodUrl is not null && !IsWebAddress(methodUrl))
        {
            json.Add(P("methodUrl"), "must be an absolute http or https address", O("methodUrl"));
        }

        var provider = json.ReadString(O("provider"), P("provider"));
        var locations = json.ReadStrings(O("locations"), P("locations"));
        var schedule = json.ReadString(O("schedule"), P("schedule"));
        var cost = json.ReadDecimal(O("costEuros"), P("costEuros"), 0m);
        var costDescription = json.ReadString(O("costDescription"), P("costDescription"));
        var capacity = json.ReadInt(O("capacity"), P("capacity"), 0, 100_000);
        var waiting = json.ReadInt(O("waitingListWeeks"), P("waitingListWeeks"), 0, 520);
        var contact = json.ReadString(O("contact"), P("contact"));
        var languages = ReadLanguages(json, O("languages"), P("languages"));
        var accessibility = json.ReadString(O("accessibility"), P("accessibility"));

        if (json.Problems.Count > before)
        {
            return null;
        }

        // Every required value was checked above; reaching here means none is null.
        return new Intervention
        {
            Id = id!,
            Type = type,
            Name = name!,
            Description = description!,
            Aim = aim!,
            Causes = causes ?? [],
            Elements = elements!,
            Setting = setting!,
            Mode = mode!,
            Intensity = intensity!,
            TargetGroups = targetGroups ?? [],
            Coping = coping ?? [],
            Recognition = recognition!,
            Indications = indications ?? [],
            ContraIndications = contra ?? [],
            Insights = insights ?? [],
            MethodUrl = methodUrl,
            Provider = provider,
            Locations = locations ?? [],
            Schedule = schedule,
            CostEuros = cost,
            CostDescription = costDescription,
            Capacity = capacity,
            WaitingListWeeks = waiting,
            Contact = contact,
            Languages = languages ?? [],
            Accessibility = accessibility,
        };
    }

    private static List<string>? ReadLanguages(StrictJson json, JsonElement? element, string path)
    {
        var texts = json.ReadStrings(element, path);
        if (texts is null || element is not { } array)
        {
            return null;
        }

        var languages = new List<string>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (text is not null && !ProfileJson.IsIso6391(text))
            {
                json.Add(StrictJson.Item(path, index), "must be a two-letter ISO 639-1 code in lower case, such as nl", item);
            }
            else if (text is not null && !languages.Contains(text, StringComparer.Ordinal))
            {
                languages.Add(text);
            }

            index++;
        }

        return languages;
    }

    internal static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void WriteArray(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}

/// <summary>Loads the starter catalogue embedded in this assembly once.</summary>
internal static class StarterCatalogue
{
    public const string ResourceName = "Konvooi.Domain.Matching.starter-catalogue.json";

    private static readonly Lazy<InterventionCatalogue> Catalogue = new(Load);

    public static InterventionCatalogue Value => Catalogue.Value;

    private static InterventionCatalogue Load()
    {
        using var stream = typeof(StarterCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return CatalogueJson.Read(buffer.ToArray()) switch
        {
            ReadResult<InterventionCatalogue>.Success ok => ok.Value,
            ReadResult<InterventionCatalogue>.Failure bad => throw new InvalidOperationException(
                "The starter catalogue is invalid: " + string.Join("; ", bad.Problems)),
            _ => throw new InvalidOperationException("Unknown read result."),
        };
    }
}
