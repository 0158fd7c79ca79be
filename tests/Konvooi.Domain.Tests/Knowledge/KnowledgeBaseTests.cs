using System.Globalization;
using System.Text.RegularExpressions;
using Konvooi.Domain.Knowledge;
using Konvooi.Domain.Matching;

namespace Konvooi.Domain.Tests.Knowledge;

public sealed partial class KnowledgeBaseTests
{
    private const int CopiedRunLength = 12;

    [Fact]
    public void Insights_EveryId_AppearsExactlyOnce()
    {
        var duplicates = KnowledgeBase.Insights.GroupBy(i => i.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
        Assert.Equal(59, KnowledgeBase.Insights.Count); // ../shared/domain/insights.md: 59 citable ids
    }

    [Theory]
    [InlineData("VT", 9)] // ../shared/domain/insights.md § VT — Theo van Tilburg
    [InlineData("AM", 9)] // § AM — Anja Machielse
    [InlineData("ES", 8)] // § ES — Eric Schoenmakers (ES-1/2 is two ids)
    [InlineData("RK", 8)] // § RK — Rick Kwekkeboom
    [InlineData("JG", 6)] // § JG — Jenny de Jong Gierveld (JG-2/3 is two ids)
    [InlineData("CC", 6)] // § CC — Crétien van Campen (CC-3/4 is two ids)
    [InlineData("LM", 5)] // § LM — Linda Moonen
    [InlineData("TF", 8)] // § TF — Tineke Fokkema (TF-2/3 is two ids)
    public void InsightsOf_EachExpert_AreNumberedOneToCountInOrder(string code, int count)
    {
        var expert = KnowledgeBase.FindExpert(code);

        Assert.NotNull(expert);
        var expected = Enumerable.Range(1, count).Select(n => $"{code}-{n.ToString(CultureInfo.InvariantCulture)}");
        Assert.Equal(expected, KnowledgeBase.InsightsOf(expert).Select(i => i.Id));
    }

    [Fact]
    public void Experts_EightWithUniqueCodes_AndEveryInsightBelongsToOne()
    {
        Assert.Equal(8, KnowledgeBase.Experts.Select(e => e.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(KnowledgeBase.Insights, i => Assert.NotNull(KnowledgeBase.FindExpert(i.ExpertCode)));
        Assert.All(KnowledgeBase.Experts, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Name));
            Assert.False(string.IsNullOrWhiteSpace(e.Role));
            Assert.False(string.IsNullOrWhiteSpace(e.RoleEnglish));
        });
    }

