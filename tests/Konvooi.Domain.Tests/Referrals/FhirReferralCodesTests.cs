using Konvooi.Domain.Referrals;

namespace Konvooi.Domain.Tests.Referrals;

public sealed class FhirReferralCodesTests
{
    [Fact]
    public void Priority_RoundTripsEveryUrgency()
    {
        foreach (var urgency in Enum.GetValues<SignalUrgency>())
        {
            Assert.Equal(urgency, FhirReferralCodes.Urgency(FhirReferralCodes.Priority(urgency)));
        }
    }

    [Theory]
    [InlineData("routine", SignalUrgency.Routine)]
    [InlineData("urgent", SignalUrgency.Soon)]
    [InlineData("asap", SignalUrgency.SafetyToday)]
    [InlineData("stat", SignalUrgency.SafetyToday)]
    [InlineData("Routine", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Urgency_OfPriority(string? priority, SignalUrgency? expected) =>
        Assert.Equal(expected, FhirReferralCodes.Urgency(priority));

    [Fact]
    public void Kind_RoundTripsAndRefusesUnknownCodes()
    {
        foreach (var kind in Enum.GetValues<SignalKind>())
        {
            Assert.Equal(kind, FhirReferralCodes.Kind(FhirReferralCodes.KindCode(kind)));
        }

        Assert.Null(FhirReferralCodes.Kind("referral"));
    }

    [Theory]
    [InlineData("requested", FhirImportDecision.Import)]
    [InlineData("received", FhirImportDecision.Import)]
    [InlineData("accepted", FhirImportDecision.Skip)]
    [InlineData("completed", FhirImportDecision.Skip)]
    [InlineData("entered-in-error", FhirImportDecision.Skip)]
    [InlineData("open", FhirImportDecision.Unknown)]
    [InlineData(null, FhirImportDecision.Unknown)]
    public void ImportDecision_OfTaskStatus(string? status, FhirImportDecision expected) =>
        Assert.Equal(expected, FhirReferralCodes.ImportDecision(status));

    [Fact]
    public void TaskStatus_EveryMappedStatusIsKnown_AndOnlyTheWaitingStateIsImportable()
    {
        Assert.All(FhirTaskStatus.Table, row => Assert.Contains(row.Status, FhirTaskStatus.Known));
        Assert.Equal(["requested"], FhirTaskStatus.Table.Where(r => FhirReferralCodes.ImportDecision(r.Status) == FhirImportDecision.Import).Select(r => r.Status));
    }

    [Fact]
    public void DocsReferralMd_StatusTableEqualsTheCode()
    {
        var doc = File.ReadAllLines(TestData.Repository("docs", "referral.md"));
        var rows = doc.SkipWhile(l => !l.StartsWith("| Intake state |", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (State: cells[1], Status: cells[4]))
            .ToList();

        var expected = FhirTaskStatus.Table.Select(r =>
            (State: r.Reason is { } reason ? $"`{r.State}` `{SignalVocabulary.Code(reason)}`" : $"`{r.State}`", Status: $"`{r.Status}`"));

        Assert.Equal(expected.OrderBy(r => r.State, StringComparer.Ordinal), rows.OrderBy(r => r.State, StringComparer.Ordinal));
    }
}
