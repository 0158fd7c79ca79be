using Konvooi.Domain.Conversations;

namespace Konvooi.Domain.Referrals;

/// <summary>
/// The fields a welfare professional may share when referring an existing person to a partner organisation of the
/// coalition. The sender ticks them one by one; the defaults are minimal (name and phone: enough to get in touch).
/// Professional secrecy (beroepsgeheim) and the person's consent "sharing with coalition partners by referral" are
/// the basis; the receiver builds its own record, records are never shared (RK-8, VT-7).
/// </summary>
public static class ReferralFields
{
    public const string Name = "name";
    public const string DateOfBirth = "date_of_birth";
    public const string Address = "address";
    public const string Wijk = "wijk";
    public const string Phone = "phone";
    public const string Language = "language";

    /// <summary>Every field that can be shared, in form order.</summary>
    public static IReadOnlyList<string> All { get; } = [Name, Phone, DateOfBirth, Address, Wijk, Language];

    /// <summary>Ticked when the form opens.</summary>
    public static IReadOnlyList<string> Defaults { get; } = [Name, Phone];
}

/// <summary>The sender's own record of the person, as far as a referral could carry it.</summary>
public sealed record ReferralPersonFacts(
    string Name,
    DateOnly DateOfBirth,
    string? Address,
    string? Postcode,
    string? WijkCode,
    string? Phone,
    string? PreferredLanguage);

/// <summary>What the sender filled in on the referral form.</summary>
public sealed record ReferralDraft
{
    public Guid? ToOrganisationId { get; init; }

    /// <summary>The ticked <see cref="ReferralFields"/>.</summary>
    public IReadOnlyCollection<string> Fields { get; init; } = [];

    /// <summary>What the sender asks of the receiver (e.g. "a buddy for walks on Tuesdays"), in plain words.</summary>
    public string? Request { get; init; }

    public SignalUrgency? Urgency { get; init; }

    /// <summary>How the person prefers to be approached; optional.</summary>
    public string? PreferredApproach { get; init; }
}

/// <summary>Exactly the values the sender chose to share; every other field is empty.</summary>
public sealed record SharedPersonData(
    string Name,
    DateOnly? DateOfBirth,
    string? Address,
    string? Postcode,
    string? WijkCode,
    string? Phone,
    string? PreferredLanguage,
    IReadOnlyList<string> Fields);

/// <summary>The rules of a referral between organisations of one coalition.</summary>
public static class ReferralRules
{
    public const int MaxRequestLength = 2000;

    /// <summary>
    /// Checks a referral and, when it may be sent, returns only the ticked values. Refused: no active consent for
    /// sharing by referral, a receiver outside the coalition or the sender's own organisation, no request, no
    /// urgency, an unknown field, the name not ticked (the receiver must know whom to contact), or no way to get in
    /// touch (neither a phone number nor an address among the shared values), or urgency "safety today" (that is acted
    /// on at once, not queued at another organisation).
    /// </summary>
    public static (IReadOnlyList<FieldProblem> Problems, SharedPersonData? Shared) Check(
        ReferralDraft draft, ReferralPersonFacts person, Guid ownOrganisationId, IReadOnlySet<Guid> partnerOrganisations, bool consentActive)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(partnerOrganisations);
        var problems = new List<FieldProblem>();
        if (!consentActive)
        {
            problems.Add(new FieldProblem("Consent", "Er is geen geldige toestemming om gegevens te delen bij een verwijzing. Leg die eerst vast bij Toestemming."));
        }

        if (draft.ToOrganisationId is not { } to || to == ownOrganisationId || !partnerOrganisations.Contains(to))
        {
            problems.Add(new FieldProblem(nameof(ReferralDraft.ToOrganisationId), "Kies een andere organisatie van uw coalitie."));
        }

        if (string.IsNullOrWhiteSpace(draft.Request))
        {
            problems.Add(new FieldProblem(nameof(ReferralDraft.Request), "Schrijf kort wat u van de andere organisatie vraagt."));
        }
        else if (draft.Request.Trim().Length > MaxRequestLength)
        {
            problems.Add(new FieldProblem(nameof(ReferralDraft.Request), $"Gebruik hoogstens {MaxRequestLength} tekens."));
        }

        if (draft.Urgency is null || !Enum.IsDefined(draft.Urgency.Value))
        {
            problems.Add(new FieldProblem(nameof(ReferralDraft.Urgency), "Kies hoe snel er contact moet zijn."));
        }
        else if (draft.Urgency == SignalUrgency.SafetyToday)
        {
            // A referral waits in another organisation's queue: a worry about safety today is acted on now, not queued.
            problems.Add(new FieldProblem(nameof(ReferralDraft.Urgency), "Maakt u zich vandaag zorgen over de veiligheid? Verwijs dan niet, maar bel zelf de huisarts, 113 (zelfmoordpreventie) of bij direct gevaar 112."));
        }

        var fields = draft.Fields.ToHashSet(StringComparer.Ordinal);
        if (fields.Any(f => !ReferralFields.All.Contains(f)))
        {
            problems.Add(new FieldProblem(nameof(ReferralDraft.Fields), "Er is een onbekend gegeven aangevinkt."));
        }
        else if (!fields.Contains(ReferralFields.Name))
        {
            problems.Add(new FieldProblem(nameof(ReferralDraft.Fields), "Deel in elk geval de naam: anders weet de andere organisatie niet wie zij moet benaderen."));
        }
        else
        {
            var reachable = (fields.Contains(ReferralFields.Phone) && !string.IsNullOrWhiteSpace(person.Phone))
                || (fields.Contains(ReferralFields.Address) && !string.IsNullOrWhiteSpace(person.Address));
            if (!reachable)
            {
                problems.Add(new FieldProblem(nameof(ReferralDraft.Fields), "Deel een telefoonnummer of een adres, anders kan de andere organisatie geen contact opnemen."));
            }
        }

        if (problems.Count > 0)
        {
            return (problems, null);
        }

        string? Take(string field, string? value) => fields.Contains(field) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var shared = new SharedPersonData(
            person.Name.Trim(),
            fields.Contains(ReferralFields.DateOfBirth) ? person.DateOfBirth : null,
            Take(ReferralFields.Address, person.Address),
            Take(ReferralFields.Address, person.Postcode),
            Take(ReferralFields.Wijk, person.WijkCode),
            Take(ReferralFields.Phone, person.Phone),
            Take(ReferralFields.Language, person.PreferredLanguage),
            ReferralFields.All.Where(fields.Contains).ToList());
        return ([], shared);
    }
}
