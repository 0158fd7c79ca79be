using System.Text;
using System.Text.Json;
using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Matching.Hsds;

namespace Konvooi.Domain.Tests.Matching.Hsds;

public sealed class HsdsCatalogueTests
{
    private static InterventionCatalogue WithLocalOffers()
    {
        var buddy = InterventionCatalogue.Starter.Find("buddy")! with
        {
            Id = "buddy-utrecht-oost",
            Type = "buddy", // the catalogue type field survives the round trip (docs/matching.md, same-type misfit)
            Provider = "Welzijn Oost",
            Locations = ["Buurthuis De Linde, Lindelaan 4", "Bibliotheek Oost"],
            Schedule = "Eén keer per week, in overleg",
            CostEuros = 2.5m,
            CostDescription = "€ 2,50 per keer, \"koffie\" inbegrepen",
            Capacity = 3,
            WaitingListWeeks = 4,
            Contact = "maatjes@example.org",
            Languages = ["nl", "en"],
            Accessibility = "Rolstoeltoegankelijk,\nmet lift",
        };
        var meal = InterventionCatalogue.Starter.Find("group_meeting_activity")! with { Id = "eettafel-oost", Provider = "Welzijn Oost", CostEuros = 0m };
        return new InterventionCatalogue("local-7", [.. InterventionCatalogue.Starter.Interventions, buddy, meal]);
    }

    private static InterventionCatalogue Ok(ReadResult<InterventionCatalogue> result) =>
        result switch
        {
            ReadResult<InterventionCatalogue>.Success ok => ok.Value,
            ReadResult<InterventionCatalogue>.Failure bad => throw new Xunit.Sdk.XunitException(string.Join("\n", bad.Problems)),
            _ => throw new InvalidOperationException(),
        };

    private static List<string> Problems(ReadResult<InterventionCatalogue> result) =>
        Assert.IsType<ReadResult<InterventionCatalogue>.Failure>(result).Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void Json_ExportImportExport_GivesEqualText()
    {
        var first = HsdsCatalogue.ExportJson(WithLocalOffers());

        var imported = Ok(HsdsCatalogue.ImportJson(Encoding.UTF8.GetBytes(first)));
        var second = HsdsCatalogue.ExportJson(imported);

        Assert.Equal(first, second);
        Assert.Equal(CatalogueJson.Write(WithLocalOffers()), CatalogueJson.Write(imported));
    }

