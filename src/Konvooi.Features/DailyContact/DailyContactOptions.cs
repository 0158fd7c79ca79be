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

    /// <summary>Days a personal link (confirmation link, calendar feed) works after it is issued or renewed (issue #17, finding 1).</summary>
    [Range(1, 3650)]
    public int LinkLifetimeDays { get; set; } = Domain.DailyContact.AccessTokens.DefaultLifetimeDays;
}
