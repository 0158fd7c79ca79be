using Konvooi.Domain.Questionnaires.Definitions;

namespace Konvooi.Domain.Questionnaires;

/// <summary>The registry of instruments Konvooi can administer and score.</summary>
public static class Instruments
{
    public static Instrument Djg11 => DeJongGierveld.Djg11;

    public static Instrument Djg6 => DeJongGierveld.Djg6;

    public static Instrument Ucla3 => Loneliness.Ucla3;

    public static Instrument OnsDirect => Loneliness.OnsDirect;

    public static Instrument Who5 => Wellbeing.Who5;

    public static Instrument Mastery7 => Wellbeing.Mastery7;

    public static Instrument Mastery7Ggd => Wellbeing.Mastery7Ggd;

    public static Instrument Brs => Wellbeing.Brs;

    /// <summary>Every instrument, in a stable order.</summary>
    public static IReadOnlyList<Instrument> All { get; } = [Djg11, Djg6, Ucla3, OnsDirect, Who5, Mastery7, Mastery7Ggd, Brs];

    /// <summary>The instrument with <paramref name="id"/> (exact, lower case), or null.</summary>
    public static Instrument? Find(string id)
    {
        foreach (var instrument in All)
        {
            if (string.Equals(instrument.Id, id, StringComparison.Ordinal))
            {
                return instrument;
            }
        }

        return null;
    }

    /// <summary>The instrument with <paramref name="id"/>.</summary>
    /// <exception cref="KeyNotFoundException">No instrument has that id.</exception>
    public static Instrument Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"Unknown instrument '{id}'.");
}
