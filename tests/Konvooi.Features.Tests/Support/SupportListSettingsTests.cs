using Konvooi.Features.Support;
using Microsoft.Extensions.Configuration;

namespace Konvooi.Features.Tests.Support;

public sealed class SupportListSettingsTests
{
    private static SupportListSettings From(params (string Key, string Value)[] pairs) =>
        SupportListSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(pairs.Select(p => KeyValuePair.Create("Konvooi:Support:" + p.Key, (string?)p.Value)))
            .Build());

    [Fact]
    public void FromConfiguration_Nothing_KeepsTheIssueDefaults()
    {
        var settings = From();

        Assert.Equal([3, 6], settings.WorkList.RemeasurementMonths); // docs/support-plan.md: 3 and 6 months after the start
        Assert.Equal(14, settings.WorkList.ReminderDays);
        Assert.Equal(6, settings.WorkList.LongWaitWeeks);
        Assert.Equal(10, settings.Outcomes.MinN); // docs/support-plan.md: minimum n 10
    }

    [Fact]
    public void FromConfiguration_CommaListAndArray_BothReadTheMonths()
    {
        Assert.Equal([2, 4, 12], From(("RemeasurementMonths", "2, 4,12")).WorkList.RemeasurementMonths);
        Assert.Equal([1, 9], From(("RemeasurementMonths:0", "1"), ("RemeasurementMonths:1", "9")).WorkList.RemeasurementMonths);
    }

    [Fact]
    public void FromConfiguration_OtherValues_AreRead()
    {
        var settings = From(("ReminderDays", "7"), ("LongWaitWeeks", "8"), ("OutcomesMinN", "5"));

        Assert.Equal(7, settings.WorkList.ReminderDays);
        Assert.Equal(8, settings.WorkList.LongWaitWeeks);
        Assert.Equal(5, settings.Outcomes.MinN);
    }

    [Theory]
    [InlineData("RemeasurementMonths", "6,3", "RemeasurementMonths")]  // not increasing
    [InlineData("RemeasurementMonths", "0", "RemeasurementMonths")]    // below 1
    [InlineData("RemeasurementMonths", "drie", "RemeasurementMonths")]
    [InlineData("ReminderDays", "-1", "ReminderDays")]
    [InlineData("LongWaitWeeks", "0", "LongWaitWeeks")]
    [InlineData("OutcomesMinN", "1.5", "OutcomesMinN")]
    public void FromConfiguration_WrongValue_StopsWithTheKeyInTheMessage(string key, string value, string expectedKey)
    {
        var error = Assert.Throws<InvalidOperationException>(() => From((key, value)));

        Assert.Contains("Konvooi:Support:" + expectedKey, error.Message, StringComparison.Ordinal);
        Assert.Contains($"(got '{value}')", error.Message, StringComparison.Ordinal);
    }

    private static SupportListSettings FromOutcomes(params (string Key, string Value)[] pairs) =>
        SupportListSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(pairs.Select(p => KeyValuePair.Create("Konvooi:Outcomes:" + p.Key, (string?)p.Value)))
            .Build());

    [Fact]
    public void FromConfiguration_OutcomeWindows_DefaultAndRead()
    {
        var defaults = From().Evaluation;
        Assert.Equal(90, defaults.BaselineWindowDays); // docs/support-plan.md: baseline at most 90 days before the start
        Assert.Equal(3, defaults.FollowUpFromMonths);
        Assert.Equal(12, defaults.FollowUpToMonths);
        Assert.Equal(6, defaults.FollowUpTargetMonths);
        Assert.Equal(90, From().Outcomes.BaselineWindowDays);

        var settings = FromOutcomes(("BaselineWindowDays", "30"), ("FollowUpFromMonths", "2"), ("FollowUpToMonths", "9"), ("FollowUpTargetMonths", "4"));
        Assert.Equal(30, settings.Evaluation.BaselineWindowDays);
        Assert.Equal(30, settings.Outcomes.BaselineWindowDays); // the table's pairs use the same baseline window
        Assert.Equal(2, settings.Evaluation.FollowUpFromMonths);
        Assert.Equal(9, settings.Evaluation.FollowUpToMonths);
        Assert.Equal(4, settings.Evaluation.FollowUpTargetMonths);
        Assert.Equal(5, From(("OutcomesMinN", "5")).Evaluation.MinN);
    }

    [Theory]
    [InlineData("BaselineWindowDays", "-1")]
    [InlineData("FollowUpToMonths", "2")]      // before the default start of 3 months
    [InlineData("FollowUpTargetMonths", "13")] // after the end of the window
    public void FromConfiguration_WrongOutcomeWindow_StopsWithTheKeyInTheMessage(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => FromOutcomes((key, value)));

        Assert.Contains("Konvooi:Outcomes:" + key, error.Message, StringComparison.Ordinal);
    }
}
