using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Tests.Matching;

/// <summary>Properties that hold for every profile, checked over generated profiles (fixed seed).</summary>
public sealed class MatcherPropertyTests
{
    private const int Seed = 20261128;
    private const int Count = 2000;

    private static readonly string[] Types = ["none", "emotional", "social", "both"];

    public static TheoryData<int> Batches()
    {
        var data = new TheoryData<int>();
        for (var batch = 0; batch < 4; batch++)
        {
            data.Add(batch);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Match_GeneratedProfiles_EverySuggestionHasAReasonCitingAKnownInsight(int batch)
    {
        foreach (var (profile, result) in Generate(batch))
        {
            Assert.All(result.Suggestions, s =>
            {
                Assert.NotEmpty(s.Reasons);
                Assert.All(s.Reasons, r =>
                {
                    Assert.NotEmpty(r.Insights);
                    if (r.Insights.Any(id => !Insights.IsKnown(id)))
                    {
                        Assert.Fail($"{string.Join(",", r.Insights)} in {ProfileJson.Write(profile)}");
                    }

                    Assert.False(string.IsNullOrWhiteSpace(r.Text));
                });
            });
            Assert.All(result.Excluded, e => Assert.NotEmpty(e.Insights));
            Assert.All(result.Advice, a => Assert.NotEmpty(a.Insights));
        }
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Match_GeneratedProfiles_NothingIsBothSuggestedAndExcluded(int batch)
    {
        foreach (var (_, result) in Generate(batch))
        {
            var suggested = result.SuggestedIds();
            var excluded = result.Excluded.Select(e => e.Intervention.Id).ToList();

            Assert.Empty(suggested.Intersect(excluded));
            Assert.Equal(suggested.Count, suggested.Distinct().Count());
            Assert.Equal(excluded.Count, excluded.Distinct().Count());
        }
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Match_GeneratedSevereOrChronicProfiles_NeverSuggestLight(int batch)
    {
        foreach (var (profile, result) in Generate(batch))
        {
            var facts = ProfileFacts.From(profile);
            if (facts.IsSevereOrChronic)
            {
                Assert.DoesNotContain(result.Suggestions, s => s.Intervention.Intensity == "light");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Match_GeneratedProfiles_MisfitDropoutNeverReturns(int batch)
    {
        foreach (var (profile, result) in Generate(batch))
        {
            foreach (var dropout in profile.DroppedOut.Where(d => d.IsMisfit))
            {
                if (result.IsSuggested(dropout.Intervention))
                {
                    Assert.Fail($"{dropout.Intervention} returned for {ProfileJson.Write(profile)}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Match_GeneratedProfiles_RankedByScoreThenRecognitionThenId(int batch)
    {
        foreach (var (_, result) in Generate(batch))
        {
            for (var i = 1; i < result.Suggestions.Count; i++)
            {
                var before = result.Suggestions[i - 1];
                var after = result.Suggestions[i];
                if (Compare(before, after) >= 0)
                {
                    Assert.Fail($"{before.Intervention.Id} before {after.Intervention.Id}");
                }
            }

            Assert.All(result.Suggestions, s => Assert.True(s.Score > 0));
        }
    }

    [Fact]
    public void Match_SameInputTwice_GivesTheSameJson()
    {
        foreach (var (profile, result) in Generate(0).Take(200))
        {
            var again = Matcher.Match(profile, InterventionCatalogue.Starter);

            Assert.Equal(MatchResultJson.ToJson(result), MatchResultJson.ToJson(again));
        }
    }

    [Fact]
    public void ProfileJson_GeneratedProfiles_RoundTripThroughJson()
    {
        foreach (var (profile, _) in Generate(1).Take(300))
        {
            var json = ProfileJson.Write(profile);

            var read = Assert.IsType<Konvooi.Domain.Common.ReadResult<Profile>.Success>(ProfileJson.Read(json)).Value;

            Assert.Equal(json, ProfileJson.Write(read));
        }
    }

    private static int Compare(Suggestion a, Suggestion b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byRecognition = Vocabulary.RecognitionRank(b.Intervention.Recognition).CompareTo(Vocabulary.RecognitionRank(a.Intervention.Recognition));
        return byRecognition != 0 ? byRecognition : string.CompareOrdinal(a.Intervention.Id, b.Intervention.Id);
    }

    private static IEnumerable<(Profile Profile, MatchResult Result)> Generate(int batch)
    {
        var random = new Random(Seed + batch);
        for (var n = 0; n < Count / 4; n++)
        {
            var profile = RandomProfile(random);
            yield return (profile, Matcher.Match(profile, InterventionCatalogue.Starter));
        }
    }

    internal static Profile RandomProfile(Random random)
    {
        var ids = InterventionCatalogue.Starter.Interventions.Select(i => i.Id).ToArray();
        var djg = random.Next(4) == 0 ? null : new Djg11Score(random.Next(7), random.Next(6));
        return new Profile
        {
            Age = Maybe(random, () => random.Next(121)),
            LivesAlone = Maybe(random, () => random.Next(2) == 0),
            DailyContact = Maybe(random, () => random.Next(2) == 0),
            Djg11 = djg,
            Type = random.Next(6) == 0 ? Pick(random, Types) : null,
            Severity = random.Next(6) == 0 ? Pick(random, Vocabulary.Severities.Keys.ToArray()) : null,
            Course = random.Next(3) == 0 ? null : Pick(random, Vocabulary.Courses.Keys.ToArray()),
            Causes = Subset(random, Vocabulary.Causes.Keys.ToArray(), 4),
            Coping = random.Next(3) == 0 ? null : Pick(random, Vocabulary.Coping.Keys.ToArray()),
            Preferences = new ProfilePreferences
            {
                Setting = random.Next(3) == 0 ? Pick(random, Vocabulary.Settings.Keys.ToArray()) : null,
                Modes = Subset(random, Vocabulary.Modes.Keys.ToArray(), 2),
                Language = random.Next(3) == 0 ? Pick(random, ["nl", "ar", "tr", "en"]) : null,
                FewContactsWanted = Maybe(random, () => random.Next(2) == 0),
            },
            Flags = Subset(random, Vocabulary.Flags.Keys.ToArray(), 3),
            DroppedOut = Enumerable.Range(0, random.Next(3))
                .Select(_ => new Dropout(Pick(random, ids), Pick(random, Vocabulary.DropoutReasons.Keys.ToArray())))
                .ToList(),
        };
    }

    private static T? Maybe<T>(Random random, Func<T> value) where T : struct =>
        random.Next(3) == 0 ? null : value();

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static List<string> Subset(Random random, string[] values, int max) =>
        values.OrderBy(_ => random.Next()).Take(random.Next(max + 1)).ToList();
}
