using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
        Assert.Equal(59, KnowledgeBase.Insights.Count); // docs/knowledge.md: 59 citable ids
    }

    [Theory]
    [InlineData("VT", 9)] // Inzicht in eenzaamheid (2021), interview with Theo van Tilburg
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
        // docs/knowledge.md: the knowledge base is in our own words, never 12 words in a row from the publication
        // "Inzicht in eenzaamheid" (2021). Its text is not in this repository: tests/data/publication-12word-hashes.txt
        // holds the hashes of its 12-word runs, made by tests/data/make_publication_hashes.py with the words, runs and
        // hash of Words, Runs and Hash below.
        var publication = PublicationHashes();

        var copied = KnowledgeBase.Insights
            .SelectMany(i => new[] { (i.Id, i.Summary), (i.Id, i.Practice), (i.Id, i.Title) })
            .SelectMany(t => Runs(t.Item2).Where(run => publication.Contains(Hash(run))).Select(run => $"{t.Id}: {run}"))
            .ToList();

        Assert.Empty(copied);
    }

    [Fact]
    public void Runs_CopiedRunInOtherCaseAndPunctuation_IsDetected()
    {
        // This test used to take its sample from the publication's text; that text is no longer in the repository.
        // Detection is proven here on a synthetic source whose hashes the test computes itself; the real check
        // (DutchTexts_NeverCopyTwelveWordsInARowFromThePublication) uses the committed hash list.
        const string source = "Op dinsdagochtend komt de buurvrouw langs met verse soep, een krant en het nieuws "
            + "uit de straat. Daarna lopen ze samen naar het bankje bij de vijver, waar de eenden al wachten.";
        var hashes = Runs(source).Select(Hash).ToHashSet(StringComparer.Ordinal);
        var copy = "Zo stond het er: \"" + string.Join(", ", Words(source).Skip(5).Take(CopiedRunLength)).ToUpperInvariant() + "!\" Meer niet.";

        Assert.Contains(Runs(copy), run => hashes.Contains(Hash(run)));
        Assert.DoesNotContain(Runs("Op dinsdagochtend komt de buurvrouw niet langs, want zij is met haar kleinzoon naar de dierentuin."),
            run => hashes.Contains(Hash(run)));
    }

    [Fact]
    public void Hash_KnownText_EqualsTheScriptsHashes()
    {
        // Printed by `python3 tests/data/make_publication_hashes.py --runs` for this text: the C# words (letters and
        // digits, accents kept, the curly apostrophe and hyphen splitting), runs and hashes equal the script's.
        var runs = Runs("Zoë’s café-eigenaar zei op 3 mei 2024: “Één kop koffie, twee gesprekken!” ÉN dat was élke dag zo.");

        Assert.Equal("zoë s café eigenaar zei op 3 mei 2024 één kop koffie", runs[0]);
        Assert.Equal(
            ["1757beb2eb4ff08a", "464e98b8c0ab460b", "ac8aff6ac6016067", "a207ccac0037e0fa", "c177bd457f473a82",
             "1af866891b904b7b", "ac941915e6b52b4e", "be11a7930223beb0", "67f760b9a66dd147"],
            runs.Select(Hash));
    }

    [Fact]
    public void PublicationHashes_File_IsNonEmptySortedUniqueAndWellFormed()
    {
        var lines = File.ReadAllLines(TestData.File("publication-12word-hashes.txt"));

        Assert.True(lines.Length > 5000, $"only {lines.Length} hashes");
        Assert.All(lines, line => Assert.Matches("^[0-9a-f]{16}$", line));
        Assert.All(lines.Skip(1).Zip(lines), pair => Assert.True(string.CompareOrdinal(pair.Second, pair.First) < 0, $"{pair.First} after {pair.Second}"));
    }

    [Theory]
    [InlineData("VT-6", "severity_excludes_light", "intensive_guidance", null, null)] // docs/matching.md rule and advice tables
    [InlineData("JG-6", "daily_contact", null, "no_daily_contact", "daily_contact_moment")] // docs/profile.md flags; the starter catalogue (docs/matching.md)
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
        // RK-2 (the nursing-home visiting ban of spring 2020) is context only (docs/knowledge.md): no rule cites it.
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

    /// <summary>The runs of 12 words of a text, in order, each joined by one space.</summary>
    private static List<string> Runs(string text)
    {
        var words = Words(text);
        return [.. Enumerable.Range(0, Math.Max(0, words.Count - CopiedRunLength + 1)).Select(start => string.Join(' ', words.Skip(start).Take(CopiedRunLength)))];
    }

    private static List<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    /// <summary>The first 16 hexadecimal digits (64 bits) of SHA-256 of the run's UTF-8 bytes, as the script writes them.</summary>
    private static string Hash(string run) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(run)))[..16];

    private static HashSet<string> PublicationHashes() =>
        File.ReadAllLines(TestData.File("publication-12word-hashes.txt")).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
