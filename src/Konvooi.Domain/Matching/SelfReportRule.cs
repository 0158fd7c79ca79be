namespace Konvooi.Domain.Matching;

/// <summary>
/// When the person's own view disagrees with the DJG level (issue 16; VT-1, AM-1: a score is an indication,
/// not a diagnosis). The table is in docs/profile.md, "The person's own view".
/// </summary>
public static class SelfReportRule
{
    /// <summary>
    /// True when the ONS direct answer or "recognises the result" disagrees with <paramref name="severity"/>:
    /// not recognising the result disagrees with every level; <c>not_lonely</c> disagrees with
    /// <c>often_always</c> and <c>some_of_the_time</c>; <c>moderately_lonely</c> with <c>never</c>;
    /// <c>severely_lonely</c> and <c>very_severely_lonely</c> with <c>hardly_ever</c> and <c>never</c>.
    /// <c>occasionally</c> agrees with every level. Own choice, after the ONS answer categories.
    /// </summary>
    public static bool Differs(string severity, string? selfReport, bool? recognises)
    {
        ArgumentNullException.ThrowIfNull(severity);
        if (recognises == false)
        {
            return true;
        }

        return (severity, selfReport) switch
        {
            (_, null) => false,
            ("not_lonely", "often_always" or "some_of_the_time") => true,
            ("moderately_lonely", "never") => true,
            ("severely_lonely" or "very_severely_lonely", "hardly_ever" or "never") => true,
            _ => false,
        };
    }
}
