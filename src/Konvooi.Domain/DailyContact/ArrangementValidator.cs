using System.Globalization;
using Konvooi.Domain.Common;

namespace Konvooi.Domain.DailyContact;

/// <summary>
/// Refuses impossible or overlapping schedules. Every problem is returned (not only the first), each with a stable
/// code and a Dutch message at B1 level.
/// </summary>
public static class ArrangementValidator
{
    /// <summary>Checks one arrangement on its own.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="arrangement"/> is null.</exception>
    public static IReadOnlyList<Error> Validate(Arrangement arrangement)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        var errors = new List<Error>();

        if (arrangement.Days.Count == 0)
        {
            errors.Add(new Error("daily-contact.no-days", "Kies minstens één dag voor het contactmoment."));
        }

        if (arrangement.Window.End <= arrangement.Window.Start)
        {
            errors.Add(new Error(
                "daily-contact.window-end-before-start",
                $"Het contactmoment moet eindigen na het begin. Nu begint het om {Time(arrangement.Window.Start)} en eindigt het om {Time(arrangement.Window.End)}."));
        }

        if (arrangement.EndDate is { } end && end < arrangement.StartDate)
        {
            errors.Add(new Error(
                "daily-contact.end-date-before-start-date",
                $"De einddatum ({Date(end)}) ligt vóór de startdatum ({Date(arrangement.StartDate)})."));
        }

