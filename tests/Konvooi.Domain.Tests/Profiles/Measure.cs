using Konvooi.Domain.Questionnaires;
using Konvooi.Domain.Profiles;

namespace Konvooi.Domain.Tests.Profiles;

/// <summary>Measurements scored by the real instrument scorers, built from the wanted scores.</summary>
internal static class Measure
{
    public static ProfileMeasurement Djg(Instrument instrument, int emotional, int social, DateOnly on)
    {
        int e = 0, s = 0;
        var indexes = instrument.Items.Select(item =>
        {
            // Emotional items score for "ja", social items for "nee" (docs/instruments.md, scoring key).
            if (item.Subscale == DjgSubscales.Emotional)
            {
                return instrument.OptionIndex(e++ < emotional ? "ja" : "nee");
            }

            return instrument.OptionIndex(s++ < social ? "nee" : "ja");
        }).ToArray();
        var score = instrument.CreateScorer().Score(indexes);
        Assert.Equal(emotional, score["emotional"]);
        Assert.Equal(social, score["social"]);
        return ProfileMeasurement.Of(instrument, on, score);
    }

    public static ProfileMeasurement Djg11(int emotional, int social, DateOnly on) => Djg(Instruments.Djg11, emotional, social, on);

    public static ProfileMeasurement Djg6(int emotional, int social, DateOnly on) => Djg(Instruments.Djg6, emotional, social, on);

    /// <summary>GGD mastery: every item answered with <paramref name="option"/>; strongly_agree gives 15 (low), neutral 21.</summary>
    public static ProfileMeasurement MasteryGgd(string option, DateOnly on) => Same(Instruments.Mastery7Ggd, option, on);

    /// <summary>BRS: "low" answers every item in the unresilient direction (mean 1.50); "normal" is all neutral (3.00).</summary>
    public static ProfileMeasurement Brs(bool low, DateOnly on)
    {
        var instrument = Instruments.Brs;
        var indexes = instrument.Items
            .Select(item => instrument.OptionIndex(!low ? "neutral" : item.Number % 2 == 0 ? "agree" : "strongly_disagree"))
            .ToArray();
        return ProfileMeasurement.Of(instrument, on, instrument.CreateScorer().Score(indexes));
    }

    public static ProfileMeasurement Who5(string option, DateOnly on) => Same(Instruments.Who5, option, on);

    private static ProfileMeasurement Same(Instrument instrument, string option, DateOnly on)
    {
        var index = instrument.OptionIndex(option);
        Assert.True(index >= 0, option);
        var indexes = instrument.Items.Select(_ => index).ToArray();
        return ProfileMeasurement.Of(instrument, on, instrument.CreateScorer().Score(indexes));
    }
}
