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
}
