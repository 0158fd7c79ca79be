using System.Globalization;
using Konvooi.Domain.DailyContact;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Konvooi.Features.DailyContact;

/// <summary>An e-mail about a slot. By design it holds no name, address or signal: only the reference and a link.</summary>
public sealed record DailyContactEmail(IReadOnlyList<string> To, string Subject, string Body);

/// <summary>The seam to the mail server.</summary>
public interface IDailyContactMailer
{
    /// <exception cref="DailyContactMailException">When the message could not be delivered to the server.</exception>
    Task SendAsync(DailyContactEmail message, CancellationToken cancellationToken);
}

public sealed class DailyContactMailException(string message, Exception? inner) : Exception(message, inner)
{
    public DailyContactMailException()
        : this("The e-mail could not be sent.", null)
    {
    }

    public DailyContactMailException(string message)
        : this(message, null)
    {
    }
}

/// <summary>Writes the Dutch e-mail texts. Everything here leaves the platform, so it stays free of personal data.</summary>
public static class DailyContactEmailText
{
    public static string SlotLink(string baseUrl, string reference) =>
        baseUrl.TrimEnd('/') + "/DailyContact/Slot/" + Uri.EscapeDataString(reference);

    /// <summary>Coordinators get a link to the slot; contacts to their own list (or they use their personal link).</summary>
    public static DailyContactEmail Compose(IReadOnlyList<string> to, string reason, string reference, string baseUrl, bool toCoordinator = true)
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
        return new DailyContactEmail(to, "Konvooi: " + subject, body);
    }
}

/// <summary>Sends through SMTP with MailKit.</summary>
public sealed class MailKitDailyContactMailer(IOptions<DailyContactOptions> options) : IDailyContactMailer
{
    public async Task SendAsync(DailyContactEmail message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new DailyContactMailException("No SMTP server is configured (Konvooi:DailyContact:Smtp:Host).");
        }

        using var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var to in message.To)
        {
            mime.To.Add(MailboxAddress.Parse(to));
        }

        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            var security = smtp.Security switch
            {
                "None" => SecureSocketOptions.None,
                "SslOnConnect" => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException or AuthenticationException or SslHandshakeException or TimeoutException)
        {
            throw new DailyContactMailException(ex.GetType().Name + ": " + ex.Message, ex);
        }
    }
}
