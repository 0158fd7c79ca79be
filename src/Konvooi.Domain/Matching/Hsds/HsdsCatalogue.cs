using System.Globalization;
using Konvooi.Domain.Common;

namespace Konvooi.Domain.Matching.Hsds;

/// <summary>
/// Exchanges the catalogue as Open Referral HSDS 3.0: every intervention is a <c>service</c>; the
/// provider is its <c>organization</c>; locations, contact, languages, cost and schedule use the HSDS
/// tables; Konvooi's loneliness fields are <c>attribute</c>s pointing at terms of Konvooi taxonomies
/// (<c>konvooi-aim</c>, <c>konvooi-cause</c>, …), with list positions in <c>attribute.value</c>.
/// Export → import → export gives the same text (docs/hsds.md).
/// </summary>
public static class HsdsCatalogue
{
    private const string FieldTaxonomy = "konvooi-field";
    private const string DefaultVersion = "hsds-import";

    private static readonly string[] Fields =
        ["catalogue_id", "catalogue_version", "type", "method_url", "capacity", "waiting_list_weeks", "accessibility"];

    private static readonly (string Taxonomy, IReadOnlyCollection<string> Codes, Func<string, string> Label)[] Taxonomies =
    [
        ("konvooi-aim", Vocabulary.Aims.Keys.ToList(), c => Vocabulary.Aims[c]),
        ("konvooi-cause", Vocabulary.Causes.Keys.ToList(), c => Vocabulary.Causes[c]),
        ("konvooi-element", Vocabulary.Elements.Keys.ToList(), c => Vocabulary.Elements[c]),
        ("konvooi-setting", Vocabulary.Settings.Keys.ToList(), c => Vocabulary.Settings[c]),
        ("konvooi-mode", Vocabulary.Modes.Keys.ToList(), c => Vocabulary.Modes[c]),
        ("konvooi-intensity", Vocabulary.Intensities.Keys.ToList(), c => Vocabulary.Intensities[c]),
        ("konvooi-target-group", Vocabulary.TargetGroups.Keys.ToList(), c => Vocabulary.TargetGroups[c]),
        ("konvooi-coping", Vocabulary.Coping.Keys.ToList(), c => Vocabulary.Coping[c]),
        ("konvooi-recognition", Vocabulary.RecognitionLevels, c => Vocabulary.RecognitionLabels[c]),
        ("konvooi-indication", Vocabulary.ConditionCodes.Order(StringComparer.Ordinal).ToList(), ConditionLabel),
        ("konvooi-contra-indication", Vocabulary.ConditionCodes.Order(StringComparer.Ordinal).ToList(), ConditionLabel),
        ("konvooi-insight", Insights.All.ToList(), c => $"inzicht {c}"),
        (FieldTaxonomy, Fields, c => $"Konvooi-veld {c}"),
    ];

    /// <summary>The catalogue as HSDS 3.0 JSON (a page of service objects).</summary>
    public static string ExportJson(InterventionCatalogue catalogue) => HsdsJson.Write(ToTables(catalogue));

    /// <summary>The catalogue as an HSDS 3.0 tabular data package: file name → content (CSV files and datapackage.json).</summary>
    public static IReadOnlyDictionary<string, string> ExportTabular(InterventionCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return HsdsTabular.Write(ToTables(catalogue), catalogue.Version);
    }

    /// <summary>Reads HSDS 3.0 JSON; the whole file is rejected when anything is wrong, with every problem.</summary>
    public static ReadResult<InterventionCatalogue> ImportJson(ReadOnlyMemory<byte> utf8Json)
    {
        var problems = new List<InputProblem>();
        var tables = HsdsJson.Read(utf8Json, problems);
        return FromTables(tables, problems);
    }

    /// <summary>Reads an HSDS 3.0 tabular data package (file name → content); all or nothing, with every problem.</summary>
    public static ReadResult<InterventionCatalogue> ImportTabular(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<InputProblem>();
        var tables = HsdsTabular.Read(files, problems);
        return FromTables(tables, problems);
    }

