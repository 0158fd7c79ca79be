using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Tests.Matching;

public sealed class InterventionCatalogueTests
{
    [Fact]
    public void Starter_HasAtLeast25TaggedInterventions()
    {
        var catalogue = InterventionCatalogue.Starter;

        Assert.True(catalogue.Interventions.Count >= 25, $"only {catalogue.Interventions.Count}");
        Assert.False(string.IsNullOrWhiteSpace(catalogue.Version));
    }

    [Theory]
    // Intervention types the starter catalogue must have (docs/matching.md, starter catalogue).
    [InlineData("daily_contact_moment")]
    [InlineData("buddy")]
    [InlineData("friendship_course")]
    [InlineData("expectations_course")]
    [InlineData("telephone_circle")]
    [InlineData("home_visit_75plus")]
    [InlineData("grief_support")]
    [InlineData("meaning_conversation")]
    [InlineData("financial_advice")]
    [InlineData("group_meeting_activity")]
    [InlineData("culture_participation")]
    [InlineData("creative_community")]
    [InlineData("talent_development")]
    [InlineData("intergenerational_project")]
    [InlineData("social_skills_training")]
    [InlineData("resilience_training")]
    [InlineData("volunteering_role")]
    [InlineData("relationship_counselling")]
    [InlineData("digital_skills")]
    public void Starter_ContainsIdNamedInTheIssue(string id)
    {
        Assert.NotNull(InterventionCatalogue.Starter.Find(id));
    }

    [Theory]
    [InlineData("daily_contact_moment", "JG-6")]
    [InlineData("meaning_conversation", "VT-8")]
    [InlineData("financial_advice", "TF-8")]
    [InlineData("culture_participation", "CC-3")]
    [InlineData("creative_community", "CC-6")]
    [InlineData("talent_development", "RK-7")]
    [InlineData("intergenerational_project", "VT-3")]
    [InlineData("relationship_counselling", "ES-3")]
    public void Starter_EntryCitesTheInsightTheIssueNames(string id, string insight)
    {
        Assert.Contains(insight, InterventionCatalogue.Starter.Find(id)!.Insights);
    }

    [Fact]
    public void Starter_EveryEntryIsFullyTagged()
    {
        Assert.All(InterventionCatalogue.Starter.Interventions, i =>
        {
            Assert.NotEmpty(i.Causes);
            Assert.NotEmpty(i.Elements);
            Assert.NotEmpty(i.TargetGroups);
            Assert.NotEmpty(i.Insights);
            Assert.All(i.Insights, id => Assert.True(Insights.IsKnown(id), id));
            Assert.True(i.Description.Length >= 60, i.Id);
        });
    }

    [Fact]
    public void Starter_CoversEveryAimElementSettingModeAndIntensity()
    {
        var all = InterventionCatalogue.Starter.Interventions;

        Assert.All(Vocabulary.Elements.Keys, e => Assert.Contains(all, i => i.Elements.Contains(e)));
        Assert.All(Vocabulary.Settings.Keys, s => Assert.Contains(all, i => i.Setting == s));
        Assert.All(Vocabulary.Modes.Keys, m => Assert.Contains(all, i => i.Mode == m));
        Assert.All(Vocabulary.Intensities.Keys, n => Assert.Contains(all, i => i.Intensity == n));
        Assert.All(Vocabulary.Causes.Keys, c => Assert.Contains(all, i => i.Causes.Contains(c)));
    }

    [Fact]
    public void Json_StarterWrittenAndReadBack_IsEqual()
    {
        var json = CatalogueJson.Write(InterventionCatalogue.Starter);

        var again = Assert.IsType<ReadResult<InterventionCatalogue>.Success>(CatalogueJson.Read(json)).Value;

        Assert.Equal(json, CatalogueJson.Write(again));
    }

    [Fact]
    public void Json_LocalOfferFields_SurviveTheRoundTrip()
    {
        var offer = InterventionCatalogue.Starter.Find("buddy")! with
        {
            Id = "buddy-utrecht-oost",
            Provider = "Welzijn Oost",
            Locations = ["Buurthuis De Linde, Lindelaan 4, Utrecht"],
            Schedule = "Eén keer per week, in overleg",
            CostEuros = 0m,
            CostDescription = "Gratis",
            Capacity = 3,
            WaitingListWeeks = 4,
            Contact = "maatjes@example.org",
            Languages = ["nl", "en"],
            Accessibility = "Rolstoeltoegankelijk",
        };
        var catalogue = new InterventionCatalogue("local-7", [offer]);

        var read = Assert.IsType<ReadResult<InterventionCatalogue>.Success>(CatalogueJson.Read(CatalogueJson.Write(catalogue))).Value;

        Assert.Equal(CatalogueJson.Write(catalogue), CatalogueJson.Write(read));
        Assert.Equal("Welzijn Oost", read.Interventions[0].Provider);
        Assert.Equal(4, read.Interventions[0].WaitingListWeeks);
    }