        CheckContacts(arrangement, errors);
        CheckRota(arrangement, errors);
        CheckEscalation(arrangement, errors);
        CheckPauses(arrangement, errors);
        return errors;
    }

    /// <summary>
    /// Checks a new or changed arrangement against the person's other arrangements: two arrangements overlap when
    /// their periods overlap, they share a day and their time windows overlap. A morning and an evening contact on
    /// the same day is allowed.
    /// </summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static IReadOnlyList<Error> ValidateAgainst(Arrangement arrangement, IEnumerable<Arrangement> others)
    {
        ArgumentNullException.ThrowIfNull(arrangement);
        ArgumentNullException.ThrowIfNull(others);
        var errors = new List<Error>();
        foreach (var other in others)
        {
            if (other.Id == arrangement.Id || other.PersonId != arrangement.PersonId)
            {
                continue;
            }

            var periodsOverlap = arrangement.StartDate <= (other.EndDate ?? DateOnly.MaxValue)
                && other.StartDate <= (arrangement.EndDate ?? DateOnly.MaxValue);
            var sharedDays = arrangement.Days.Intersect(other.Days).OrderBy(DayOrder).ToList();
            var windowsOverlap = arrangement.Window.Start < other.Window.End && other.Window.Start < arrangement.Window.End;
            if (periodsOverlap && sharedDays.Count > 0 && windowsOverlap)
            {
                errors.Add(new Error(
                    "daily-contact.overlapping-arrangement",
                    $"Er is al een afspraak voor deze persoon op {DayList(sharedDays)} tussen {Time(other.Window.Start)} en {Time(other.Window.End)}. Kies een andere tijd of pas de andere afspraak aan."));
            }
        }

        return errors;
    }

    private static void CheckContacts(Arrangement arrangement, List<Error> errors)
    {
        foreach (var duplicate in arrangement.Contacts.GroupBy(c => c.Id).Where(g => g.Count() > 1))
        {
            errors.Add(new Error(
                "daily-contact.duplicate-contact",
                $"{duplicate.First().FirstName} staat twee keer in de lijst met contactpersonen."));
        }

        foreach (var contact in arrangement.Contacts.Where(c => string.IsNullOrWhiteSpace(c.FirstName)))
        {
            errors.Add(new Error("daily-contact.contact-without-name", "Vul de voornaam van elke contactpersoon in."));
        }
    }

    private static void CheckRota(Arrangement arrangement, List<Error> errors)
    {
        foreach (var member in arrangement.Rota.Where(m => arrangement.FindContact(m.ContactId) is null))
        {
            errors.Add(new Error(
                "daily-contact.unknown-rota-contact",
                "Iemand in het rooster staat niet in de lijst met contactpersonen."));
        }

        foreach (var member in arrangement.Rota.Where(m => m.Days.Count == 0))
        {
            var name = arrangement.FindContact(member.ContactId)?.FirstName ?? "Iemand";
            errors.Add(new Error(
                "daily-contact.rota-member-without-days",
                $"{name} staat in het rooster zonder dagen. Kies op welke dagen {name} kan."));
        }

        var uncovered = arrangement.Days
            .Where(day => !arrangement.Rota.Any(m => m.Position == RotaPosition.Main && m.Days.Contains(day)))
            .OrderBy(DayOrder)
            .ToList();
        if (uncovered.Count > 0)
        {
            errors.Add(new Error(
                "daily-contact.rota-gap",
                $"Op {DayList(uncovered)} staat niemand in het rooster. Zet voor elke dag van het contactmoment iemand in het rooster."));
        }
    }

    private static void CheckEscalation(Arrangement arrangement, List<Error> errors)
    {
        var ladder = arrangement.Escalation;
        if (ladder.RetryAfter < TimeSpan.Zero)
        {
            errors.Add(new Error(
                "daily-contact.escalation-negative",
                "De tijd tot de tweede poging kan niet negatief zijn."));
        }

        if (ladder.SecondContactAfter <= ladder.RetryAfter || ladder.CoordinatorAfter <= ladder.SecondContactAfter)
        {
            errors.Add(new Error(
                "daily-contact.escalation-order",
                "De stappen bij geen contact moeten na elkaar komen: eerst opnieuw proberen, dan de tweede contactpersoon, dan de coördinator."));
        }

        if (ladder.CoordinatorAfter > TimeSpan.FromHours(12))
        {
            errors.Add(new Error(
                "daily-contact.escalation-too-late",
                "De coördinator moet binnen 12 uur na het contactmoment een melding krijgen."));
        }

        CheckReference(arrangement, ladder.SecondContactId, "daily-contact.unknown-second-contact", "De tweede contactpersoon staat niet in de lijst met contactpersonen.", errors);
        CheckReference(arrangement, ladder.KeyHolderContactId, "daily-contact.unknown-key-holder", "De persoon met de sleutel staat niet in de lijst met contactpersonen.", errors);
        foreach (var id in ladder.MayBeCalled)
        {
            CheckReference(arrangement, id, "daily-contact.unknown-call-contact", "Iemand die gebeld mag worden staat niet in de lijst met contactpersonen.", errors);
        }
    }

    private static void CheckReference(Arrangement arrangement, Guid? id, string code, string message, List<Error> errors)
    {
        if (id is { } value && arrangement.FindContact(value) is null)
        {
            errors.Add(new Error(code, message));
        }
    }

    private static void CheckPauses(Arrangement arrangement, List<Error> errors)
    {
        foreach (var pause in arrangement.Pauses)
        {
            if (pause.To < pause.From)
            {
                errors.Add(new Error(
                    "daily-contact.pause-end-before-start",
                    $"Een pauze eindigt ({Date(pause.To)}) vóór hij begint ({Date(pause.From)})."));
                continue;
            }

            if (!arrangement.Covers(pause.From) || !arrangement.Covers(pause.To))
            {
                errors.Add(new Error(
                    "daily-contact.pause-outside-arrangement",
                    $"De pauze van {Date(pause.From)} tot en met {Date(pause.To)} valt (deels) buiten de looptijd van de afspraak."));
            }
        }

        var ordered = arrangement.Pauses.Where(p => p.To >= p.From).OrderBy(p => p.From).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].From <= ordered[i - 1].To)
            {
                errors.Add(new Error(
                    "daily-contact.overlapping-pauses",
                    $"Twee pauzes overlappen: {Date(ordered[i - 1].From)} tot en met {Date(ordered[i - 1].To)} en {Date(ordered[i].From)} tot en met {Date(ordered[i].To)}."));
            }
        }
    }

    private static int DayOrder(DayOfWeek day) => ((int)day + 6) % 7;

    /// <summary>Dutch day names, fixed here so the message does not depend on the server's culture.</summary>
    internal static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "maandag",
        DayOfWeek.Tuesday => "dinsdag",
        DayOfWeek.Wednesday => "woensdag",
        DayOfWeek.Thursday => "donderdag",
        DayOfWeek.Friday => "vrijdag",
        DayOfWeek.Saturday => "zaterdag",
        _ => "zondag",
    };

    private static string DayList(List<DayOfWeek> days) =>
        days.Count == 1
            ? DayName(days[0])
            : string.Join(", ", days.Take(days.Count - 1).Select(DayName)) + " en " + DayName(days[^1]);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("d-M-yyyy", CultureInfo.InvariantCulture);
}
