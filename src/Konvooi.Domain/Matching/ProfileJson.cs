using System.Text;
using System.Text.Json;
using Konvooi.Domain.Common;

namespace Konvooi.Domain.Matching;

/// <summary>
/// Reads and writes a <see cref="Profile"/> as JSON (docs/profile.schema.json, version 2; a file without a
/// version or with version 1 is still read). Reading is strict about the fields it knows and reports every
/// problem; unknown fields are ignored.
/// </summary>
public static class ProfileJson
{
    private static readonly string[] Types = ["none", "emotional", "social", "both", "undifferentiated"];

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

        json.ReadInt(StrictJson.Optional(root, "version"), "$.version", 1, Profile.SchemaVersion);
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
        var who5 = ReadWho5(json, StrictJson.Optional(root, "who5"));
        var deathWish = json.ReadBool(StrictJson.Optional(root, "deathWish"), "$.deathWish");
        var selfReport = json.ReadCode(StrictJson.Optional(root, "selfReport"), "$.selfReport", Vocabulary.SelfReports.Keys, "ONS direct answer");
        var recognises = json.ReadBool(StrictJson.Optional(root, "recognisesScore"), "$.recognisesScore");
        var lifeEvents = ReadLifeEvents(json, StrictJson.Optional(root, "lifeEvents"));
        var overrides = ReadOverrides(json, StrictJson.Optional(root, "misfitOverrides"));

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
            Who5 = who5,
            DeathWish = deathWish,
            SelfReport = selfReport,
            RecognisesScore = recognises,
            LifeEvents = lifeEvents,
            MisfitOverrides = overrides,
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
                if (djg.MissingEmotional > 0)
                {
                    writer.WriteNumber("missingEmotional", djg.MissingEmotional);
                }

                if (djg.MissingSocial > 0)
                {
                    writer.WriteNumber("missingSocial", djg.MissingSocial);
                }

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
            if (profile.Who5 is { } who5)
            {
                writer.WriteStartObject("who5");
                writer.WriteNumber("raw", who5.Raw);
                writer.WriteEndObject();
            }

            WriteIfKnown(writer, "deathWish", profile.DeathWish);
            WriteIfKnown(writer, "selfReport", profile.SelfReport);
            WriteIfKnown(writer, "recognisesScore", profile.RecognisesScore);
            if (profile.LifeEvents.Count > 0)
            {
                writer.WriteStartArray("lifeEvents");
                foreach (var e in profile.LifeEvents)
                {
                    writer.WriteStartObject();
                    writer.WriteString("event", e.Event);
                    writer.WriteNumber("monthsAgo", e.MonthsAgo);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if (profile.MisfitOverrides.Count > 0)
            {
                writer.WriteStartArray("misfitOverrides");
                foreach (var o in profile.MisfitOverrides)
                {
                    writer.WriteStartObject();
                    writer.WriteString("intervention", o.Intervention);
                    writer.WriteString("reason", o.Reason);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

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

        // v2: at most one missing answer per subscale (a subscale with more is void), so at most 2 in total (docs/instruments.md).
        var missingEmotional = json.ReadInt(StrictJson.Optional(value, "missingEmotional"), "$.djg11.missingEmotional", 0, 1) ?? 0;
        var missingSocial = json.ReadInt(StrictJson.Optional(value, "missingSocial"), "$.djg11.missingSocial", 0, 1) ?? 0;
        if (emotional + missingEmotional > 6)
        {
            json.Add("$.djg11.missingEmotional", "emotional plus missingEmotional must be at most 6 (the emotional items)", StrictJson.Optional(value, "missingEmotional"));
        }

        if (social + missingSocial > 5)
        {
            json.Add("$.djg11.missingSocial", "social plus missingSocial must be at most 5 (the social items)", StrictJson.Optional(value, "missingSocial"));
        }

        return emotional is { } e && social is { } s
            ? new Djg11Score(e, s) { MissingEmotional = missingEmotional, MissingSocial = missingSocial }
            : null;
    }

    private static Who5Score? ReadWho5(StrictJson json, JsonElement? element)
    {
        if (element is not { } value || !json.RequireObject(value, "$.who5"))
        {
            return null;
        }

        var raw = json.ReadInt(json.Required(value, "raw", "$.who5"), "$.who5.raw", 0, 25);
        return raw is { } r ? new Who5Score(r) : null;
    }

    private static List<LifeEvent> ReadLifeEvents(StrictJson json, JsonElement? element)
    {
        var events = new List<LifeEvent>();
        if (element is not { } value)
        {
            return events;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            json.Add("$.lifeEvents", "must be an array of {event, monthsAgo} objects", value);
            return events;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = StrictJson.Item("$.lifeEvents", index++);
            if (!json.RequireObject(item, path))
            {
                continue;
            }

            var code = json.ReadCode(json.Required(item, "event", path), StrictJson.Child(path, "event"), Vocabulary.LifeEvents.Keys, "life event");
            var months = json.ReadInt(json.Required(item, "monthsAgo", path), StrictJson.Child(path, "monthsAgo"), 0, 1200);
            if (code is not null && months is not null)
            {
                events.Add(new LifeEvent(code, months.Value));
            }
        }

        return events;
    }

    private static List<MisfitOverride> ReadOverrides(StrictJson json, JsonElement? element)
    {
        var overrides = new List<MisfitOverride>();
        if (element is not { } value)
        {
            return overrides;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            json.Add("$.misfitOverrides", "must be an array of {intervention, reason} objects", value);
            return overrides;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = StrictJson.Item("$.misfitOverrides", index++);
            if (!json.RequireObject(item, path))
            {
                continue;
            }

            var intervention = json.ReadString(json.Required(item, "intervention", path), StrictJson.Child(path, "intervention"));
            var reason = json.ReadString(json.Required(item, "reason", path), StrictJson.Child(path, "reason"));
            if (intervention is not null && reason is not null)
            {
                overrides.Add(new MisfitOverride(intervention, reason));
            }
        }

        return overrides;
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
