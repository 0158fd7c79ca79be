namespace Konvooi.Domain.Referrals;

/// <summary>How soon the receiving organisation should respond to a signal.</summary>
public enum SignalUrgency
{
    /// <summary>Within the routine response time (default 5 working days).</summary>
    Routine,

    /// <summary>Soon (default 2 working days).</summary>
    Soon,

    /// <summary>The signaller is worried about the person's safety today: the form shows the crisis route
    /// (GP, 113, 112) and the signal is due the same day.</summary>
    SafetyToday,
}

/// <summary>Why an intake item was closed without (further) support; the codes are stable.</summary>
public enum IntakeCloseReason
{
    /// <summary><c>not_reachable</c>: several attempts, no contact.</summary>
    NotReachable,

    /// <summary><c>declined_contact</c>: the person did not want contact.</summary>
    DeclinedContact,

    /// <summary><c>already_known</c>: the person is already supported by the organisation.</summary>
    AlreadyKnown,

    /// <summary><c>not_needed</c>: after looking into it, no support is needed.</summary>
    NotNeeded,

    /// <summary><c>other</c>: with a note.</summary>
    Other,
}

/// <summary>An observable sign a professional outside welfare can tick: a reason to talk, never a score (RK-8).</summary>
/// <param name="Code">Stable code stored with the signal.</param>
/// <param name="Label">B1 Dutch text on the form.</param>
/// <param name="Insights">Insight ids the sign rests on (docs/knowledge.md).</param>
public sealed record ObservableSign(string Code, string Label, IReadOnlyList<string> Insights);

/// <summary>Codes and Dutch labels of the signal form, in our own words.</summary>
public static class SignalVocabulary
{
    /// <summary>
    /// The checklist of observable signs, in the order the form shows them. The themes follow the signal card for
    /// professionals of the Dutch programme Eén tegen eenzaamheid (Ministerie van VWS, "Signaleringskaart
    /// eenzaamheid": physical, psychological, social and behavioural signs and life events), written in our own
    /// words and limited to what an outsider can observe. The card's own rule holds: the signs are a reason to
    /// talk, not a list to tick off into a score.
    /// </summary>
    public static IReadOnlyList<ObservableSign> Signs { get; } =
    [
        new("lives_alone_few_visitors", "Woont alleen en krijgt weinig bezoek", ["JG-6", "RK-8"]),
        new("recent_loss", "Heeft kort geleden iemand verloren, door overlijden of een scheiding", ["JG-4", "RK-8"]),
        new("recent_move", "Is kort geleden verhuisd, bijvoorbeeld naar een kleinere woning of een andere wijk", ["JG-4", "RK-8"]),
        new("talks_about_being_alone", "Praat over alleen zijn of zegt zich alleen te voelen", ["AM-1", "RK-8"]),
        new("self_or_home_neglect", "Zorgt minder goed voor zichzelf of voor het huis dan eerst", ["RK-8"]),
        new("stopped_going_out", "Gaat minder de deur uit of is gestopt met activiteiten", ["RK-8"]),
        new("nobody_to_fall_back_on", "Noemt niemand om op terug te vallen", ["JG-4", "RK-8"]),
        new("lost_role", "Is een rol of taak kwijt, bijvoorbeeld werk, mantelzorg of vrijwilligerswerk", ["RK-8"]),
        new("memory_concerns", "Lijkt vergeetachtiger of in de war, meer dan eerst", ["VT-7"]),
        new("low_mood", "Lijkt somber of zegt nergens zin in te hebben", ["RK-8"]),
        new("illness_or_disability", "Kreeg een ziekte of beperking, zelf of iemand dichtbij", ["RK-3", "RK-8"]),
        new("money_worries", "Heeft geldzorgen of verloor werk", ["TF-8"]),
    ];

    /// <summary>The stable code of a close reason (<c>not_reachable</c> …).</summary>
    public static string Code(IntakeCloseReason reason) => reason switch
    {
        IntakeCloseReason.NotReachable => "not_reachable",
        IntakeCloseReason.DeclinedContact => "declined_contact",
        IntakeCloseReason.AlreadyKnown => "already_known",
        IntakeCloseReason.NotNeeded => "not_needed",
        IntakeCloseReason.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>The close reason of a stable code, or null for an unknown code.</summary>
    public static IntakeCloseReason? CloseReason(string? code) => code switch
    {
        "not_reachable" => IntakeCloseReason.NotReachable,
        "declined_contact" => IntakeCloseReason.DeclinedContact,
        "already_known" => IntakeCloseReason.AlreadyKnown,
        "not_needed" => IntakeCloseReason.NotNeeded,
        "other" => IntakeCloseReason.Other,
        _ => null,
    };

    /// <summary>Dutch label of a close reason for the coordinator.</summary>
    public static string Label(IntakeCloseReason reason) => reason switch
    {
        IntakeCloseReason.NotReachable => "Niet bereikbaar",
        IntakeCloseReason.DeclinedContact => "Wil geen contact",
        IntakeCloseReason.AlreadyKnown => "Al bekend bij ons",
        IntakeCloseReason.NotNeeded => "Geen ondersteuning nodig",
        IntakeCloseReason.Other => "Andere reden",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>Dutch label of an urgency.</summary>
    public static string Label(SignalUrgency urgency) => urgency switch
    {
        SignalUrgency.Routine => "Gewoon",
        SignalUrgency.Soon => "Graag snel",
        SignalUrgency.SafetyToday => "Ik maak me vandaag zorgen over de veiligheid",
        _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, null),
    };
}
