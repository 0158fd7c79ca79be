namespace Konvooi.Domain.Reach;

/// <summary>
/// How a person counts in a wijk (docs/reach.md, "Which wijk"): the free-text wijk on the person's record is matched,
/// ignoring case and extra spaces, to a code or a name on the coalition's wijk list. The routing table maps postcodes to
/// organisations, not to wijken, so there is no postcode to wijk mapping to use; a person whose wijk matches nothing
/// counts under <see cref="Unknown"/>.
/// </summary>
public static class WijkAssignment
{
    /// <summary>The group of people without a known wijk ("Onbekend").</summary>
    public const string Unknown = "Onbekend";

    /// <summary>A lookup from the wijk list: code and name (normalised) to the wijk code.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="wijken"/> is null.</exception>
    public static IReadOnlyDictionary<string, string> Lookup(IEnumerable<(string Code, string Name)> wijken)
    {
        ArgumentNullException.ThrowIfNull(wijken);
        var lookup = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in wijken)
        {
            lookup[Normalise(code)] = code;
        }

        foreach (var (code, name) in wijken)
        {
            // A name that is some other wijk's code never overrides the code.
            lookup.TryAdd(Normalise(name), code);
        }

        return lookup;
    }

    /// <summary>The wijk code for the text on a person's record, or <see cref="Unknown"/>.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="lookup"/> is null.</exception>
    public static string CodeFor(string? personWijk, IReadOnlyDictionary<string, string> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return string.IsNullOrWhiteSpace(personWijk) ? Unknown
            : lookup.TryGetValue(Normalise(personWijk), out var code) ? code
            : Unknown;
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
