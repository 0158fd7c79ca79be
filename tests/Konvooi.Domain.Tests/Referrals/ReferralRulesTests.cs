using Konvooi.Domain.Referrals;

namespace Konvooi.Domain.Tests.Referrals;

public sealed class ReferralRulesTests
{
    private static readonly Guid Welzijn = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Buddy = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Elsewhere = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly HashSet<Guid> Partners = [Buddy];

    private static readonly ReferralPersonFacts Anna = new("Anna Jansen", new DateOnly(1941, 5, 2), "Lindelaan 4", "9999 AB", "WK999901", "06-00000001", "Nederlands");

    private static ReferralDraft Draft(params string[] fields) => new()
    {
        ToOrganisationId = Buddy,
        Fields = fields,
        Request = "Zoekt een maatje om mee te wandelen.",
        Urgency = SignalUrgency.Routine,
    };

    [Fact]
    public void Defaults_AreNameAndPhoneOnly()
    {
        Assert.Equal([ReferralFields.Name, ReferralFields.Phone], ReferralFields.Defaults);
    }

    [Fact]
    public void DefaultFields_ShareNameAndPhone_AndNothingElse()
    {
        var (problems, shared) = ReferralRules.Check(Draft([.. ReferralFields.Defaults]), Anna, Welzijn, Partners, consentActive: true);

        Assert.Empty(problems);
        Assert.Equal(("Anna Jansen", (DateOnly?)null, (string?)null, (string?)null, (string?)null, "06-00000001", (string?)null),
            (shared!.Name, shared.DateOfBirth, shared.Address, shared.Postcode, shared.WijkCode, shared.Phone, shared.PreferredLanguage));
        Assert.Equal([ReferralFields.Name, ReferralFields.Phone], shared.Fields);
    }

    [Fact]
    public void EveryField_SharesEveryValue_InFormOrder()
    {
        var (problems, shared) = ReferralRules.Check(Draft(ReferralFields.Language, ReferralFields.Wijk, ReferralFields.Address, ReferralFields.DateOfBirth, ReferralFields.Phone, ReferralFields.Name), Anna, Welzijn, Partners, consentActive: true);

        Assert.Empty(problems);
        Assert.Equal(new DateOnly(1941, 5, 2), shared!.DateOfBirth);
        Assert.Equal(("Lindelaan 4", "9999 AB", "WK999901", "Nederlands"), (shared.Address, shared.Postcode, shared.WijkCode, shared.PreferredLanguage));
        Assert.Equal(ReferralFields.All, shared.Fields);
    }

    [Fact]
    public void WithoutConsent_IsRefused()
    {
        var (problems, shared) = ReferralRules.Check(Draft([.. ReferralFields.Defaults]), Anna, Welzijn, Partners, consentActive: false);

        Assert.Null(shared);
        Assert.Equal("Consent", Assert.Single(problems).Field);
    }

    [Theory]
    [InlineData("own")]
    [InlineData("outside")]
    [InlineData("none")]
    public void Receiver_MustBeAnotherOrganisationOfTheCoalition(string which)
    {
        Guid? to = which switch { "own" => Welzijn, "outside" => Elsewhere, _ => null };

        var (problems, _) = ReferralRules.Check(Draft([.. ReferralFields.Defaults]) with { ToOrganisationId = to }, Anna, Welzijn, Partners, consentActive: true);

        Assert.Equal(nameof(ReferralDraft.ToOrganisationId), Assert.Single(problems).Field);
    }

    [Fact]
    public void NameNotTicked_IsRefused()
    {
        var (problems, _) = ReferralRules.Check(Draft(ReferralFields.Phone), Anna, Welzijn, Partners, consentActive: true);

        Assert.Contains("naam", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoWayToGetInTouch_IsRefused()
    {
        var withoutPhone = Anna with { Phone = null };

        var (problems, _) = ReferralRules.Check(Draft([.. ReferralFields.Defaults]), withoutPhone, Welzijn, Partners, consentActive: true);
        var (withAddress, shared) = ReferralRules.Check(Draft(ReferralFields.Name, ReferralFields.Phone, ReferralFields.Address), withoutPhone, Welzijn, Partners, consentActive: true);

        Assert.Contains("telefoonnummer of een adres", Assert.Single(problems).Message, StringComparison.Ordinal);
        Assert.Empty(withAddress);
        Assert.Null(shared!.Phone);
    }

    [Fact]
    public void MissingRequestAndUrgency_AndUnknownField_AreAllListed()
    {
        var draft = Draft(ReferralFields.Name, "bsn") with { Request = "  ", Urgency = null };

        var (problems, _) = ReferralRules.Check(draft, Anna, Welzijn, Partners, consentActive: true);

        Assert.Equal([nameof(ReferralDraft.Request), nameof(ReferralDraft.Urgency), nameof(ReferralDraft.Fields)], problems.Select(p => p.Field));
    }

    [Fact]
    public void SafetyToday_IsNotQueuedAsAReferral()
    {
        var (problems, _) = ReferralRules.Check(Draft([.. ReferralFields.Defaults]) with { Urgency = SignalUrgency.SafetyToday }, Anna, Welzijn, Partners, consentActive: true);

        Assert.Contains("112", Assert.Single(problems).Message, StringComparison.Ordinal);
    }
}
