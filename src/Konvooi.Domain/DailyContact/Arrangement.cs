namespace Konvooi.Domain.DailyContact;

/// <summary>How the daily contact is made.</summary>
public enum ContactForm
{
    /// <summary>Someone rings the bell and looks in at the door.</summary>
    DoorVisit,

    /// <summary>Someone phones the person.</summary>
    PhoneCall,
}

/// <summary>Who a contact is to the person.</summary>
public enum ContactRole
{
    Volunteer,
    Neighbour,
    Family,
}

/// <summary>Whether a rota member normally takes the slot or only stands in.</summary>
public enum RotaPosition
{
    Main,
    Substitute,
}

/// <summary>Why an arrangement is paused for a while.</summary>
public enum PauseReason
{
    Holiday,
    HospitalStay,
    Other,
}

/// <summary>One person who may take daily contact slots. Only a first name: that is all a slot needs.</summary>
public sealed record Contact(Guid Id, string FirstName, ContactRole Role);

/// <summary>
/// A place in the rota: the contact takes (or, as a substitute, stands in for) slots on <see cref="Days"/>.
/// When several main members share a day they take turns week by week, in rota order.
/// </summary>
public sealed record RotaMember(Guid ContactId, IReadOnlySet<DayOfWeek> Days, RotaPosition Position = RotaPosition.Main);

/// <summary>A fixed local (Europe/Amsterdam) time window on one day. Windows across midnight are not supported.</summary>
public sealed record TimeWindow(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>A period, both dates included, in which no contact is scheduled.</summary>
public sealed record Pause(DateOnly From, DateOnly To, PauseReason Reason)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}

/// <summary>
/// What happens when a slot's window passes without a confirmation. Every delay counts from the window end.
/// </summary>
/// <param name="RetryAfter">The assigned contact is asked to try again.</param>
/// <param name="SecondContactAfter">The second contact is asked to look in.</param>
/// <param name="CoordinatorAfter">The coordinator is alerted.</param>
/// <param name="SecondContactId">A fixed second contact; when null, the next available rota member stands in.</param>
/// <param name="KeyHolderContactId">Who holds a key to the home, if anyone.</param>
/// <param name="MayBeCalledContactIds">Who the coordinator may call when there is no contact (besides the rota).</param>
public sealed record EscalationLadder(
    TimeSpan RetryAfter,
    TimeSpan SecondContactAfter,
    TimeSpan CoordinatorAfter,
    Guid? SecondContactId = null,
    Guid? KeyHolderContactId = null,
    IReadOnlyList<Guid>? MayBeCalledContactIds = null)
{
    /// <summary>
    /// Defaults: retry after 30 minutes, second contact after 60, coordinator after 120. Check-in services use a
    /// 30–60 minute grace period and escalate within the first hour or two (iamfine, DailyOK-type apps, Japan Post
    /// mimamori; docs/daily-contact.md, "Defaults").
    /// </summary>
    public static EscalationLadder Default { get; } = new(
        TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(120));

    public IReadOnlyList<Guid> MayBeCalled => MayBeCalledContactIds ?? [];
}

/// <summary>
/// The agreement that someone looks in on a person every scheduled day at a fixed moment (JG-6,
/// docs/knowledge.md). Times are local Europe/Amsterdam wall-clock times.
/// </summary>
public sealed record Arrangement
{
    public required Guid Id { get; init; }

    public required Guid PersonId { get; init; }

    public required IReadOnlySet<DayOfWeek> Days { get; init; }

    public required TimeWindow Window { get; init; }

    public required ContactForm Form { get; init; }

    public required IReadOnlyList<Contact> Contacts { get; init; }

    public required IReadOnlyList<RotaMember> Rota { get; init; }

    /// <summary>The agreed topics, such as "how was your day?", in the words the person chose.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    public EscalationLadder Escalation { get; init; } = EscalationLadder.Default;

    public required DateOnly StartDate { get; init; }

    /// <summary>The last day included; null while the arrangement runs on.</summary>
    public DateOnly? EndDate { get; init; }

    public IReadOnlyList<Pause> Pauses { get; init; } = [];

    public bool Covers(DateOnly date) => date >= StartDate && (EndDate is null || date <= EndDate);

    public bool IsScheduledOn(DateOnly date) =>
        Covers(date) && Days.Contains(date.DayOfWeek) && !Pauses.Any(p => p.Contains(date));

    public Contact? FindContact(Guid id) => Contacts.FirstOrDefault(c => c.Id == id);
}

/// <summary>A day on which a contact cannot take their slots (holiday, illness).</summary>
public sealed record Unavailability(Guid ContactId, DateOnly From, DateOnly To)
{
    public bool Covers(Guid contactId, DateOnly date) => contactId == ContactId && date >= From && date <= To;
}
