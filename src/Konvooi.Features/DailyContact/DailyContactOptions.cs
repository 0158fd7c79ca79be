using System.ComponentModel.DataAnnotations;

namespace Konvooi.Features.DailyContact;

/// <summary>Settings under <c>Konvooi:DailyContact</c> (docs/configuration.md).</summary>
public sealed class DailyContactOptions
{
    public const string Section = "Konvooi:DailyContact";

    /// <summary>Whether the web host runs the background job. Off for the CLI and most tests.</summary>
    public bool JobEnabled { get; set; } = true;

    [Range(5, 3600)]
    public int IntervalSeconds { get; set; } = 60;

    /// <summary>How many days ahead slots are created (and rota gaps shown).</summary>
    [Range(1, 60)]
    public int HorizonDays { get; set; } = 14;

    /// <summary>How many past days are created after a long stop, so missed windows still escalate.</summary>
    [Range(0, 7)]
    public int CatchUpDays { get; set; } = 1;

    [Range(1, 20)]
    public int MaxSendAttempts { get; set; } = 5;

    /// <summary>The address of the app, used for the link in e-mails and calendar feeds.</summary>
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
