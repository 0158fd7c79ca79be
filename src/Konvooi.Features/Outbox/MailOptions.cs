using System.ComponentModel.DataAnnotations;

namespace Konvooi.Features.Outbox;

/// <summary>Settings under <c>Konvooi:Mail</c> (docs/configuration.md): the mail server and the links in e-mails.</summary>
public sealed class MailOptions
{
    public const string Section = "Konvooi:Mail";

    [Range(1, 20)]
    public int MaxSendAttempts { get; set; } = 5;

    /// <summary>The public address of the app, used for the links in e-mails and calendar feeds.</summary>
    [Required]
    public string BaseUrl { get; set; } = "http://localhost:5080";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>Empty: no e-mail is sent; messages stay in the outbox with an error on the dashboard.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c> or <c>None</c> (only for a local test sink).</summary>
    public string Security { get; set; } = "StartTls";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "konvooi@localhost";

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;
}
