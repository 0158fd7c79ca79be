using System.Text.Json;
using Konvooi.Domain.Profiles;
using Konvooi.Domain.Questionnaires;
using Konvooi.Features.Data;

namespace Konvooi.Features.Measurements;

/// <summary>
/// What the measurement pages show beside a De Jong Gierveld total (issue #16): the level range when missing answers
/// could put it in another level ("tussen niet eenzaam en matig eenzaam"), and whether it is older than the profile's
/// staleness limit.
/// </summary>
public static class MeasurementUncertainty
{
    /// <summary>The level range of a stored DJG measurement, re-scored from its answers; null for other instruments or a void total.</summary>
    public static DjgLevelRange? RangeOf(Measurement measurement)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        if (measurement.InstrumentId is not ("djg11" or "djg6") || Instruments.Find(measurement.InstrumentId) is not { } instrument)
        {
            return null;
        }

        var answers = JsonSerializer.Deserialize<Dictionary<string, string?>>(measurement.AnswersJson) ?? [];
        return DjgUncertainty.Of(instrument.Score(answers));
    }

    /// <summary>Older than <see cref="ProfileRules.StaleAfterMonths"/> on <paramref name="today"/>: the profile does not rely on it alone.</summary>
    public static bool IsStale(DateOnly administeredOn, DateOnly today) =>
        administeredOn.AddMonths(ProfileRules.Default.StaleAfterMonths) < today;
}
