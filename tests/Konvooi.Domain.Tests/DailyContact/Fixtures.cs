using Konvooi.Domain.DailyContact;

namespace Konvooi.Domain.Tests.DailyContact;

internal static class Fixtures
{
    public static readonly Guid PersonId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid ArrangementId = Guid.Parse("22222222-2222-2222-2222-222222222222");
    public static readonly Guid Anna = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    public static readonly Guid Bram = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000002");
    public static readonly Guid Cor = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000003");
    public static readonly Guid Dewi = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000004");

    public static readonly IReadOnlySet<DayOfWeek> EveryDay = Enum.GetValues<DayOfWeek>().ToHashSet();

    public static TimeZoneInfo Amsterdam => LocalTime.Amsterdam();

    /// <summary>Every day 10:00–10:30 from 2026-03-02 (a Monday); Anna and Bram share the days, Cor substitutes.</summary>
    public static Arrangement Daily() => new()
    {
        Id = ArrangementId,
        PersonId = PersonId,
        Days = EveryDay,
        Window = new TimeWindow(new TimeOnly(10, 0), new TimeOnly(10, 30)),
        Form = ContactForm.DoorVisit,
        Contacts =
        [
            new Contact(Anna, "Anna", ContactRole.Volunteer),
            new Contact(Bram, "Bram", ContactRole.Neighbour),
            new Contact(Cor, "Cor", ContactRole.Family),
        ],
        Rota =
        [
            new RotaMember(Anna, EveryDay),
            new RotaMember(Bram, EveryDay),
            new RotaMember(Cor, EveryDay, RotaPosition.Substitute),
        ],
        Topics = ["Hoe was je dag?"],
        StartDate = new DateOnly(2026, 3, 2),
    };

    public static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>A slot on 2026-06-10 from 08:00 to 08:30 UTC (10:00–10:30 CEST) for Anna, with Bram second.</summary>
    public static Slot SummerSlot(Guid? contactId = null, Guid? secondContactId = null, bool noSecond = false) => new(
        Slot.ReferenceFor(ArrangementId, new DateOnly(2026, 6, 10)),
        ArrangementId,
        PersonId,
        new DateOnly(2026, 6, 10),
        Utc(2026, 6, 10, 8, 0),
        Utc(2026, 6, 10, 8, 30),
        ContactForm.DoorVisit,
        contactId ?? Anna,
        false,
        noSecond ? null : secondContactId ?? Bram,
        EscalationLadder.Default);
}
