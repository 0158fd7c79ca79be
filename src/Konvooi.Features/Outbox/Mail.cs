using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Konvooi.Features.Outbox;

/// <summary>An e-mail from the outbox. By design it holds no name, address or anything clinical: a reference and a link.</summary>
public sealed record OutgoingEmail(IReadOnlyList<string> To, string Subject, string Body);

/// <summary>The seam to the mail server.</summary>
public interface IMailer
{
    /// <exception cref="MailException">When the message could not be delivered to the server.</exception>
    Task SendAsync(OutgoingEmail message, CancellationToken cancellationToken);
}

public sealed class MailException(string message, Exception? inner) : Exception(message, inner)
{
    public MailException()
        : this("The e-mail could not be sent.", null)
    {
    }

    public MailException(string message)
        : this(message, null)
    {
    }
}

/// <summary>Sends through SMTP with MailKit.</summary>
public sealed class MailKitMailer(IOptions<MailOptions> options) : IMailer
{
    public async Task SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new MailException("No SMTP server is configured (Konvooi:Mail:Smtp:Host).");
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
            throw new MailException(ex.GetType().Name + ": " + ex.Message, ex);
        }
    }
}