    private static HsdsTables ToTables(InterventionCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var tables = new HsdsTables();
        foreach (var (taxonomy, codes, label) in Taxonomies)
        {
            var taxonomyId = HsdsTables.StableId("taxonomy", taxonomy);
            tables.Add("taxonomy", ("id", taxonomyId), ("name", taxonomy), ("description", $"Konvooi: {taxonomy[8..]}"),
                ("uri", $"https://konvooi.nl/taxonomies/{taxonomy}"), ("version", MatchingRules.Version));
            foreach (var code in codes)
            {
                tables.Add("taxonomy_term", ("id", TermId(taxonomy, code)), ("code", TermCode(taxonomy, code)), ("name", label(code)),
                    ("description", label(code)), ("taxonomy_id", taxonomyId), ("language", "nl"));
            }
        }

        var organizations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in catalogue.Interventions)
        {
            var serviceId = HsdsTables.StableId("service", i.Id);
            string? organizationId = null;
            if (i.Provider is { } provider)
            {
                organizationId = HsdsTables.StableId("organization", provider);
                if (organizations.Add(organizationId))
                {
                    tables.Add("organization", ("id", organizationId), ("name", provider), ("description", provider));
                }
            }

            tables.Add("service", ("id", serviceId), ("organization_id", organizationId), ("name", i.Name), ("description", i.Description),
                ("status", "active"), ("fees_description", i.CostDescription));
            for (var k = 0; k < i.Locations.Count; k++)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{i.Id}#{k}");
                var locationId = HsdsTables.StableId("location", key);
                tables.Add("location", ("id", locationId), ("location_type", "physical"), ("name", i.Locations[k]));
                tables.Add("service_at_location", ("id", HsdsTables.StableId("service_at_location", key)), ("service_id", serviceId), ("location_id", locationId));
            }

            if (i.Contact is { } contact)
            {
                tables.Add("contact", ("id", HsdsTables.StableId("contact", i.Id)), ("service_id", serviceId), ("name", contact));
            }

            for (var k = 0; k < i.Languages.Count; k++)
            {
                tables.Add("language", ("id", HsdsTables.StableId("language", string.Create(CultureInfo.InvariantCulture, $"{i.Id}#{k}"))),
                    ("service_id", serviceId), ("name", i.Languages[k]), ("code", i.Languages[k]));
            }

            if (i.CostEuros is { } cost)
            {
                tables.Add("cost_option", ("id", HsdsTables.StableId("cost_option", i.Id)), ("service_id", serviceId), ("currency", "EUR"),
                    ("amount", HsdsTables.FormatAmount(cost)), ("amount_description", null));
            }

            if (i.Schedule is { } schedule)
            {
                tables.Add("schedule", ("id", HsdsTables.StableId("schedule", i.Id)), ("service_id", serviceId), ("description", schedule));
            }

            void Attribute(string taxonomy, string code, string? value)
            {
                tables.Add("attribute", ("id", HsdsTables.StableId("attribute", $"{i.Id}|{taxonomy}|{code}")), ("link_id", serviceId),
                    ("link_type", "konvooi"), ("link_entity", "service"), ("taxonomy_term_id", TermId(taxonomy, code)), ("value", value));
            }

            void Listed(string taxonomy, IReadOnlyList<string> codes)
            {
                for (var k = 0; k < codes.Count; k++)
                {
                    Attribute(taxonomy, codes[k], (k + 1).ToString(CultureInfo.InvariantCulture));
                }
            }

            Attribute(FieldTaxonomy, "catalogue_id", i.Id);
            Attribute(FieldTaxonomy, "catalogue_version", catalogue.Version);
            if (i.Type is { } type)
            {
                // The catalogue type field: a misfit dropout excludes every entry of the same type (RK-5, docs/matching.md).
                Attribute(FieldTaxonomy, "type", type);
            }