    [Fact]
    public void Tabular_ExportImportExport_GivesEqualFiles()
    {
        var first = HsdsCatalogue.ExportTabular(WithLocalOffers());

        var imported = Ok(HsdsCatalogue.ImportTabular(first));
        var second = HsdsCatalogue.ExportTabular(imported);

        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first.Keys, file => Assert.Equal(first[file], second[file]));
        Assert.Equal(CatalogueJson.Write(WithLocalOffers()), CatalogueJson.Write(imported));
    }

    [Fact]
    public void Tabular_HasTheHsdsFilesAndADescriptor()
    {
        var files = HsdsCatalogue.ExportTabular(InterventionCatalogue.Starter);

        Assert.Contains("services.csv", files.Keys);
        Assert.Contains("attributes.csv", files.Keys);
        Assert.Contains("taxonomy_terms.csv", files.Keys);
        using var descriptor = JsonDocument.Parse(files["datapackage.json"]);
        Assert.Equal("tabular-data-package", descriptor.RootElement.GetProperty("profile").GetString());
        Assert.Equal(InterventionCatalogue.Starter.Version, descriptor.RootElement.GetProperty("version").GetString());
        Assert.StartsWith("id,organization_id,name,description,status,fees_description\n", files["services.csv"], StringComparison.Ordinal);
        Assert.DoesNotContain('\r', files["services.csv"]);
    }

    [Fact]
    public void Json_ServicesCarryOurFieldsAsAttributesWithTaxonomyTerms()
    {
        using var json = JsonDocument.Parse(HsdsCatalogue.ExportJson(InterventionCatalogue.Starter));

        var contents = json.RootElement.GetProperty("contents");
        Assert.Equal(InterventionCatalogue.Starter.Interventions.Count, contents.GetArrayLength());
        var daily = contents.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Elke dag een vast contactmoment");
        Assert.True(Guid.TryParse(daily.GetProperty("id").GetString(), out _));
        var codes = daily.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("taxonomy_term").GetProperty("code").GetString()).ToList();
        Assert.Contains("aim:loneliness_both", codes);
        Assert.Contains("indication:no_daily_contact", codes);
        Assert.Contains("insight:JG-6", codes);
        Assert.Equal("konvooi-aim", daily.GetProperty("attributes").EnumerateArray()
            .First(a => a.GetProperty("taxonomy_term").GetProperty("code").GetString() == "aim:loneliness_both")
            .GetProperty("taxonomy_term").GetProperty("taxonomy_detail").GetProperty("name").GetString());
    }

    [Fact]
    public void Export_IsReproducible()
    {
        Assert.Equal(HsdsCatalogue.ExportJson(InterventionCatalogue.Starter), HsdsCatalogue.ExportJson(InterventionCatalogue.Starter));
    }

    [Fact]
    public void ImportTabular_BadFiles_RejectedWholeWithEveryProblem()
    {
        var files = new Dictionary<string, string>(HsdsCatalogue.ExportTabular(WithLocalOffers()), StringComparer.Ordinal);
        var terms = files["taxonomy_terms.csv"].Split('\n').ToList();
        var aimLine = terms.FindIndex(l => l.Contains(",aim:meaning,", StringComparison.Ordinal));
        terms[aimLine] = terms[aimLine].Replace(",aim:meaning,", ",aim:fun,", StringComparison.Ordinal);
        files["taxonomy_terms.csv"] = string.Join('\n', terms);
        var services = files["services.csv"].Split('\n').ToList();
        services[1] = services[1].Replace(",Elke dag een vast contactmoment,", ",,", StringComparison.Ordinal);
        services.Insert(2, "not-a-uuid,,X,Y,active,");
        files["services.csv"] = string.Join('\n', services);
        files["cost_options.csv"] += "0f8fad5b-d9cb-469f-a165-70867728950e,0f8fad5b-d9cb-469f-a165-70867728950e,EUR,-3,\n";
        var attributes = files["attributes.csv"].Split('\n').ToList();
        attributes.Insert(5, "only,three,fields");
        files["attributes.csv"] = string.Join('\n', attributes);

        var problems = Problems(HsdsCatalogue.ImportTabular(files));

        Assert.Contains(problems, p => p.StartsWith($"taxonomy_terms.csv line {aimLine + 1}, column code: must be a konvooi-aim term code", StringComparison.Ordinal) && p.EndsWith("(got 'aim:fun')", StringComparison.Ordinal));
        Assert.Contains("services.csv line 2, column name: is required by Konvooi", problems);
        Assert.Contains("services.csv line 3, column id: must be a UUID (got 'not-a-uuid')", problems);
        Assert.Contains(problems, p => p.StartsWith("cost_options.csv line ", StringComparison.Ordinal) && p.Contains("column service_id: does not name a service in this file", StringComparison.Ordinal));
        Assert.Contains("attributes.csv line 6: has 3 fields but the header has 6", problems);
    }

    [Fact]
    public void ImportTabular_MissingFiles_AreReported()
    {
        var problems = Problems(HsdsCatalogue.ImportTabular(new Dictionary<string, string> { ["services.csv"] = "id,name\n" }));

        Assert.Equal(
        [
            "attributes.csv: is missing from the data package",
            "taxonomies.csv: is missing from the data package",
            "taxonomy_terms.csv: is missing from the data package",
        ], problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ImportJson_ServiceWithoutOurTags_ReportsWhatKonvooiNeeds()
    {
        var json = """
            {"contents":[{"id":"8f14e45f-ceea-467f-a0e7-7d3e1b4f0c11","name":"Soep in de wijk","status":"active","attributes":[]}]}
            """;

        var problems = Problems(HsdsCatalogue.ImportJson(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(
        [
            "$.contents[0]: has no konvooi-field catalogue_id attribute",
            "$.contents[0].description: is required by Konvooi",
            "$.contents[0]: has no konvooi-aim attribute",
            "$.contents[0]: has no konvooi-setting attribute",
            "$.contents[0]: has no konvooi-mode attribute",
            "$.contents[0]: has no konvooi-intensity attribute",
            "$.contents[0]: has no konvooi-recognition attribute",
            "$.contents[0]: has no konvooi-element attribute (Konvooi needs at least one werkzaam element)",
        ], problems);
    }

    [Fact]
    public void ImportJson_WrongShapes_ReportEveryProblemWithItsPath()
    {
        var exported = HsdsCatalogue.ExportJson(new InterventionCatalogue("v1", [InterventionCatalogue.Starter.Find("buddy")!]));
        var node = System.Text.Json.Nodes.JsonNode.Parse(exported)!;
        var service = node["contents"]![0]!;
        service["name"] = 12;
        service["languages"] = "nl";
        service["attributes"]![0]!["value"] = "no-such id!";

        var problems = Problems(HsdsCatalogue.ImportJson(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Equal(
        [
            "$.contents[0].name: must be a string (got 12)",
            "$.contents[0].languages: must be an array (got \"nl\")",
            "$.contents[0].attributes[0].value: must be 1–100 lower-case letters, digits, '_' or '-' (got \"no-such id!\")",
            "$.contents[0].name: is required by Konvooi",
        ], problems);
    }

    [Fact]
    public void ImportJson_BadValues_ReportEveryProblem()
    {
        var exported = HsdsCatalogue.ExportJson(new InterventionCatalogue("v1", [InterventionCatalogue.Starter.Find("buddy")!]));
        var node = System.Text.Json.Nodes.JsonNode.Parse(exported)!;
        var attributes = node["contents"]![0]!["attributes"]!.AsArray();
        attributes[0]!["value"] = "No Such Id!";
        var element = attributes.First(a => a!["taxonomy_term"]!["code"]!.GetValue<string>().StartsWith("element:", StringComparison.Ordinal))!;
        element["value"] = "first";

        var problems = Problems(HsdsCatalogue.ImportJson(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Contains("$.contents[0].attributes[0].value: must be 1–100 lower-case letters, digits, '_' or '-' (got \"No Such Id!\")", problems);
        Assert.Contains(problems, p => p.EndsWith(".value: must be the position in the list (1, 2, …) (got \"first\")", StringComparison.Ordinal));
    }

    [Fact]
    public void ImportJson_NotJson_IsRejected()
    {
        var problems = Problems(HsdsCatalogue.ImportJson(Encoding.UTF8.GetBytes("id,name")));

        Assert.Single(problems);
        Assert.StartsWith("$: not valid JSON", problems[0], StringComparison.Ordinal);
    }
}
