using Konvooi.Domain.Questionnaires;

namespace Konvooi.Domain.Tests.Questionnaires;

public sealed class AnswerMapperTests
{
    private static readonly AnswerMapper Djg11 = AnswerMapper.Create(Instruments.Djg11);

    [Theory]
    [InlineData("ja", "ja")]
    [InlineData("  JA ", "ja")]
    [InlineData("Min of meer", "min_of_meer")]
    [InlineData("min-of-meer", "min_of_meer")]
    [InlineData("nee", "nee")]
    [InlineData("ja!", "ja!")]
    [InlineData("nee!", "nee!")]
    [InlineData("yes", "ja")]
    [InlineData("More or less", "min_of_meer")]
    [InlineData("no", "nee")]
    [InlineData("1", "nee")] // docs/cli.md: DJG 3-category default codes 1 = nee
    [InlineData("2", "min_of_meer")] // 2 = min of meer
    [InlineData(" 3 ", "ja")] // 3 = ja
    public void Map_DjgLabelOrDefaultCode_FindsOption(string raw, string value)
    {
        var mapped = Djg11.Map(raw);

        Assert.Equal(new MappedAnswer(AnswerStatus.Answered, Instruments.Djg11.OptionIndex(value)), mapped);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Map_Empty_IsMissing(string raw)
    {
        Assert.Equal(AnswerStatus.Missing, Djg11.Map(raw).Status);
    }

    [Theory]
    [InlineData("jaa", AnswerStatus.UnknownLabel)]
    [InlineData("misschien", AnswerStatus.UnknownLabel)]
    [InlineData("1.0", AnswerStatus.UnknownLabel)]
    [InlineData("9", AnswerStatus.UnmappedCode)]
    [InlineData("-1", AnswerStatus.UnmappedCode)]
    [InlineData("99999999999", AnswerStatus.UnmappedCode)]
    public void Map_UnknownLabelOrCode_IsAProblemNotMissing(string raw, AnswerStatus status)
    {
        Assert.Equal(status, Djg11.Map(raw).Status);
    }

    [Fact]
    public void Map_WithCodeSpec_MapsCodesAndMissing()
    {
        var (codes, errors) = CodeMap.Parse("1=ja,2=min of meer,3=nee,9=", Instruments.Djg11);
        Assert.Empty(errors);
        var mapper = AnswerMapper.Create(Instruments.Djg11, codes);

        Assert.Equal(
            [Instruments.Djg11.OptionIndex("ja"), Instruments.Djg11.OptionIndex("min_of_meer"), Instruments.Djg11.OptionIndex("nee"), AnswerCodes.Missing],
            new[] { "1", "2", "3", "9" }.Select(c => mapper.Map(c).OptionIndex));
        Assert.Equal(AnswerStatus.Missing, mapper.Map("9").Status);
        Assert.Equal(AnswerStatus.UnmappedCode, mapper.Map("4").Status);
        Assert.Equal(AnswerStatus.Answered, mapper.Map("nee").Status);
    }

    [Fact]
    public void Parse_BadCodeSpec_ReturnsEveryError()
    {
        var (codes, errors) = CodeMap.Parse("1=ja,x=nee,2=misschien,3,1=nee", Instruments.Djg11);

        Assert.Null(codes);
        Assert.Equal(["codes_code", "codes_label", "codes_syntax", "codes_duplicate"], errors.Select(e => e.Code));
    }

    [Fact]
    public void Map_FiveCategoryCodesViaSpec_FindsOptions()
    {
        // docs/cli.md: DJG 5-category 1=nee!, 2=nee, 3=min of meer, 4=ja, 5=ja!.
        var (codes, _) = CodeMap.Parse("1=nee!,2=nee,3=min of meer,4=ja,5=ja!", Instruments.Djg11);
        var mapper = AnswerMapper.Create(Instruments.Djg11, codes);

        Assert.Equal(["nee!", "nee", "min_of_meer", "ja", "ja!"], new[] { "1", "2", "3", "4", "5" }.Select(c => Instruments.Djg11.Options[mapper.Map(c).OptionIndex].Value));
    }

    [Theory]
    [InlineData("who5", "0", "at_no_time")] // docs/cli.md: WHO-5 code = score 0…5
    [InlineData("who5", "5", "all_of_the_time")]
    [InlineData("who5", "More than half of the time", "more_than_half")]
    [InlineData("ucla3", "1", "hardly_ever")] // UCLA-3 1 = hardly ever
    [InlineData("ucla3", "hardly ever", "hardly_ever")]
    [InlineData("ucla3", "3", "often")] // 3 = often
    [InlineData("brs", "1", "strongly_disagree")] // BRS 1 = strongly disagree … 5 = strongly agree
    [InlineData("brs", "5", "strongly_agree")]
    [InlineData("mastery7", "4", "strongly_agree")] // mastery as its answer scale's order
    [InlineData("mastery7-ggd", "1", "strongly_agree")] // GGD: 1 = helemaal mee eens
    [InlineData("mastery7-ggd", "helemaal mee oneens", "strongly_disagree")]
    [InlineData("ons-direct", "1", "often_always")]
    [InlineData("ons-direct", "Often/always", "often_always")]
    public void Map_OtherInstruments_UseTheirOwnLabelsAndCodes(string instrumentId, string raw, string value)
    {
        var instrument = Instruments.Get(instrumentId);

        var mapped = AnswerMapper.Create(instrument).Map(raw);

        Assert.Equal(value, instrument.Options[mapped.OptionIndex].Value);
    }
}
