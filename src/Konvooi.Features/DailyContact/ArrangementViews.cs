using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Data;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.DailyContact;

/// <summary>
/// What the arrangement use cases share: a stored arrangement, the volunteers who can be put in a rota, and the
/// mapping between the form (<see cref="ArrangementInput"/>) and the domain arrangement.
/// </summary>
public static class ArrangementViews
{
    public sealed record VolunteerOption(Guid UserId, string DisplayName);

    public sealed record Stored(Guid Id, Arrangement Arrangement, IReadOnlyList<ContactDetails> Contacts, DateOnly? ConsentGivenOn, string? ContactPreferences, int Version);

    /// <summary>The volunteers of the organisation, who can be put in a rota.</summary>
    internal static Task<List<VolunteerOption>> VolunteersAsync(KonvooiDbContext db, Guid? organisationId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisationId && m.Role == Role.Volunteer)
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new VolunteerOption(m.UserId, m.User!.DisplayName))
            .ToListAsync(cancellationToken);

    internal static Stored ToStored(DailyContactArrangement row) =>
        new(row.Id, DailyContactStore.ReadArrangement(row), DailyContactStore.ReadContacts(row), row.ConsentGivenOn, row.ContactPreferences, row.Version);

    /// <summary>Turns the form into a domain arrangement plus contact details; problems the domain cannot see come back too.</summary>
    internal static (Arrangement Arrangement, List<ContactDetails> Contacts, List<Error> Problems) Build(Guid personId, Guid id, ArrangementInput input, IReadOnlyDictionary<Guid, string> volunteers)
    {
        var problems = new List<Error>();
        var contacts = new List<Contact>();
        var details = new List<ContactDetails>();
        var rota = new List<RotaMember>();
        Guid? second = null;
        Guid? keyHolder = null;
        var mayBeCalled = new List<Guid>();
        foreach (var row in input.Contacts.Where(c => c.Role is not null))
        {
            Guid contactId;
            var firstName = row.FirstName?.Trim() ?? string.Empty;
            if (row.Role == ContactRole.Volunteer)
            {
                if (row.VolunteerUserId is not { } userId || !volunteers.TryGetValue(userId, out var displayName))
                {
                    problems.Add(new Error("daily-contact.unknown-volunteer", "Kies een vrijwilliger met een account bij deze organisatie."));
                    continue;
                }

                contactId = userId;
                firstName = firstName.Length > 0 ? firstName : displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? displayName;
                details.Add(new ContactDetails(contactId, userId, null));
            }
            else
            {
                contactId = row.ContactId is { } kept && !volunteers.ContainsKey(kept) ? kept : Guid.NewGuid();
                details.Add(new ContactDetails(contactId, null, string.IsNullOrWhiteSpace(row.Email) ? null : row.Email.Trim()));
            }

            contacts.Add(new Contact(contactId, firstName, row.Role!.Value));
            if (row.Days.Count > 0 || row.Position == RotaPosition.Main)
            {
                rota.Add(new RotaMember(contactId, row.Days.ToHashSet(), row.Position));
            }

            if (row.IsSecondContact)
            {
                second = contactId;
            }

            if (row.IsKeyHolder)
            {
                keyHolder = contactId;
            }

            if (row.MayBeCalled)
            {
                mayBeCalled.Add(contactId);
            }
        }

        var pauses = new List<Pause>();
        if (input.PauseFrom is { } from && input.PauseTo is { } to)
        {
            pauses.Add(new Pause(from, to, input.PauseReason ?? PauseReason.Other));
        }
        else if (input.PauseFrom is not null || input.PauseTo is not null)
        {
            problems.Add(new Error("daily-contact.pause-incomplete", "Vul bij een pauze zowel de eerste als de laatste dag in."));
        }

        var arrangement = new Arrangement
        {
            Id = id,
            PersonId = personId,
            Days = input.Days.ToHashSet(),
            Window = new TimeWindow(input.WindowStart ?? TimeOnly.MinValue, input.WindowEnd ?? TimeOnly.MinValue),
            Form = input.Form ?? ContactForm.DoorVisit,
            Contacts = contacts,
            Rota = rota,
            Topics = input.TopicList(),
            Escalation = new EscalationLadder(
                TimeSpan.FromMinutes(input.RetryAfterMinutes),
                TimeSpan.FromMinutes(input.SecondContactAfterMinutes),
                TimeSpan.FromMinutes(input.CoordinatorAfterMinutes),
                second,
                keyHolder,
                mayBeCalled),
            StartDate = input.StartDate ?? DateOnly.MinValue,
            EndDate = input.EndDate,
            Pauses = pauses,
        };
        return (arrangement, details, problems);
    }

    /// <summary>The form filled with a stored arrangement, for editing.</summary>
    public static ArrangementInput ToInput(Stored stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var a = stored.Arrangement;
        var input = new ArrangementInput
        {
            Days = [.. a.Days.OrderBy(d => ((int)d + 6) % 7)],
            WindowStart = a.Window.Start,
            WindowEnd = a.Window.End,
            Form = a.Form,
            StartDate = a.StartDate,
            EndDate = a.EndDate,
            Topics = string.Join('\n', a.Topics),
            RetryAfterMinutes = (int)a.Escalation.RetryAfter.TotalMinutes,
            SecondContactAfterMinutes = (int)a.Escalation.SecondContactAfter.TotalMinutes,
            CoordinatorAfterMinutes = (int)a.Escalation.CoordinatorAfter.TotalMinutes,
            ConsentGivenOn = stored.ConsentGivenOn,
            ContactPreferences = stored.ContactPreferences,
            PauseFrom = a.Pauses.Count > 0 ? a.Pauses[0].From : null,
            PauseTo = a.Pauses.Count > 0 ? a.Pauses[0].To : null,
            PauseReason = a.Pauses.Count > 0 ? a.Pauses[0].Reason : null,
        };
        foreach (var contact in a.Contacts)
        {
            var detail = stored.Contacts.FirstOrDefault(c => c.ContactId == contact.Id);
            var member = a.Rota.FirstOrDefault(r => r.ContactId == contact.Id);
            input.Contacts.Add(new ContactInput
            {
                ContactId = contact.Id,
                Role = contact.Role,
                VolunteerUserId = detail?.UserId,
                FirstName = contact.FirstName,
                Email = detail?.Email,
                Position = member?.Position ?? RotaPosition.Substitute,
                Days = member is null ? [] : [.. member.Days.OrderBy(d => ((int)d + 6) % 7)],
                IsSecondContact = a.Escalation.SecondContactId == contact.Id,
                IsKeyHolder = a.Escalation.KeyHolderContactId == contact.Id,
                MayBeCalled = a.Escalation.MayBeCalled.Contains(contact.Id),
            });
        }

        input.PadContacts();
        return input;
    }
}
