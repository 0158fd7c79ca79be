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
        "accepted" => "Aangenomen",
        "assigned" => "Medewerker toegewezen",
        "forwarded" => "Doorgestuurd",
        "first-contact" => "Eerste contact",
        "plan-agreed" => "Afspraken gemaakt",
        "closed" => "Afgesloten",
        _ => kind,
    };

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