            Attribute("konvooi-aim", i.Aim, null);
            Listed("konvooi-cause", i.Causes);
            Listed("konvooi-element", i.Elements);
            Attribute("konvooi-setting", i.Setting, null);
            Attribute("konvooi-mode", i.Mode, null);
            Attribute("konvooi-intensity", i.Intensity, null);
            Listed("konvooi-target-group", i.TargetGroups);
            Listed("konvooi-coping", i.Coping);
            Attribute("konvooi-recognition", i.Recognition, null);
            Listed("konvooi-indication", i.Indications);
            Listed("konvooi-contra-indication", i.ContraIndications);
            Listed("konvooi-insight", i.Insights);
            if (i.MethodUrl is { } url)
            {
                Attribute(FieldTaxonomy, "method_url", url);
            }

            if (i.Capacity is { } capacity)
            {
                Attribute(FieldTaxonomy, "capacity", capacity.ToString(CultureInfo.InvariantCulture));
            }

            if (i.WaitingListWeeks is { } weeks)
            {
                Attribute(FieldTaxonomy, "waiting_list_weeks", weeks.ToString(CultureInfo.InvariantCulture));
            }

            if (i.Accessibility is { } accessibility)
            {
                Attribute(FieldTaxonomy, "accessibility", accessibility);
            }
        }

        return tables;
    }

    /// <remarks>Continues after earlier <paramref name="problems"/> so one run reports everything it can.</remarks>
    private static ReadResult<InterventionCatalogue> FromTables(HsdsTables tables, List<InputProblem> problems)
    {
        var taxonomyNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in tables.Rows["taxonomy"])
        {
            if (RequireId(row, problems) is { } id && row["name"] is { } name)
            {
                taxonomyNames[id] = name;
            }
        }

        // Term id → (our taxonomy, code). Terms of other taxonomies are allowed and ignored.
        var terms = new Dictionary<string, (string Taxonomy, string Code)?>(StringComparer.Ordinal);
        foreach (var row in tables.Rows["taxonomy_term"])
        {
            if (RequireId(row, problems) is not { } id)
            {
                continue;
            }

            var taxonomy = row["taxonomy_id"] is { } taxonomyId && taxonomyNames.TryGetValue(taxonomyId, out var name) ? name : null;
            var ours = Taxonomies.FirstOrDefault(t => t.Taxonomy == taxonomy);
            if (taxonomy is null || ours.Taxonomy is null)
            {
                terms[id] = null;
                continue;
            }

            var prefix = taxonomy[8..] + ":";
            var code = row["code"];
            if (code is null || !code.StartsWith(prefix, StringComparison.Ordinal) || !ours.Codes.Contains(code[prefix.Length..]))
            {
                problems.Add(row.Problem("code", $"must be a {taxonomy} term code such as {prefix}{ours.Codes.First()}", code ?? string.Empty));
                continue;
            }

            terms[id] = (taxonomy, code[prefix.Length..]);
        }

        var serviceIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in tables.Rows["service"])
        {
            if (RequireId(row, problems) is { } id && !serviceIds.Add(id))
            {
                problems.Add(row.Problem("id", "is used by an earlier service", id));
            }
        }

        var attributes = Group(tables.Rows["attribute"], "link_id", serviceIds, problems);
        var locations = tables.Rows["location"].Where(r => r["id"] is not null).GroupBy(r => r["id"]!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var organizations = tables.Rows["organization"].Where(r => r["id"] is not null).GroupBy(r => r["id"]!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var links = Group(tables.Rows["service_at_location"], "service_id", serviceIds, problems);
        var contacts = Group(tables.Rows["contact"], "service_id", serviceIds, problems);
        var languages = Group(tables.Rows["language"], "service_id", serviceIds, problems);
        var costs = Group(tables.Rows["cost_option"], "service_id", serviceIds, problems);
        var schedules = Group(tables.Rows["schedule"], "service_id", serviceIds, problems);

        var interventions = new List<Intervention>();
        var catalogueIds = new HashSet<string>(StringComparer.Ordinal);
        var versions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in tables.Rows["service"])
        {
            if (service["id"] is not { } serviceId)
            {
                continue;
            }

            var reader = new ServiceReader(service, problems);
            foreach (var attribute in attributes.GetValueOrDefault(serviceId, []))
            {
                if (attribute["taxonomy_term_id"] is not { } termId || !terms.TryGetValue(termId, out var term))
                {
                    problems.Add(attribute.Problem("taxonomy_term_id", "does not name a taxonomy term in this file", attribute["taxonomy_term_id"] ?? string.Empty));
                }
                else if (term is { } known)
                {
                    reader.Add(known.Taxonomy, known.Code, attribute);
                }
            }

            var intervention = reader.Build(
                organizations, links.GetValueOrDefault(serviceId, []), locations,
                Single(contacts, serviceId, "contact", problems), languages.GetValueOrDefault(serviceId, []),
                Single(costs, serviceId, "cost option", problems), Single(schedules, serviceId, "schedule", problems));
            if (reader.Version is { } version)
            {
                versions.Add(version);
            }

            if (intervention is null)
            {
                continue;
            }

            if (!catalogueIds.Add(intervention.Id))
            {
                problems.Add(service.RecordProblem($"uses catalogue id {intervention.Id} of an earlier service"));
                continue;
            }

            interventions.Add(intervention);
        }

        if (versions.Count > 1)
        {
            problems.Add(new InputProblem("konvooi-field catalogue_version", $"differs between services ({string.Join(", ", versions.Order(StringComparer.Ordinal))})"));
        }

        return problems.Count > 0
            ? new ReadResult<InterventionCatalogue>.Failure(problems)
            : new ReadResult<InterventionCatalogue>.Success(new InterventionCatalogue(versions.SingleOrDefault() ?? DefaultVersion, interventions));
    }

    private static Dictionary<string, List<HsdsRow>> Group(List<HsdsRow> rows, string column, HashSet<string> serviceIds, List<InputProblem> problems)
    {
        var groups = new Dictionary<string, List<HsdsRow>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Table == "attribute" && row["link_entity"] is { } entity && entity != "service")
            {
                continue;
            }

            if (row[column] is not { } serviceId || !serviceIds.Contains(serviceId))
            {
                problems.Add(row.Problem(column, "does not name a service in this file", row[column] ?? string.Empty));
                continue;
            }

            if (!groups.TryGetValue(serviceId, out var list))
            {
                groups[serviceId] = list = [];
            }

            list.Add(row);
        }

        return groups;
    }

    private static HsdsRow? Single(Dictionary<string, List<HsdsRow>> groups, string serviceId, string what, List<InputProblem> problems)
    {
        var rows = groups.GetValueOrDefault(serviceId, []);
        foreach (var extra in rows.Skip(1))
        {
            problems.Add(extra.RecordProblem($"is a second {what} for one service; Konvooi keeps one"));
        }

        return rows.FirstOrDefault();
    }

    private static string? RequireId(HsdsRow row, List<InputProblem> problems)
    {
        if (row["id"] is not { } id)
        {
            problems.Add(row.Problem("id", "is required"));
            return null;
        }

        if (!HsdsTables.IsUuid(id))
        {
            problems.Add(row.Problem("id", "must be a UUID", id));
            return null;
        }

        return id;
    }

    private static string TermId(string taxonomy, string code) => HsdsTables.StableId("taxonomy_term", $"{taxonomy}|{code}");

    private static string TermCode(string taxonomy, string code) => $"{taxonomy[8..]}:{code}";

    private static string ConditionLabel(string code) =>
        Vocabulary.Flags.TryGetValue(code, out var flag) ? flag : Vocabulary.Causes[code];

    /// <summary>Collects one service's attributes and builds the intervention, reporting what is missing or wrong.</summary>
    private sealed class ServiceReader(HsdsRow service, List<InputProblem> problems)
    {
        private readonly Dictionary<string, List<(string Code, HsdsRow Row)>> _byTaxonomy = new(StringComparer.Ordinal);

        public string? Version { get; private set; }

        public void Add(string taxonomy, string code, HsdsRow row)
        {
            if (!_byTaxonomy.TryGetValue(taxonomy, out var list))
            {
                _byTaxonomy[taxonomy] = list = [];
            }

            list.Add((code, row));
        }

        public Intervention? Build(
            Dictionary<string, HsdsRow> organizations, List<HsdsRow> links, Dictionary<string, HsdsRow> locations,
            HsdsRow? contact, List<HsdsRow> languageRows, HsdsRow? cost, HsdsRow? schedule)
        {
            var before = problems.Count;
            var id = Field("catalogue_id", required: true);
            if (id is not null && !CatalogueJson.IsValidId(id))
            {
                problems.Add(FieldRow("catalogue_id")!.Problem("value", "must be 1–100 lower-case letters, digits, '_' or '-'", id));
            }

            Version = Field("catalogue_version", required: false);
            var type = Field("type", required: false);
            if (type is not null && !CatalogueJson.IsValidId(type))
            {
                problems.Add(FieldRow("type")!.Problem("value", "must be 1–100 lower-case letters, digits, '_' or '-'", type));
            }

            var name = Text("name");
            var description = Text("description");
            var aim = One("konvooi-aim");
            var setting = One("konvooi-setting");
            var mode = One("konvooi-mode");
            var intensity = One("konvooi-intensity");
            var recognition = One("konvooi-recognition");
            var elements = Listed("konvooi-element");
            if (elements.Count == 0)
            {
                problems.Add(service.RecordProblem("has no konvooi-element attribute (Konvooi needs at least one werkzaam element)"));
            }

            var methodUrl = Field("method_url", required: false);
            if (methodUrl is not null && !CatalogueJson.IsWebAddress(methodUrl))
            {
                problems.Add(FieldRow("method_url")!.Problem("value", "must be an absolute http or https address", methodUrl));
            }

            var capacity = Number("capacity", 100_000);
            var waiting = Number("waiting_list_weeks", 520);

            string? provider = null;
            if (service["organization_id"] is { } organizationId)
            {
                if (organizations.TryGetValue(organizationId, out var organization) && organization["name"] is { } organizationName)
                {
                    provider = organizationName;
                }
                else
                {
                    problems.Add(service.Problem("organization_id", "does not name an organization with a name in this file", organizationId));
                }
            }

            var places = new List<string>();
            foreach (var link in links)
            {
                if (link["location_id"] is { } locationId && locations.TryGetValue(locationId, out var location) && location["name"] is { } place)
                {
                    places.Add(place);
                }
                else
                {
                    problems.Add(link.Problem("location_id", "does not name a location with a name in this file", link["location_id"] ?? string.Empty));
                }
            }

            var languages = new List<string>();
            foreach (var language in languageRows)
            {
                if (language["code"] is { } code && ProfileJson.IsIso6391(code))
                {
                    languages.Add(code);
                }
                else
                {
                    problems.Add(language.Problem("code", "must be a two-letter ISO 639-1 code in lower case", language["code"] ?? string.Empty));
                }
            }

            decimal? costEuros = null;
            if (cost is not null)
            {
                if (cost["currency"] is { } currency && currency != "EUR")
                {
                    problems.Add(cost.Problem("currency", "must be EUR", currency));
                }

                if (cost["amount"] is { } amount)
                {
                    if (decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var euros) && euros >= 0)
                    {
                        costEuros = euros;
                    }
                    else
                    {
                        problems.Add(cost.Problem("amount", "must be a number of 0 or more", amount));
                    }
                }
            }

            var causes = Listed("konvooi-cause");
            var targetGroups = Listed("konvooi-target-group");
            var coping = Listed("konvooi-coping");
            var indications = Listed("konvooi-indication");
            var contra = Listed("konvooi-contra-indication");
            var insights = Listed("konvooi-insight");
            if (problems.Count > before)
            {
                return null;
            }

            // Every required value was checked above; reaching here means none is null.
            return new Intervention
            {
                Id = id!,
                Name = name!,
                Description = description!,
                Aim = aim!,
                Causes = causes,
                Elements = elements,
                Setting = setting!,
                Mode = mode!,
                Intensity = intensity!,
                TargetGroups = targetGroups,
                Coping = coping,
                Recognition = recognition!,
                Indications = indications,
                ContraIndications = contra,
                Insights = insights,
                MethodUrl = methodUrl,
                Provider = provider,
                Locations = places,
                Schedule = schedule?["description"],
                CostEuros = costEuros,
                CostDescription = service["fees_description"],
                Capacity = capacity,
                WaitingListWeeks = waiting,
                Contact = contact?["name"],
                Languages = languages,
                Accessibility = Field("accessibility", required: false),
                Type = type,
            };
        }

        private string? Text(string column)
        {
            var value = service[column];
            if (value is null || string.IsNullOrWhiteSpace(value))
            {
                problems.Add(service.Problem(column, "is required by Konvooi"));
                return null;
            }

            return value;
        }

        private List<(string Code, HsdsRow Row)> Of(string taxonomy) => _byTaxonomy.GetValueOrDefault(taxonomy, []);

        private string? One(string taxonomy)
        {
            var found = Of(taxonomy);
            if (found.Count == 1)
            {
                return found[0].Code;
            }

            problems.Add(found.Count == 0
                ? service.RecordProblem($"has no {taxonomy} attribute")
                : found[1].Row.RecordProblem($"is a second {taxonomy} attribute for one service"));
            return null;
        }

        private List<string> Listed(string taxonomy)
        {
            var ranked = new List<(int Rank, string Code)>();
            foreach (var (code, row) in Of(taxonomy))
            {
                if (int.TryParse(row["value"], NumberStyles.None, CultureInfo.InvariantCulture, out var rank) && rank >= 1)
                {
                    ranked.Add((rank, code));
                }
                else
                {
                    problems.Add(row.Problem("value", "must be the position in the list (1, 2, …)", row["value"] ?? string.Empty));
                }
            }

            return ranked.OrderBy(r => r.Rank).ThenBy(r => r.Code, StringComparer.Ordinal).Select(r => r.Code).Distinct().ToList();
        }

        private HsdsRow? FieldRow(string field) => Of(FieldTaxonomy).Where(f => f.Code == field).Select(f => f.Row).FirstOrDefault();

        private string? Field(string field, bool required)
        {
            var rows = Of(FieldTaxonomy).Where(f => f.Code == field).Select(f => f.Row).ToList();
            if (rows.Count == 0)
            {
                if (required)
                {
                    problems.Add(service.RecordProblem($"has no {FieldTaxonomy} {field} attribute"));
                }

                return null;
            }

            if (rows.Count > 1)
            {
                problems.Add(rows[1].RecordProblem($"is a second {FieldTaxonomy} {field} attribute for one service"));
            }

            var value = rows[0]["value"];
            if (value is null)
            {
                problems.Add(rows[0].Problem("value", $"must hold the {field}"));
            }

            return value;
        }

        private int? Number(string field, int max)
        {
            var text = Field(field, required: false);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= max)
            {
                return number;
            }

            problems.Add(FieldRow(field)!.Problem("value", string.Create(CultureInfo.InvariantCulture, $"must be a whole number from 0 to {max}"), text));
            return null;
        }
    }
}
