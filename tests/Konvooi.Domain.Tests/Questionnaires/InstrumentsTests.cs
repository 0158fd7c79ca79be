using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Tests.Questionnaires;

public sealed class InstrumentsTests
{
    public static TheoryData<string> Ids => new(Instruments.All.Select(i => i.Id));

    [Fact]
    public void All_HasTheEightInstrumentsOfIssue3()
    {
        Assert.Equal(["djg11", "djg6", "ucla3", "ons-direct", "who5", "mastery7", "mastery7-ggd", "brs"], Instruments.All.Select(i => i.Id));
    }

    [Fact]
    public void Get_UnknownId_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => Instruments.Get("djg12"));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Instrument_EveryItem_HasDutchAndEnglishTextWithSource(string id)
    {
        var instrument = Instruments.Get(id);

        Assert.All(instrument.Items, item =>
        {
            Assert.NotNull(item.Texts.In(LocalizedText.Dutch));
            Assert.NotNull(item.Texts.In(LocalizedText.English));
            Assert.All(item.Texts, t => Assert.False(string.IsNullOrWhiteSpace(t.Source)));
        });
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Instrument_ItemCodes_AreUniqueAndNumbered(string id)
    {
        var instrument = Instruments.Get(id);

        Assert.Equal(instrument.Items.Count, instrument.Items.Select(i => i.Code).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, instrument.Items.Count), instrument.Items.Select(i => i.Number));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Instrument_AnswerScales_ReferToOptions(string id)
    {
        var instrument = Instruments.Get(id);

        Assert.All(instrument.AnswerScales, scale =>
        {
            Assert.All(scale.OptionValues, v => Assert.True(instrument.OptionIndex(v) >= 0, v));
            Assert.Equal(scale.OptionValues.Order(), scale.Codes.Values.Order());
        });
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Instrument_Levels_AreContiguous(string id)
    {
        var levels = Instruments.Get(id).Levels;

        for (var i = 1; i < levels.Count; i++)
        {
            Assert.Equal(levels[i - 1].Max + 1, levels[i].Min);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Instrument_LabelsOfDifferentOptions_DoNotCollide(string id)
    {
        var mapper = AnswerMapper.Create(Instruments.Get(id));

        Assert.NotNull(mapper);
    }

    [Fact]
    public void Djg6_Items_FollowCbsPresentationOrder()
    {
        // docs/instruments.md, DJG-6: 11-item numbers 3, 4, 7, 9, 8, 10.
        Assert.Equal([3, 4, 7, 9, 8, 10], Instruments.Djg6.Items.Select(i => i.SourceNumber ?? 0));
    }

    [Fact]
    public void Djg11_Subscales_AreEmotionalNegativeAndSocialPositive()
    {
        // docs/instruments.md, conventions: social 1, 4, 7, 8, 11; emotional 2, 3, 5, 6, 9, 10.
        var social = Instruments.Djg11.Items.Where(i => i.Subscale == DjgSubscales.Social).Select(i => i.Number);

        Assert.Equal([1, 4, 7, 8, 11], social);
    }

    [Theory]
    [InlineData("who5")] // docs/instruments.md, WHO-5: no authoritative Dutch text retrieved
    [InlineData("brs")] // §5.3
    [InlineData("ucla3")] // §3.5
    public void Instrument_WithoutAuthoritativeDutch_MarksDutchAsWorkingTranslation(string id)
    {
        var instrument = Instruments.Get(id);

        Assert.All(instrument.Items, i => Assert.True(i.Texts.In(LocalizedText.Dutch)!.IsWorkingTranslation));
    }
}
