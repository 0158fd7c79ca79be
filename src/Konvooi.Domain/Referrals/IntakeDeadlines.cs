namespace Konvooi.Domain.Referrals;

/// <summary>Response times of the intake queue in working days (<see cref="WorkingDays"/>).</summary>
/// <param name="RoutineWorkingDays">Routine signals and referrals; default 5.</param>
/// <param name="SoonWorkingDays">Signals marked "soon"; default 2.</param>
public sealed record IntakeDeadlineSettings(int RoutineWorkingDays = 5, int SoonWorkingDays = 2)
{
    public static IntakeDeadlineSettings Default { get; } = new();
}

/// <summary>When an intake item must have had a response, and whether it is overdue.</summary>
public static class IntakeDeadlines
{
    /// <summary>
    /// The response deadline of an item received on <paramref name="receivedOn"/> (Dutch date). A safety worry is
    /// due the same day, whatever day that is; the others count working days after the day of receipt.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="settings"/> is null.</exception>
    public static DateOnly Deadline(DateOnly receivedOn, SignalUrgency urgency, IntakeDeadlineSettings settings, IReadOnlySet<DateOnly>? extraClosedDays = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return urgency switch
        {
            SignalUrgency.SafetyToday => receivedOn,
            SignalUrgency.Soon => WorkingDays.Add(receivedOn, settings.SoonWorkingDays, extraClosedDays),
            _ => WorkingDays.Add(receivedOn, settings.RoutineWorkingDays, extraClosedDays),
        };
    }

    /// <summary>An item still waiting for a response after its deadline day.</summary>
    public static bool IsOverdue(DateOnly deadline, DateOnly today, bool responded) => !responded && today > deadline;
}