    [Fact]
    public void Json_BadCatalogue_ReportsEveryProblem()
    {
        var json = """
            {"interventions":[
              {"id":"Buddy","name":"x","description":"y","aim":"fun","elements":[],"setting":"individual","mode":"walk","intensity":"light","recognition":"none"},
              {"id":"a","name":"a","description":"a","aim":"meaning","elements":["meeting"],"setting":"group","mode":"phone","intensity":"light","recognition":"top","insights":["XX-1"],"languages":["dutch"],"methodUrl":"ftp://x"},
              {"id":"b","name":"b","description":"b","aim":"meaning","elements":["meeting"],"setting":"group","mode":"phone","intensity":"light","recognition":"none","capacity":-1},
              {"id":"b","name":"b","description":"b","aim":"meaning","elements":["meeting"],"setting":"group","mode":"phone","intensity":"light","recognition":"none"}
            ]}
            """;

        var problems = Assert.IsType<ReadResult<InterventionCatalogue>.Failure>(CatalogueJson.Read(json)).Problems.Select(p => $"{p.Path}: {p.Reason}").ToList();

        Assert.Contains("$.version: is required", problems);
        Assert.Contains(problems, p => p.StartsWith("$.interventions[0].id: must be 1–100 lower-case", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.interventions[0].aim: must be a known aim code", StringComparison.Ordinal));
        Assert.Contains("$.interventions[0].elements: must name at least one werkzaam element", problems);
        Assert.Contains(problems, p => p.StartsWith("$.interventions[0].mode: must be a known mode code", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.interventions[1].recognition: must be a known recognition code", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.interventions[1].insights[0]: must be a known insight code", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.interventions[1].languages[0]: must be a two-letter ISO 639-1 code", StringComparison.Ordinal));
        Assert.Contains("$.interventions[1].methodUrl: must be an absolute http or https address", problems);
        Assert.Contains("$.interventions[2].capacity: must be between 0 and 100000", problems);
        Assert.Contains("$.interventions[3].id: is used by an earlier intervention", problems);
        Assert.Equal(11, problems.Count);
    }

    [Fact]
    public void Starter_PreventionAim_AtLeastThreeEntriesAndThePreventiveHomeVisit()
    {
        // Issue 16 (JG-4, AM-5): aim prevention with at least three starter entries; home_visit_75plus re-typed.
        var starter = InterventionCatalogue.Starter;
        var prevention = starter.Interventions.Where(i => i.Aim == "prevention").Select(i => i.Id).ToList();

        Assert.True(prevention.Count >= 3, string.Join(", ", prevention));
        var homeVisit = starter.Find("home_visit_75plus")!;
        Assert.Equal("prevention", homeVisit.Aim);
        Assert.Equal("Preventief huisbezoek", homeVisit.Name);
        Assert.Equal("starter-2026.2", starter.Version);
    }

    [Fact]
    public void Json_TypeField_RoundTripsAndIsChecked()
    {
        var local = InterventionCatalogue.Starter.Find("buddy")! with { Id = "buddy_west", Type = "buddy" };
        var json = CatalogueJson.Write(new InterventionCatalogue("t1", [local]));

        var read = Assert.IsType<ReadResult<InterventionCatalogue>.Success>(CatalogueJson.Read(json)).Value;
        Assert.Equal("buddy", read.Interventions[0].Type);
        Assert.Equal("buddy", read.Interventions[0].TypeCode);
        Assert.Equal("grief_support", InterventionCatalogue.Starter.Find("grief_support")!.TypeCode);

        var bad = CatalogueJson.Read(json.Replace("\"type\": \"buddy\"", "\"type\": \"Buddy!\"", StringComparison.Ordinal));
        Assert.Contains(Assert.IsType<ReadResult<InterventionCatalogue>.Failure>(bad).Problems, p => p.Path == "$.interventions[0].type");
    }

    [Fact]
    public void Weights_RetiredMisfitSimilarKey_IsIgnoredSoStoredWeightsStillLoad()
    {
        var weights = Assert.IsType<ReadResult<MatchingWeights>.Success>(MatchingWeights.Create(new Dictionary<string, double> { ["misfit_similar"] = 2, ["prevention"] = 5 })).Value;

        Assert.Equal(5, weights["prevention"]);
        Assert.False(MatchingWeights.Defaults.ContainsKey("misfit_similar"));
    }
}
