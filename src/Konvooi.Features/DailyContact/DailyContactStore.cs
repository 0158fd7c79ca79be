using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Konvooi.Domain.DailyContact;
using Konvooi.Features.Data;

namespace Konvooi.Features.DailyContact;

/// <summary>How a contact of an arrangement is reached: a volunteer's account, or an e-mail address.</summary>
/// <remarks>A volunteer with an account has the account's user id as contact id, so "own slot" is one comparison.</remarks>
public sealed record ContactDetails(Guid ContactId, Guid? UserId, string? Email);

/// <summary>Maps the daily contact rows to the domain records and back. The domain stays free of persistence.</summary>
public static class DailyContactStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static Arrangement ReadArrangement(DailyContactArrangement row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var dto = JsonSerializer.Deserialize<ArrangementDto>(row.ArrangementJson, Json)
            ?? throw new InvalidOperationException("Empty arrangement JSON for " + row.Id.ToString("D", CultureInfo.InvariantCulture));
        return dto.ToDomain();
    }

    public static string WriteArrangement(Arrangement arrangement) => JsonSerializer.Serialize(ArrangementDto.From(arrangement), Json);

    public static IReadOnlyList<ContactDetails> ReadContacts(DailyContactArrangement row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return JsonSerializer.Deserialize<List<ContactDetails>>(row.ContactDetailsJson, Json) ?? [];
    }

    public static string WriteContacts(IEnumerable<ContactDetails> contacts) => JsonSerializer.Serialize(contacts.ToList(), Json);

    public static DailyContactSlot NewSlotRow(Slot slot, Guid organisationId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var row = new DailyContactSlot
        {
            Id = Guid.NewGuid(),
            Reference = slot.Reference,
            ArrangementId = slot.ArrangementId,
            PersonId = slot.PersonId,
            OrganisationId = organisationId,
            LocalDate = slot.LocalDate,
            StartUtc = slot.StartUtc,
            EndUtc = slot.EndUtc,
            ContactId = slot.ContactId,
            SecondContactId = slot.SecondContactId,
            SlotJson = JsonSerializer.Serialize(slot, Json),
            Status = string.Empty,
            StateJson = string.Empty,
            Version = 0,
        };
        Apply(row, SlotState.Initial(slot), nowUtc);
        return row;
    }

    public static SlotState ReadState(DailyContactSlot row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var slot = JsonSerializer.Deserialize<Slot>(row.SlotJson, Json)
            ?? throw new InvalidOperationException("Empty slot JSON for " + row.Reference);
        var state = JsonSerializer.Deserialize<StateDto>(row.StateJson, Json)
            ?? throw new InvalidOperationException("Empty state JSON for " + row.Reference);
        return new SlotState(
            slot,
            Enum.Parse<SlotStatus>(row.Status),
            (EscalationStep)row.LastStep,
            state.Confirmation?.ToDomain(),
            state.Resolution is { } r ? new Resolution(r.AtUtc, r.CoordinatorUserId, r.Note) : null,
            state.Log.Select(e => new SlotEvent(e.Kind, e.DueAtUtc, e.HandledAtUtc)).ToList());
    }

    /// <summary>Copies a new state onto the row. The concurrency tokens keep their original values for the check.</summary>
    public static void Apply(DailyContactSlot row, SlotState state, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(state);
        row.Status = state.Status.ToString();
        row.LastStep = (int)state.LastStep;
        row.IsClosed = state.IsClosed;
        row.StateJson = JsonSerializer.Serialize(
            new StateDto(
                ConfirmationDto.From(state.Confirmation),
                state.Resolution is { } r ? new ResolutionDto(r.AtUtc, r.CoordinatorUserId, r.Note) : null,
                state.Log.Select(e => new EventDto(e.Kind, e.DueAtUtc, e.HandledAtUtc)).ToList()),
            Json);
        row.UpdatedAtUtc = nowUtc;
        row.Version++;
    }

    public static string SignalsText(IEnumerable<DifferenceSignal> signals) =>
        string.Join(',', signals.OrderBy(s => s).Select(s => s.ToString()));

    public static IReadOnlySet<DifferenceSignal> ParseSignals(string text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<DifferenceSignal>).ToHashSet();

    private sealed record ArrangementDto(
        Guid Id,
        Guid PersonId,
        List<DayOfWeek> Days,
        TimeOnly WindowStart,
        TimeOnly WindowEnd,
        ContactForm Form,
        List<Contact> Contacts,
        List<RotaDto> Rota,
        List<string> Topics,
        LadderDto Escalation,
        DateOnly StartDate,
        DateOnly? EndDate,
        List<Pause> Pauses)
    {
        public static ArrangementDto From(Arrangement a) => new(
            a.Id,
            a.PersonId,
            [.. a.Days.OrderBy(d => d)],
            a.Window.Start,
            a.Window.End,
            a.Form,
            [.. a.Contacts],
            [.. a.Rota.Select(r => new RotaDto(r.ContactId, [.. r.Days.OrderBy(d => d)], r.Position))],
            [.. a.Topics],
            new LadderDto(a.Escalation.RetryAfter.TotalMinutes, a.Escalation.SecondContactAfter.TotalMinutes, a.Escalation.CoordinatorAfter.TotalMinutes, a.Escalation.SecondContactId, a.Escalation.KeyHolderContactId, [.. a.Escalation.MayBeCalled]),
            a.StartDate,
            a.EndDate,
            [.. a.Pauses]);

        public Arrangement ToDomain() => new()
        {
            Id = Id,
            PersonId = PersonId,
            Days = Days.ToHashSet(),
            Window = new TimeWindow(WindowStart, WindowEnd),
            Form = Form,
            Contacts = Contacts,
            Rota = Rota.Select(r => new RotaMember(r.ContactId, r.Days.ToHashSet(), r.Position)).ToList(),
            Topics = Topics,
            Escalation = new EscalationLadder(
                TimeSpan.FromMinutes(Escalation.RetryAfterMinutes),
                TimeSpan.FromMinutes(Escalation.SecondContactAfterMinutes),
                TimeSpan.FromMinutes(Escalation.CoordinatorAfterMinutes),
                Escalation.SecondContactId,
                Escalation.KeyHolderContactId,
                Escalation.MayBeCalled),
            StartDate = StartDate,
            EndDate = EndDate,
            Pauses = Pauses,
        };
    }

    private sealed record RotaDto(Guid ContactId, List<DayOfWeek> Days, RotaPosition Position);

    private sealed record LadderDto(double RetryAfterMinutes, double SecondContactAfterMinutes, double CoordinatorAfterMinutes, Guid? SecondContactId, Guid? KeyHolderContactId, List<Guid> MayBeCalled);

    private sealed record StateDto(ConfirmationDto? Confirmation, ResolutionDto? Resolution, List<EventDto> Log);

    private sealed record ConfirmationDto(DateTime AtUtc, Guid? ContactId, Guid? CoordinatorUserId, string? Note, List<DifferenceSignal> Signals)
    {
        public static ConfirmationDto? From(Confirmation? c) => c is null
            ? null
            : new ConfirmationDto(
                c.AtUtc,
                (c.By as Confirmer.ByContact)?.ContactId,
                (c.By as Confirmer.ByCoordinator)?.UserId,
                c.Note,
                [.. c.SignalsGiven.OrderBy(s => s)]);

        public Confirmation ToDomain() => new(
            AtUtc,
            ContactId is { } contact ? new Confirmer.ByContact(contact) : new Confirmer.ByCoordinator(CoordinatorUserId.GetValueOrDefault()),
            Note,
            Signals.ToHashSet());
    }

    private sealed record ResolutionDto(DateTime AtUtc, Guid CoordinatorUserId, string? Note);

    private sealed record EventDto(SlotEventKind Kind, DateTime DueAtUtc, DateTime HandledAtUtc);
}
