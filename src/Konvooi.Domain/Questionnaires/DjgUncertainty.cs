namespace Konvooi.Domain.Questionnaires;

/// <summary>
/// The level range of a De Jong Gierveld total with missing answers: the best case (every missing item
/// answered "not lonely", the total over the answered items) and the worst case (every missing item
/// "lonely"). Issue 16 finding 2: two "wil ik niet zeggen" answers may hide another level (docs/profile.md).
/// </summary>
/// <param name="InstrumentId"><c>djg11</c> or <c>djg6</c>.</param>
/// <param name="LowTotal">The total over the answered items.</param>
/// <param name="HighTotal">The total when every missing item had been a lonely answer.</param>
/// <param name="LowLevel">The level code of <paramref name="LowTotal"/>.</param>
/// <param name="HighLevel">The level code of <paramref name="HighTotal"/>.</param>
public sealed record DjgLevelRange(string InstrumentId, int LowTotal, int HighTotal, string LowLevel, string HighLevel)
{
    /// <summary>True when the missing answers could put the total in another level.</summary>
    public bool IsUncertain => !string.Equals(LowLevel, HighLevel, StringComparison.Ordinal);

    /// <summary>The level or range in Dutch, e.g. "tussen niet eenzaam en matig eenzaam".</summary>
    public string DutchText => IsUncertain
        ? $"tussen {DjgUncertainty.DutchLevel(InstrumentId, LowLevel)} en {DjgUncertainty.DutchLevel(InstrumentId, HighLevel)}"
        : DjgUncertainty.DutchLevel(InstrumentId, LowLevel);
}

/// <summary>Computes <see cref="DjgLevelRange"/> for a scored De Jong Gierveld measurement.</summary>
public static class DjgUncertainty
{
    /// <summary>
    /// The range of a DJG-11 or DJG-6 score; null for other instruments or when the total is void under
    /// the missing-data rule.
    /// </summary>
    public static DjgLevelRange? Of(InstrumentScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (score.InstrumentId is not ("djg11" or "djg6") || score.Total is not int total)
        {
            return null;
        }

        return Of(score.InstrumentId, total, score.MissingItems);
    }

    /// <summary>The range of a DJG total over the answered items with <paramref name="missingItems"/> unanswered.</summary>
    /// <exception cref="ArgumentException">Not a De Jong Gierveld instrument, or the total is out of range.</exception>
    public static DjgLevelRange Of(string instrumentId, int total, int missingItems)
    {
        var instrument = instrumentId is "djg11" or "djg6"
            ? Instruments.Get(instrumentId)
            : throw new ArgumentException($"{instrumentId} is not a De Jong Gierveld instrument.", nameof(instrumentId));
        var high = Math.Min(total + Math.Max(missingItems, 0), instrument.Items.Count);
        var low = instrument.LevelFor(total) ?? throw new ArgumentException($"Total {total} is out of range for {instrumentId}.", nameof(total));
        var highLevel = instrument.LevelFor(high)!;
        return new DjgLevelRange(instrumentId, total, high, low.Code, highLevel.Code);
    }

    internal static string DutchLevel(string instrumentId, string level) =>
        Instruments.Find(instrumentId)?.Levels.FirstOrDefault(l => l.Code == level)?.Labels.In(LocalizedText.Dutch)?.Text ?? level;
}
