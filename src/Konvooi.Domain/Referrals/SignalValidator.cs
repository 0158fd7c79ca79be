using System.Text.RegularExpressions;
using Konvooi.Domain.Conversations;

namespace Konvooi.Domain.Referrals;

/// <summary>Problems stop the signal; warnings stop it until the signaller confirms (advice requests only).</summary>
public sealed record SignalCheck(IReadOnlyList<FieldProblem> Problems, IReadOnlyList<FieldProblem> Warnings)
{
    public bool CanBeStored => Problems.Count == 0 && Warnings.Count == 0;
}

/// <summary>
/// The rules of the signal form, kept on the server. A signal needs who, where, what was noticed, the urgency and
/// the person's consent to be contacted; without that consent only an anonymous advice request is possible, and it
/// may carry no personal data (GDPR: a signaller outside welfare shares nothing without consent; RK-8).
/// Every problem is returned with the form field it belongs to and a B1 Dutch message.
/// </summary>
public static partial class SignalValidator
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 2000;
    public const int MaxShortTextLength = 300;
    public const int OldestAge = 120;

    /// <param name="draft">The form as entered.</param>
    /// <param name="today">The Dutch date (<c>DutchDate.Today</c>).</param>
    /// <param name="wijkCodes">The coalition's wijk codes; empty when the coalition has no wijk list yet.</param>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static SignalCheck Validate(SignalDraft draft, DateOnly today, IReadOnlySet<string> wijkCodes)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(wijkCodes);
        var problems = new List<FieldProblem>();
        var warnings = new List<FieldProblem>();

        CheckWijkAndSigns(draft, wijkCodes, problems);
        if (draft.Kind == SignalKind.AdviceRequest)
        {
            CheckAdviceRequest(draft, problems, warnings);
        }
        else
        {
            CheckSignal(draft, today, problems);
        }

        return new SignalCheck(problems, warnings);
    }

    /// <summary>Fields that identify a person; none of them may be filled in on an advice request.</summary>
    public static IReadOnlyList<string> PersonalFields(SignalDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var fields = new List<string>();
        AddIf(fields, nameof(SignalDraft.Name), !string.IsNullOrWhiteSpace(draft.Name));
        AddIf(fields, nameof(SignalDraft.DateOfBirth), draft.DateOfBirth is not null);
        AddIf(fields, nameof(SignalDraft.Age), draft.Age is not null);
        AddIf(fields, nameof(SignalDraft.Address), !string.IsNullOrWhiteSpace(draft.Address));
        AddIf(fields, nameof(SignalDraft.Postcode), !string.IsNullOrWhiteSpace(draft.Postcode));
        AddIf(fields, nameof(SignalDraft.Phone), !string.IsNullOrWhiteSpace(draft.Phone));
        AddIf(fields, nameof(SignalDraft.PreferredLanguage), !string.IsNullOrWhiteSpace(draft.PreferredLanguage));
        AddIf(fields, nameof(SignalDraft.PreferredApproach), !string.IsNullOrWhiteSpace(draft.PreferredApproach));
        return fields;

        static void AddIf(List<string> list, string field, bool filled)
        {
            if (filled)
            {
                list.Add(field);
            }
        }
    }

    /// <summary>Reasons why a free text seems to hold a name, an address or a number that points to a person.</summary>
    public static IReadOnlyList<string> PersonalDataHints(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var hints = new List<string>();
        if (LongNumber().IsMatch(text))
        {
            hints.Add("een lang nummer (telefoon, BSN of klantnummer)");
        }

        if (PostcodeInText().IsMatch(text))
        {
            hints.Add("een postcode");
        }

        if (DateInText().IsMatch(text))
        {
            hints.Add("een datum");
        }

        if (EmailInText().IsMatch(text))
        {
            hints.Add("een e-mailadres");
        }

        if (TitleAndName().IsMatch(text))
        {
            hints.Add("een naam (na meneer, mevrouw of een aanspreekvorm)");
        }

        if (StreetAndNumber().IsMatch(text))
        {
            hints.Add("een adres");
        }

        return hints;
    }

    private static void CheckSignal(SignalDraft draft, DateOnly today, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            problems.Add(new(nameof(SignalDraft.Name), "Vul de naam van de persoon in."));
        }
        else if (draft.Name.Trim().Length > MaxNameLength)
        {
            problems.Add(new(nameof(SignalDraft.Name), $"Gebruik voor de naam hoogstens {MaxNameLength} tekens."));
        }

        if (draft.DateOfBirth is null && draft.Age is null)
        {
            problems.Add(new(nameof(SignalDraft.DateOfBirth), "Vul de geboortedatum of de leeftijd in. Een schatting van de leeftijd is goed."));
        }

        if (draft.DateOfBirth is { } born && (born > today || born < today.AddYears(-OldestAge)))
        {
            problems.Add(new(nameof(SignalDraft.DateOfBirth), "Deze geboortedatum kan niet kloppen. Controleer de datum."));
        }

        if (draft.Age is { } age && (age < 0 || age > OldestAge))
        {
            problems.Add(new(nameof(SignalDraft.Age), $"Vul een leeftijd in van 0 tot en met {OldestAge} jaar."));
        }

        if (string.IsNullOrWhiteSpace(draft.Address) && string.IsNullOrWhiteSpace(draft.Postcode) && string.IsNullOrWhiteSpace(draft.WijkCode))
        {
            problems.Add(new(nameof(SignalDraft.Address), "Vul het adres, de postcode of de wijk in, zodat de melding bij de goede organisatie komt."));
        }

        if (!string.IsNullOrWhiteSpace(draft.Postcode) && Postcodes.Normalise(draft.Postcode) is null)
        {
            problems.Add(new(nameof(SignalDraft.Postcode), "Vul een Nederlandse postcode in, zoals 1234 AB."));
        }

        if (!string.IsNullOrWhiteSpace(draft.Address) && draft.Address.Trim().Length > MaxShortTextLength)
        {
            problems.Add(new(nameof(SignalDraft.Address), $"Gebruik voor het adres hoogstens {MaxShortTextLength} tekens."));
        }

        if (!string.IsNullOrWhiteSpace(draft.Phone) && !IsPhone(draft.Phone))
        {
            problems.Add(new(nameof(SignalDraft.Phone), "Vul een telefoonnummer in met 10 tot 15 cijfers, zoals 06 12345678."));
        }

        if (!string.IsNullOrWhiteSpace(draft.PreferredLanguage) && draft.PreferredLanguage.Trim().Length > 50)
        {
            problems.Add(new(nameof(SignalDraft.PreferredLanguage), "Gebruik voor de taal hoogstens 50 tekens."));
        }

        if (draft.Signs.Count == 0 && string.IsNullOrWhiteSpace(draft.Observation))
        {
            problems.Add(new(nameof(SignalDraft.Signs), "Kruis aan wat u opviel, of schrijf het op."));
        }

        CheckLength(draft.Observation, nameof(SignalDraft.Observation), MaxTextLength, problems);
        CheckLength(draft.PreferredApproach, nameof(SignalDraft.PreferredApproach), MaxShortTextLength, problems);

        if (draft.Urgency is null)
        {
            problems.Add(new(nameof(SignalDraft.Urgency), "Kies hoe snel er contact moet komen."));
        }

        switch (draft.ConsentToContact)
        {
            case null:
                problems.Add(new(nameof(SignalDraft.ConsentToContact), "Geef aan of de persoon het goed vindt dat er contact met hem of haar wordt opgenomen."));
                break;
            case false:
                problems.Add(new(nameof(SignalDraft.ConsentToContact),
                    "Zonder toestemming van de persoon kunt u geen gegevens doorgeven. U kunt wel anoniem advies vragen, zonder naam of andere gegevens."));
                break;
        }

        if (draft.ConsentToContact == true)
        {
            if (draft.ConsentGivenOn is not { } given)
            {
                problems.Add(new(nameof(SignalDraft.ConsentGivenOn), "Vul in op welke datum de persoon toestemming gaf."));
            }
            else if (given > today)
            {
                problems.Add(new(nameof(SignalDraft.ConsentGivenOn), "De datum van de toestemming ligt in de toekomst. Vul de dag in waarop de persoon ja zei."));
            }
            else if (given < today.AddYears(-1))
            {
                problems.Add(new(nameof(SignalDraft.ConsentGivenOn), "Deze toestemming is ouder dan een jaar. Vraag de persoon opnieuw."));
            }
        }
    }

    private static void CheckAdviceRequest(SignalDraft draft, List<FieldProblem> problems, List<FieldProblem> warnings)
    {
        foreach (var field in PersonalFields(draft))
        {
            problems.Add(new(field, "Laat dit veld leeg. Een anonieme adviesvraag gaat zonder gegevens over de persoon."));
        }

        if (draft.MayHearBack)
        {
            problems.Add(new(nameof(SignalDraft.MayHearBack), "Bij een anonieme adviesvraag is er geen persoon om over terug te koppelen. Haal het vinkje weg."));
        }

        if (string.IsNullOrWhiteSpace(draft.Observation))
        {
            problems.Add(new(nameof(SignalDraft.Observation), "Schrijf uw vraag op."));
        }

        CheckLength(draft.Observation, nameof(SignalDraft.Observation), MaxTextLength, problems);
        var hints = PersonalDataHints(draft.Observation);
        if (hints.Count > 0 && !draft.NoPersonalDataConfirmed)
        {
            warnings.Add(new(nameof(SignalDraft.Observation),
                $"Uw vraag lijkt iets te bevatten waaraan iemand te herkennen is: {string.Join(", ", hints)}. Haal dat weg, of bevestig dat het niet over een persoon gaat."));
        }
    }

    private static void CheckWijkAndSigns(SignalDraft draft, IReadOnlySet<string> wijkCodes, List<FieldProblem> problems)
    {
        if (!string.IsNullOrWhiteSpace(draft.WijkCode) && wijkCodes.Count > 0 && !wijkCodes.Contains(draft.WijkCode.Trim()))
        {
            problems.Add(new(nameof(SignalDraft.WijkCode), "Kies een wijk uit de lijst."));
        }

        var known = SignalVocabulary.Signs.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        if (draft.Signs.Any(code => !known.Contains(code)))
        {
            problems.Add(new(nameof(SignalDraft.Signs), "Kies alleen uit de signalen in de lijst."));
        }
    }

    private static void CheckLength(string? text, string field, int max, List<FieldProblem> problems)
    {
        if (!string.IsNullOrWhiteSpace(text) && text.Trim().Length > max)
        {
            problems.Add(new(field, $"Gebruik hier hoogstens {max} tekens."));
        }
    }

    private static bool IsPhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 10 and <= 15 && phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')');
    }

    [GeneratedRegex(@"\d[\d\s\-]{5,}\d")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"\b[1-9]\d{3}\s?[A-Za-z]{2}\b")]
    private static partial Regex PostcodeInText();

    [GeneratedRegex(@"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b")]
    private static partial Regex DateInText();

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailInText();

    [GeneratedRegex(@"\b(?:[Mm]evrouw|[Mm]eneer|[Mm]evr\.?|[Mm]w\.?|[Dd]hr\.?|[Dd]e heer|[Ff]amilie|[Ff]am\.)\s+(?:(?:van|de|der|den|ter|ten|het|in|'t)\s+)*\p{Lu}")]
    private static partial Regex TitleAndName();

    [GeneratedRegex(@"\p{Lu}\p{Ll}+(?:straat|laan|weg|plein|singel|kade|gracht|dijk|hof|pad|dreef|steeg|park|ring)\s+\d+", RegexOptions.IgnoreCase)]
    private static partial Regex StreetAndNumber();
}
