using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Profiles;

namespace Konvooi.Domain.Tests.Profiles;

/// <summary>The personas of <see cref="Personas"/> through the profile builder (thresholds: docs/profile.md).</summary>
public sealed class PersonaProfileTests
{
    public static TheoryData<string> PersonaNames => Personas.Names();

    [Fact]
    public void Personas_AtLeastTwelve()
    {
        Assert.True(Personas.All.Count >= 12);
    }

    [Theory]
    [MemberData(nameof(PersonaNames))]
    public void Build_Persona_TypeSeverityCourseCausesAndFlagsAsExpected(string name)
    {
        var persona = Personas.Get(name);

        var profile = ProfileBuilder.Build(persona.Input);

        Assert.Equal(persona.Type, profile.Type);
        Assert.Equal(persona.Severity, profile.Severity);
        Assert.Equal(persona.Course, profile.Course);
        Assert.Equal(persona.Causes, profile.Causes.Select(c => c.Code));
        Assert.Equal(persona.Flags, profile.Flags.Select(f => f.Code));
        Assert.Equal(persona.Causes.FirstOrDefault(), profile.PrimaryCause?.Code);
    }

    [Theory]
    [MemberData(nameof(PersonaNames))]
    public void Build_Persona_EveryFindingHasEvidenceAndKnownInsights(string name)
    {
        var profile = ProfileBuilder.Build(Personas.Get(name).Input);

        Assert.All(profile.Flags, flag =>
        {
            Assert.NotEmpty(flag.Evidence);
            Assert.NotEmpty(flag.Insights);
            Assert.All(flag.Insights, id => Assert.True(Insights.IsKnown(id), id));
            Assert.True(Vocabulary.Flags.ContainsKey(flag.Code), flag.Code);
        });
        Assert.All(profile.Causes, cause => Assert.NotEmpty(cause.Evidence));
        Assert.Equal(profile.Course is not null, profile.CourseEvidence.Count > 0);
        Assert.Equal(profile.Severity is not null, profile.LonelinessEvidence.Count > 0);
    }

    [Theory]
    [MemberData(nameof(PersonaNames))]
    public void ToMatchingProfile_Persona_MatchesAndWritesValidSchemaV2Json(string name)
    {
        var profile = ProfileBuilder.Build(Personas.Get(name).Input).ToMatchingProfile();

        var result = Matcher.Match(profile, InterventionCatalogue.Starter);
        var json = ProfileJson.Write(profile);
        var read = ProfileJson.Read(json);

        Assert.NotNull(result);
        var success = Assert.IsType<ReadResult<Profile>.Success>(read);
        Assert.Equal(json, ProfileJson.Write(success.Value));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(2, document.RootElement.GetProperty("version").GetInt32());
        SchemaAssert.Conforms(document.RootElement);
    }
}
