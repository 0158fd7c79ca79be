namespace Konvooi.Domain.Referrals;

/// <summary>A signal with personal data (the person agreed to be contacted), or an anonymous advice request without.</summary>
public enum SignalKind
{
    Signal,
    AdviceRequest,
}

/// <summary>
/// What a signaller entered on the signal form, as entered. <see cref="SignalValidator"/> decides whether it may be
/// stored; an advice request carries no personal data, which the server enforces (not only the form).
/// </summary>
public sealed record SignalDraft
{
    public SignalKind Kind { get; init; } = SignalKind.Signal;

    // Who
    public string? Name { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public int? Age { get; init; }

    /// <summary>Street and house number.</summary>
    public string? Address { get; init; }

    public string? Postcode { get; init; }

    /// <summary>CBS wijk code from the coalition's wijk list (not personal data on its own).</summary>
    public string? WijkCode { get; init; }

    public string? Phone { get; init; }

    public string? PreferredLanguage { get; init; }

    // What the signaller noticed
    public IReadOnlyList<string> Signs { get; init; } = [];

    /// <summary>Free text: what the signaller noticed (signal) or the question (advice request).</summary>
    public string? Observation { get; init; }

    public SignalUrgency? Urgency { get; init; }

    // Consent
    /// <summary>Whether the person agreed to be contacted by the receiving organisation; null when not answered.</summary>
    public bool? ConsentToContact { get; init; }

    public DateOnly? ConsentGivenOn { get; init; }

    /// <summary>How the person prefers to be approached (e.g. "bellen na 10 uur", "via de dochter").</summary>
    public string? PreferredApproach { get; init; }

    /// <summary>Whether the person agreed that the signaller hears back about the outcome.</summary>
    public bool MayHearBack { get; init; }

    /// <summary>The signaller confirmed that the advice request's text holds no name or number, after a warning.</summary>
    public bool NoPersonalDataConfirmed { get; init; }
}
