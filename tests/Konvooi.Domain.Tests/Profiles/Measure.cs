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

    /// <summary>DJG-11 with "wil ik niet zeggen" (missing) answers: the first items lonely, then the missing ones, the rest not lonely.</summary>
    public static ProfileMeasurement Djg11Missing(int emotional, int social, int missingEmotional, int missingSocial, DateOnly on)
    {
        var instrument = Instruments.Djg11;
        int e = 0, s = 0;
        var indexes = instrument.Items.Select(item =>
        {
            if (item.Subscale == DjgSubscales.Emotional)
            {
                var n = e++;
                return n < emotional ? instrument.OptionIndex("ja") : n < emotional + missingEmotional ? AnswerCodes.Missing : instrument.OptionIndex("nee");
            }

            var m = s++;
            return m < social ? instrument.OptionIndex("nee") : m < social + missingSocial ? AnswerCodes.Missing : instrument.OptionIndex("ja");
        }).ToArray();
        return ProfileMeasurement.Of(instrument, on, instrument.CreateScorer().Score(indexes));
    }

    /// <summary>WHO-5 with the given raw total: item scores filled from the first item (each 0–5).</summary>
    public static ProfileMeasurement Who5Raw(int raw, DateOnly on)
    {
        var instrument = Instruments.Who5;
        string[] byScore = ["at_no_time", "some_of_the_time", "less_than_half", "more_than_half", "most_of_the_time", "all_of_the_time"];
        var left = raw;
        var indexes = instrument.Items.Select(_ =>
        {
            var points = Math.Min(left, 5);
            left -= points;
            return instrument.OptionIndex(byScore[points]);
        }).ToArray();
        var measurement = ProfileMeasurement.Of(instrument, on, instrument.CreateScorer().Score(indexes));
        Assert.Equal(raw, measurement.Score.Total);
        return measurement;
    }

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
