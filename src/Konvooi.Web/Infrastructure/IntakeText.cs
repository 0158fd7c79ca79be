using Konvooi.Domain.Referrals;

namespace Konvooi.Web.Infrastructure;

/// <summary>Dutch texts of the intake pages.</summary>
public static class IntakeText
{
    public static string State(IntakeState state) => state switch
    {
        IntakeState.Received => "Wacht op reactie",
        IntakeState.Accepted => "Aangenomen",
        IntakeState.ContactMade => "Contact gemaakt",
        IntakeState.PlanAgreed => "Afspraken gemaakt",
        IntakeState.Closed => "Afgesloten",
        _ => state.ToString(),
    };

    public static string Event(string kind) => kind switch
    {
        "received" => "Ontvangen",
        "referred" => "Verwezen",
        "accepted" => "Aangenomen",
        "assigned" => "Medewerker toegewezen",
        "forwarded" => "Doorgestuurd",
        "first-contact" => "Eerste contact",
        "plan-agreed" => "Afspraken gemaakt",
        "closed" => "Afgesloten",
        _ => kind,
    };

    /// <summary>The label of a field a referral can share.</summary>
    public static string ReferralField(string code) => code switch
    {
        ReferralFields.Name => "Naam",
        ReferralFields.Phone => "Telefoonnummer",
        ReferralFields.DateOfBirth => "Geboortedatum",
        ReferralFields.Address => "Adres en postcode",
        ReferralFields.Wijk => "Wijk",
        ReferralFields.Language => "Voorkeurstaal",
        _ => code,
    };

    /// <summary>The shared fields of a referral as a Dutch list ("Naam, Telefoonnummer").</summary>
    public static string ReferralFieldList(string? codes) =>
        string.IsNullOrWhiteSpace(codes) ? "–" : string.Join(", ", codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ReferralField));

    /// <summary>The source kind of the signal reports (<c>GetSignalReport.SourceKindCode</c>) in Dutch.</summary>
    public static string SourceKind(string code) => code switch
    {
        "import" => "Uit een ander systeem",
        "gemeente" => "Gemeente",
        "welzijnsorganisatie" => "Welzijnsorganisatie",
        "zorgaanbieder" => "Zorgaanbieder",
        "ggd" => "GGD",
        "huisartsenpraktijk" => "Huisartsenpraktijk",
        "fysiotherapie" => "Fysiotherapie",
        "wijkverpleging" => "Wijkverpleging",
        "thuiszorg" => "Thuiszorg",
        "sociaalwijkteam" => "Sociaal wijkteam",
        "apotheek" => "Apotheek",
        "woningcorporatie" => "Woningcorporatie",
        "overig" => "Overig",
        _ => code,
    };

    /// <summary>A close reason code in Dutch.</summary>
    public static string CloseReason(string code) =>
        SignalVocabulary.CloseReason(code) is { } reason ? SignalVocabulary.Label(reason) : code;

    public static string Sign(string code) =>
        SignalVocabulary.Signs.FirstOrDefault(s => s.Code == code)?.Label ?? code;
}