    [Fact]
    public void Insights_ListInExpertOrder()
    {
        var expertOrder = KnowledgeBase.Experts.Select(e => e.Code).ToList();

        var order = KnowledgeBase.Insights.Select(i => expertOrder.IndexOf(i.ExpertCode)).ToList();

        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void InsightsAll_EqualsTheKnowledgeBaseIds()
    {
        Assert.Equal(KnowledgeBase.Insights.Select(i => i.Id).Order(StringComparer.Ordinal), Insights.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AllCitedIds_RulesAdviceFlagsAndStarterCatalogue_AreInTheKnowledgeBase()
    {
        var unknown = KnowledgeCitations.AllCitedIds(InterventionCatalogue.Starter).Where(id => KnowledgeBase.Find(id) is null);

        Assert.Empty(unknown);
    }

    [Fact]
    public void FlagInsights_CoverExactlyTheProfileFlags()
    {
        Assert.Equal(Vocabulary.Flags.Keys.Order(StringComparer.Ordinal), KnowledgeBase.FlagInsights.Keys.Order(StringComparer.Ordinal));
        Assert.All(KnowledgeBase.FlagInsights.Values, ids => Assert.NotEmpty(ids));
    }

    [Fact]
    public void Insights_EveryText_IsFilledAndTitlesAreShort()
    {
        Assert.All(KnowledgeBase.Insights, i =>
        {
            foreach (var text in new[] { i.Title, i.TitleEnglish, i.Summary, i.SummaryEnglish, i.Practice })
            {
                Assert.False(string.IsNullOrWhiteSpace(text), i.Id);
                Assert.Equal(text.Trim(), text);
            }

            Assert.True(i.Title.Length <= 60, $"{i.Id}: title too long");
            Assert.True(i.TitleEnglish.Length <= 60, $"{i.Id}: English title too long");
            Assert.True(i.Summary[^1] is '.' or '?', $"{i.Id}: summary is not a full sentence");
            Assert.True(i.Practice[^1] is '.' or '?', $"{i.Id}: practice note is not a full sentence");
        });
    }

    [Fact]
    public void DutchTexts_NeverCopyTwelveWordsInARowFromThePublication()
    {
        // ../shared/domain/insights.md: the knowledge base is in our own words; no sentences from ../seed.
        var seedRuns = Runs(File.ReadAllText(SeedPath()));

        var copied = KnowledgeBase.Insights
            .SelectMany(i => new[] { (i.Id, i.Summary), (i.Id, i.Practice), (i.Id, i.Title) })
            .SelectMany(t => Runs(t.Item2).Where(seedRuns.Contains).Select(run => $"{t.Id}: {run}"))
            .ToList();

        Assert.Empty(copied);
    }

    [Fact]
    public void Runs_TextTakenFromTheSeed_IsDetected()
    {
        var seedWords = Words(File.ReadAllText(SeedPath()));
        var sample = "Zo stond het er: " + string.Join(" ", seedWords.Skip(500).Take(CopiedRunLength)).ToUpperInvariant() + "!";

        Assert.True(Runs(sample).Overlaps(Runs(File.ReadAllText(SeedPath()))));
    }

    [Theory]
    [InlineData("VT-6", "severity_excludes_light", "intensive_guidance", null, null)] // docs/matching.md rule and advice tables
    [InlineData("JG-6", "daily_contact", null, "no_daily_contact", "daily_contact_moment")] // vocabulary.md flags; issue 5 starter catalogue
    [InlineData("TF-8", "money_worries", null, "financial_worries", "financial_advice")]
    [InlineData("RK-5", "misfit_dropout", "follow_up_dropout", null, null)]
    public void Of_CitedInsight_ListsItsRulesAdviceFlagsAndInterventions(string id, string? rule, string? advice, string? flag, string? intervention)
    {
        var citations = KnowledgeCitations.Of(id, InterventionCatalogue.Starter);

        Assert.False(citations.IsBackground);
        if (rule is not null)
        {
            Assert.Contains(citations.Rules, r => r.Code == rule);
        }

        if (advice is not null)
        {
            Assert.Contains(citations.Advice, a => a.Code == advice);
        }

        if (flag is not null)
        {
            Assert.Contains(flag, citations.Flags);
        }

        if (intervention is not null)
        {
            Assert.Contains(citations.Interventions, i => i.Id == intervention);
        }
    }

    [Fact]
    public void Of_ContextInsight_IsBackground()
    {
        // ../shared/domain/insights.md marks RK-2 (the nursing-home visiting ban) as context only.
        Assert.True(KnowledgeCitations.Of("RK-2", InterventionCatalogue.Starter).IsBackground);
    }

    [Fact]
    public void WeightsOf_EveryDefaultWeight_BelongsToExactlyOneRule()
    {
        var owners = MatchingWeights.Defaults.Keys.ToDictionary(
            key => key,
            key => MatchingRules.All.Count(r => KnowledgeCitations.WeightsOf(r).Any(w => w.Key == key)),
            StringComparer.Ordinal);

        Assert.All(owners, o => Assert.True(o.Value == 1, $"{o.Key} belongs to {o.Value} rules"));
        Assert.Equal(["type_fit", "type_mismatch"], KnowledgeCitations.WeightsOf(MatchingRules.TypeFit).Select(w => w.Key).Order(StringComparer.Ordinal));
        Assert.Empty(KnowledgeCitations.WeightsOf(MatchingRules.MisfitDropout));
    }

    private static HashSet<string> Runs(string text)
    {
        var words = Words(text);
        var runs = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start + CopiedRunLength <= words.Count; start++)
        {
            runs.Add(string.Join(' ', words.Skip(start).Take(CopiedRunLength)));
        }

        return runs;
    }

    private static List<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    private static string SeedPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Konvooi.slnx")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException("Konvooi.slnx not found above the test binaries.");
        return Path.Combine(root, "..", "shared", "seed", "inzicht-in-eenzaamheid.md");
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
