using System.Globalization;
using Konvooi.Domain.DailyContact;

namespace Konvooi.Web.Infrastructure;

/// <summary>Dutch texts (B1) for the daily contact pages.</summary>
public static class DailyContactText
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly TimeZoneInfo Amsterdam = LocalTime.Amsterdam();

    public static IReadOnlyList<DayOfWeek> WeekOrder { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Amsterdam).ToString("HH:mm", Culture);

    public static string Window(DateTime startUtc, DateTime endUtc) => Time(startUtc) + " – " + Time(endUtc) + " uur";

    public static string Day(DateOnly date) => date.ToString("dddd d MMMM", Culture);

    public static string Text(DayOfWeek day) => Culture.DateTimeFormat.GetDayName(day);

    public static string Text(SlotStatus status) => status switch
    {
        SlotStatus.Scheduled => "Gepland",
        SlotStatus.Due => "Nu aan de beurt",
        SlotStatus.Confirmed => "Contact gemaakt",
        SlotStatus.ConfirmedLate => "Contact gemaakt (later)",
        SlotStatus.Missed => "Nog geen contact",
        SlotStatus.Escalated => "Gemeld: nog geen contact",
        SlotStatus.Resolved => "Afgesloten door coördinator",
        _ => status.ToString(),
    };

    public static string Text(TodayCategory category) => category switch
    {
        TodayCategory.Done => "Klaar",
        TodayCategory.Due => "Nog te doen",
        TodayCategory.Overdue => "Te laat",
        TodayCategory.Escalated => "Gemeld",
        _ => category.ToString(),
    };

    public static string Text(DifferenceSignal signal) => signal switch
    {
        DifferenceSignal.Confused => "In de war",
        DifferenceSignal.Unwell => "Niet lekker of ziek",
        DifferenceSignal.VeryLow => "Erg somber",
        DifferenceSignal.NeedsHelp => "Heeft hulp nodig",
        _ => signal.ToString(),
    };

    public static string Text(ContactForm form) => form switch
    {
        ContactForm.DoorVisit => "Even langs aan de deur",
        ContactForm.PhoneCall => "Telefoontje",
        _ => form.ToString(),
    };

    public static string Text(ContactRole role) => role switch
    {
        ContactRole.Volunteer => "Vrijwilliger",
        ContactRole.Neighbour => "Buur",
        ContactRole.Family => "Familie",
        _ => role.ToString(),
    };

    public static string Text(RotaPosition position) => position == RotaPosition.Main ? "Vaste persoon" : "Invaller";

    public static string Text(PauseReason reason) => reason switch
    {
        PauseReason.Holiday => "Vakantie",
        PauseReason.HospitalStay => "Opname in ziekenhuis",
        _ => "Anders",
    };

    public static string Text(SlotEventKind kind) => kind switch
    {
        SlotEventKind.WindowOpened => "Contactmoment begonnen",
        SlotEventKind.Missed => "Tijd voorbij zonder bevestiging",
        SlotEventKind.RetryRequested => "Gevraagd het opnieuw te proberen",
        SlotEventKind.SecondContactRequested => "Tweede contactpersoon gevraagd",
        SlotEventKind.CoordinatorAlerted => "Coördinator gewaarschuwd",
        SlotEventKind.Confirmed => "Contact bevestigd",
        SlotEventKind.ConfirmedLate => "Contact later bevestigd",
        SlotEventKind.Resolved => "Afgesloten door coördinator",
        _ => kind.ToString(),
    };

    public static string Signals(IEnumerable<DifferenceSignal> signals) => string.Join(", ", signals.Select(Text));
}
