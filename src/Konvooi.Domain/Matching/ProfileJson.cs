using System.Text;
using System.Text.Json;
using Konvooi.Domain.Common;

namespace Konvooi.Domain.Matching;

/// <summary>
/// Reads and writes a <see cref="Profile"/> as JSON (docs/profile.schema.json, version 1).
/// Reading is strict about the fields it knows and reports every problem; unknown fields are ignored.
/// </summary>
public static class ProfileJson
{
    private static readonly string[] Types = ["none", "emotional", "social", "both"];

    /// <summary>Reads a profile from UTF-8 JSON (a byte-order mark is allowed).</summary>
    public static ReadResult<Profile> Read(ReadOnlyMemory<byte> utf8Json)
    {
        var parseProblems = new List<InputProblem>();
        using var document = StrictJson.Parse(utf8Json, parseProblems);
        if (document is null)
        {
            return new ReadResult<Profile>.Failure(parseProblems);
        }

        return Read(document.RootElement);
    }

    /// <summary>Reads a profile from JSON text.</summary>
    public static ReadResult<Profile> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a profile from a parsed JSON value.</summary>
    public static ReadResult<Profile> Read(JsonElement root)
    {
        var json = new StrictJson();
        if (!json.RequireObject(root, "$"))
        {
            return new ReadResult<Profile>.Failure(json.Problems);
        }

        json.ReadInt(StrictJson.Optional(root, "version"), "$.version", Profile.SchemaVersion, Profile.SchemaVersion);
        var age = json.ReadInt(StrictJson.Optional(root, "age"), "$.age", 0, 120);
        var livesAlone = json.ReadBool(StrictJson.Optional(root, "livesAlone"), "$.livesAlone");
        var dailyContact = json.ReadBool(StrictJson.Optional(root, "dailyContact"), "$.dailyContact");
        var djg11 = ReadDjg11(json, StrictJson.Optional(root, "djg11"));
        var type = json.ReadCode(StrictJson.Optional(root, "type"), "$.type", Types, "loneliness type");
        var severity = json.ReadCode(StrictJson.Optional(root, "severity"), "$.severity", Vocabulary.Severities.Keys, "severity");
        var course = json.ReadCode(StrictJson.Optional(root, "course"), "$.course", Vocabulary.Courses.Keys, "course");
        var causes = json.ReadCodes(StrictJson.Optional(root, "causes"), "$.causes", Vocabulary.Causes.Keys, "cause");
        var coping = json.ReadCode(StrictJson.Optional(root, "coping"), "$.coping", Vocabulary.Coping.Keys, "coping");
        var preferences = ReadPreferences(json, StrictJson.Optional(root, "preferences"));
        var flags = json.ReadCodes(StrictJson.Optional(root, "flags"), "$.flags", Vocabulary.Flags.Keys, "flag");
        var droppedOut = ReadDropouts(json, StrictJson.Optional(root, "droppedOut"));

        if (json.HasProblems)
        {
            return new ReadResult<Profile>.Failure(json.Problems);
        }

        return new ReadResult<Profile>.Success(new Profile
        {
            Age = age,
            LivesAlone = livesAlone,
            DailyContact = dailyContact,
            Djg11 = djg11,
            Type = type,
            Severity = severity,
            Course = course,
            Causes = causes ?? [],
            Coping = coping,
            Preferences = preferences,
            Flags = flags ?? [],
            DroppedOut = droppedOut,
        });
    }

    /// <summary>Writes a profile as indented JSON in the schema's field order; unknown values are left out.</summary>
    public static string Write(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Profile.SchemaVersion);
            WriteIfKnown(writer, "age", profile.Age);
            WriteIfKnown(writer, "livesAlone", profile.LivesAlone);
            WriteIfKnown(writer, "dailyContact", profile.DailyContact);
            if (profile.Djg11 is { } djg)
            {
                writer.WriteStartObject("djg11");
                writer.WriteNumber("emotional", djg.Emotional);
                writer.WriteNumber("social", djg.Social);
                writer.WriteEndObject();
            }

