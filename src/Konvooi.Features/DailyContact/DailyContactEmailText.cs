using System.Globalization;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Outbox;

namespace Konvooi.Features.DailyContact;

/// <summary>Writes the Dutch e-mail texts. Everything here leaves the platform, so it stays free of personal data.</summary>
public static class DailyContactEmailText
{
    public static string SlotLink(string baseUrl, string reference) =>
        baseUrl.TrimEnd('/') + "/DailyContact/Slot/" + Uri.EscapeDataString(reference);

    /// <summary>Coordinators get a link to the slot; contacts to their own list (or they use their personal link).</summary>
    public static OutgoingEmail Compose(IReadOnlyList<string> to, string reason, string reference, string baseUrl, bool toCoordinator = true)
    {
        var link = toCoordinator ? SlotLink(baseUrl, reference) : baseUrl.TrimEnd('/') + "/DailyContact/Mine";
        var (subject, text) = Enum.Parse<NotifyReason>(reason) switch
        {
            NotifyReason.TryAgain => ("Probeer het contactmoment opnieuw", "Het contactmoment is nog niet bevestigd. Wilt u het nog een keer proberen en daarna het contact bevestigen?"),
            NotifyReason.PleaseLookIn => ("Wilt u even gaan kijken?", "Bij een contactmoment is nog geen contact geweest. U bent de tweede contactpersoon. Wilt u gaan kijken of bellen en daarna het contact bevestigen?"),
            NotifyReason.NoContactAvailable => ("Niemand beschikbaar voor een contactmoment", "Voor een contactmoment is niemand beschikbaar om het opnieuw te proberen of te gaan kijken. Regel alstublieft zelf contact."),
            NotifyReason.SlotMissed => ("Contactmoment gemist", "Een contactmoment is gemist en ook na de stappen bij geen contact is er geen bevestiging. Neem alstublieft actie."),
            _ => ("Contact is toch gemaakt", "Er is toch contact geweest bij een contactmoment waarover u een melding kreeg. U hoeft niets meer te doen."),
        };
        var body = string.Create(CultureInfo.InvariantCulture, $"{text}\n\nContactmoment: {reference}\nBekijk het in Konvooi (na inloggen): {link}\n{(toCoordinator ? string.Empty : "Heeft u geen account? Gebruik dan de persoonlijke link die u van de coördinator kreeg.\n")}\nDit bericht bevat met opzet geen namen of adressen.\n");
        return new OutgoingEmail(to, "Konvooi: " + subject, body);
    }
}
