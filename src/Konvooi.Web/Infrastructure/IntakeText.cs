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

    public static string Sign(string code) =>
        SignalVocabulary.Signs.FirstOrDefault(s => s.Code == code)?.Label ?? code;
}
