using Konvooi.Domain.Referrals;

namespace Konvooi.Domain.Tests.Referrals;

public sealed class RoutingTests
{
    private static readonly Guid Lead = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid North = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Centre = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    private static readonly RoutingRule[] Table =
    [
        new(North, WijkCode: "WK099901"),
        new(Centre, PostcodeFrom: 9990, PostcodeTo: 9995),
        new(North, PostcodeFrom: 9993, PostcodeTo: 9993),
    ];

    [Theory]
    [InlineData(9991, "WK099901", "c", RoutingBasis.Postcode)] // a postcode rule wins over a wijk rule
    [InlineData(9993, null, "b", RoutingBasis.Postcode)] // the narrowest range wins
    [InlineData(null, "wk099901", "b", RoutingBasis.Wijk)]
    [InlineData(1234, "WK000000", "a", RoutingBasis.LeadOrganisation)]
    [InlineData(null, null, "a", RoutingBasis.LeadOrganisation)]
    public void Route(int? postcode, string? wijk, string expectedOrganisation, RoutingBasis basis)
    {
        var decision = Routing.Route(Table, Lead, postcode, wijk);

        Assert.Equal(Guid.Parse("00000000-0000-0000-0000-00000000000" + expectedOrganisation), decision.OrganisationId);
        Assert.Equal(basis, decision.Basis);
    }

    [Fact]
    public void Validate_SoundTable_HasNoErrors()
    {
        Assert.Empty(Routing.Validate(Table, new HashSet<Guid> { Lead, North, Centre }, new HashSet<string> { "WK099901" }));
    }

    [Fact]
    public void Validate_ListsEveryProblem()
    {
        RoutingRule[] table =
        [
            new(Guid.NewGuid(), WijkCode: "WK099901"),
            new(North, WijkCode: "WK099901"),
            new(North, WijkCode: "WK123456"),
            new(North),
            new(Centre, PostcodeFrom: 999, PostcodeTo: 1005),
            new(Centre, PostcodeFrom: 2000, PostcodeTo: 2100),
            new(North, PostcodeFrom: 2050, PostcodeTo: 2200),
        ];

        var codes = Routing.Validate(table, new HashSet<Guid> { Lead, North, Centre }, new HashSet<string> { "WK099901" })
            .Select(e => e.Code).ToList();

        Assert.Equal(
            ["routing.unknown-organisation", "routing.unknown-wijk", "routing.wijk-or-postcode", "routing.bad-range", "routing.duplicate-wijk", "routing.overlapping-ranges"],
            codes);
    }

    [Fact]
    public void Validate_SameRangeTwice_IsAnOverlap()
    {
        RoutingRule[] table = [new(North, PostcodeFrom: 2000, PostcodeTo: 2100), new(Centre, PostcodeFrom: 2000, PostcodeTo: 2100)];

        Assert.Single(Routing.Validate(table, new HashSet<Guid> { North, Centre }, new HashSet<string>()));
    }

    [Theory]
    [InlineData("1234 ab", "1234 AB", 1234)]
    [InlineData("1234AB", "1234 AB", 1234)]
    [InlineData(" 9999 ", "9999", 9999)]
    [InlineData("0123 AB", null, null)]
    [InlineData("123 AB", null, null)]
    [InlineData("1234 A1", null, null)]
    [InlineData("", null, null)]
    public void Postcodes_NormaliseAndDigits(string text, string? normal, int? digits)
    {
        Assert.Equal(normal, Postcodes.Normalise(text));
        Assert.Equal(digits, Postcodes.Digits(text));
    }
}