            WriteIfKnown(writer, "type", profile.Type);
            WriteIfKnown(writer, "severity", profile.Severity);
            WriteIfKnown(writer, "course", profile.Course);
            WriteArray(writer, "causes", profile.Causes);
            WriteIfKnown(writer, "coping", profile.Coping);
            writer.WriteStartObject("preferences");
            WriteIfKnown(writer, "setting", profile.Preferences.Setting);
            WriteArray(writer, "modes", profile.Preferences.Modes);
            WriteIfKnown(writer, "language", profile.Preferences.Language);
            WriteIfKnown(writer, "fewContactsWanted", profile.Preferences.FewContactsWanted);
            writer.WriteEndObject();
            WriteArray(writer, "flags", profile.Flags);
            writer.WriteStartArray("droppedOut");
            foreach (var dropout in profile.DroppedOut)
            {
                writer.WriteStartObject();
                writer.WriteString("intervention", dropout.Intervention);
                writer.WriteString("reason", dropout.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Djg11Score? ReadDjg11(StrictJson json, JsonElement? element)
    {
        if (element is not { } value || !json.RequireObject(value, "$.djg11"))
        {
            return null;
        }

        var emotional = json.ReadInt(json.Required(value, "emotional", "$.djg11"), "$.djg11.emotional", 0, 6);
        var social = json.ReadInt(json.Required(value, "social", "$.djg11"), "$.djg11.social", 0, 5);
        return emotional is { } e && social is { } s ? new Djg11Score(e, s) : null;
    }

    private static ProfilePreferences ReadPreferences(StrictJson json, JsonElement? element)
    {
        if (element is not { } value || !json.RequireObject(value, "$.preferences"))
        {
            return new ProfilePreferences();
        }

        var setting = json.ReadCode(StrictJson.Optional(value, "setting"), "$.preferences.setting", Vocabulary.Settings.Keys, "setting");
        var modes = json.ReadCodes(StrictJson.Optional(value, "modes"), "$.preferences.modes", Vocabulary.Modes.Keys, "mode");
        var language = json.ReadString(StrictJson.Optional(value, "language"), "$.preferences.language");
        if (language is not null && !IsIso6391(language))
        {
            json.Add("$.preferences.language", "must be a two-letter ISO 639-1 code in lower case, such as nl", StrictJson.Optional(value, "language"));
            language = null;
        }

        var few = json.ReadBool(StrictJson.Optional(value, "fewContactsWanted"), "$.preferences.fewContactsWanted");
        return new ProfilePreferences { Setting = setting, Modes = modes ?? [], Language = language, FewContactsWanted = few };
    }

    private static List<Dropout> ReadDropouts(StrictJson json, JsonElement? element)
    {
        var dropouts = new List<Dropout>();
        if (element is not { } value)
        {
            return dropouts;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            json.Add("$.droppedOut", "must be an array of {intervention, reason} objects", value);
            return dropouts;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = StrictJson.Item("$.droppedOut", index++);
            if (!json.RequireObject(item, path))
            {
                continue;
            }

            var intervention = json.ReadString(json.Required(item, "intervention", path), StrictJson.Child(path, "intervention"));
            var reason = json.ReadCode(json.Required(item, "reason", path), StrictJson.Child(path, "reason"), Vocabulary.DropoutReasons.Keys, "dropout reason");
            if (intervention is not null && reason is not null)
            {
                dropouts.Add(new Dropout(intervention, reason));
            }
        }

        return dropouts;
    }

    internal static bool IsIso6391(string code) =>
        code.Length == 2 && code.All(c => c is >= 'a' and <= 'z');

    private static void WriteIfKnown(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    private static void WriteIfKnown(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } v)
        {
            writer.WriteBoolean(name, v);
        }
    }

    private static void WriteIfKnown(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
