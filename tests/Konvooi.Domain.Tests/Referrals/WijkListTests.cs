using System.Text;
using Konvooi.Domain.Access;
using Konvooi.Domain.Referrals;

namespace Konvooi.Domain.Tests.Referrals;

public sealed class WijkListTests
{
    [Theory]
    [InlineData("code;naam\nWK036301;Centrum\nWK036302;Oost\n")]
    [InlineData("Wijkcode,Wijknaam\r\nwk036301,Centrum\r\n\r\nWK036302,Oost")]
    [InlineData("\"code\";\"name\";\"extra\"\n\"WK036301\";\"Centrum\";1\nWK036302;Oost;2")]
    public void Parse_HeaderAndEitherDelimiter_ReadsTheWijken(string text)
    {
        var (wijken, problems) = WijkList.Parse(text);
        Assert.Empty(problems);
        Assert.Equal([new WijkEntry("WK036301", "Centrum"), new WijkEntry("WK036302", "Oost")], wijken);
    }

    [Fact]
    public void Parse_Utf8WithByteOrderMarkAndQuotedDelimiter_ReadsIt()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("code,naam\nWK036301,\"Zuid, oud\"\nWK036302,Één\n")).ToArray();
        var (wijken, problems) = WijkList.Parse(bytes);
        Assert.Empty(problems);
        Assert.Equal(["Zuid, oud", "Één"], wijken.Select(w => w.Name).ToArray());
    }

    [Fact]
    public void Parse_EveryBadRow_IsListedWithLineAndColumn_AndNothingIsReturned()
    {
        var (wijken, problems) = WijkList.Parse("code;naam\nWK036301;Centrum\nGM0363;Gemeente\n;Leeg\nWK036303;\nWK036301;Weer\n\"WK036304;Open\n");
        Assert.Empty(wijken);
        Assert.Equal(
            [(3, "code"), (4, "code"), (5, "naam"), (6, "code"), (7, (string?)null)],
            problems.Select(p => (p.Line ?? 0, p.Column)).ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("code;naam\n")]
    [InlineData("wijk;omschrijving\nWK036301;Centrum")]
    public void Parse_EmptyOrWithoutTheColumns_IsAProblem(string text) => Assert.NotEmpty(WijkList.Parse(text).Problems);

    [Fact]
    public void Parse_NotUtf8_IsAProblem() => Assert.Single(WijkList.Parse([0x63, 0x6F, 0xFF, 0xFE, 0x0A]).Problems);

    [Theory]
    [InlineData(Role.Administrator, true, false, true)]
    [InlineData(Role.Administrator, false, true, true)]
    [InlineData(Role.Administrator, false, false, false)]
    [InlineData(Role.Coordinator, true, true, false)]
    public void CoalitionLead_MayChoose_AdministratorOfLeadOrMunicipality(Role role, bool isLead, bool isMunicipality, bool expected) =>
        Assert.Equal(expected, CoalitionLead.MayChoose(role, isLead, isMunicipality));

    [Theory]
    [InlineData(Role.Coordinator, true, true)]
    [InlineData(Role.Coordinator, false, false)]
    [InlineData(Role.Administrator, true, false)]
    [InlineData(Role.Professional, true, false)]
    public void CoalitionLead_MayMaintainRouting_CoordinatorsOfTheLeadOnly(Role role, bool isLead, bool expected) =>
        Assert.Equal(expected, CoalitionLead.MayMaintainRouting(role, isLead));
}
