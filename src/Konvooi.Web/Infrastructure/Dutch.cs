using System.Globalization;
using Konvooi.Domain.Access;
using Konvooi.Features.Data;

namespace Konvooi.Web.Infrastructure;

/// <summary>Dutch display texts for codes, and dates in Dutch time and format.</summary>
public static class Dutch
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "–";

    public static string DateTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Amsterdam).ToString("d MMMM yyyy HH:mm", Culture);

    public static int Age(DateOnly born, DateOnly today) => Konvooi.Domain.Common.Ages.InWholeYears(born, today);

    public static string Text(LivingSituation value) => value switch
    {
        LivingSituation.Alone => "Woont alleen",
        LivingSituation.WithPartner => "Woont met partner",
        LivingSituation.WithOthers => "Woont met anderen",
        LivingSituation.Institution => "Woont in een instelling",
        _ => value.ToString(),
    };

    public static string Text(ConsentPurpose value) => value switch
    {
        ConsentPurpose.Registration => "Gegevens vastleggen",
        ConsentPurpose.SharingByReferral => "Gegevens delen bij doorverwijzing naar een partner",
        ConsentPurpose.DailyContactContacts => "Gegevens delen met de mensen van het dagelijks contactmoment",
        ConsentPurpose.MonitorAggregates => "Meetellen in anonieme cijfers (monitor)",
        ConsentPurpose.ContactAfterSignal => "Contact opnemen na een melding",
        _ => value.ToString(),
    };

    public static string Text(Role value) => value switch
    {
        Role.Administrator => "Beheerder",
        Role.Coordinator => "Coördinator",
        Role.Professional => "Professional",
        Role.Volunteer => "Vrijwilliger",
        Role.Analyst => "Analist",
        Role.Signaller => "Signaleerder",
        _ => value.ToString(),
    };

    public static string RoleText(string? stored) =>
        Enum.TryParse<Role>(stored, out var role) ? Text(role) : stored == "system" ? "Systeem" : stored ?? "–";

    public static string ActionText(string action) => action switch
    {
        "view" => "Bekeken",
        "list" => "In een lijst getoond",
        "create" => "Aangemaakt",
        "update" => "Gewijzigd",
        "consent-record" => "Toestemming vastgelegd",
        "consent-withdraw" => "Toestemming ingetrokken",
        "access-history-view" => "Inzage in wie het dossier bekeek",
        "assignment-add" => "Medewerker betrokken",
        "assignment-remove" => "Medewerker niet meer betrokken",
        "daily-contact-arrangement-view" => "Afspraak dagelijks contact bekeken",
        "daily-contact-arrangement-save" => "Afspraak dagelijks contact opgeslagen",
        "daily-contact-slot-view" => "Contactmoment getoond",
        "daily-contact-confirm" => "Contact gemaakt vastgelegd",
        "daily-contact-resolve" => "Gemist contactmoment afgesloten",
        "daily-contact-link-issue" => "Persoonlijke link gemaakt",
        "daily-contact-link-revoke" => "Persoonlijke link ingetrokken",
        "daily-contact-follow-up-handled" => "Signaal ‘leek anders’ opgevolgd",
        "catalogue-seed" => "Basiscatalogus overgenomen",
        "catalogue-create" => "Aanbod toegevoegd",
        "catalogue-update" => "Aanbod gewijzigd",
        "catalogue-retire" => "Aanbod uit de catalogus gehaald",
        "catalogue-load" => "Aanbod ingelezen uit een bestand",
        "weights-change" => "Gewichten van de regels veranderd",
        "weights-reset" => "Standaardgewichten teruggezet",
        "signal-report-view" => "Cijfers over meldingen bekeken",
        "signal-report-download" => "Cijfers over meldingen gedownload",
        _ => action,
    };
}
